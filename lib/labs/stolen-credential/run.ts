import "server-only";

import type { AuthMode } from "../../auth/types.ts";
import { getConfig } from "../../env.ts";
import { callMe, exchangeForDownstream, logInAs, presenting, secondsUntilExp, tokenLifetime } from "../credentials.ts";
import { answerCode, createLabClient } from "../recorder.ts";
import { judgeStolenCredential } from "./verdict.ts";
import type { ThrowawayUser } from "../throwaway-user.ts";
import type { LabColumn, LabOutcome } from "../types.ts";

/**
 * Lab 1: someone copied the credential, and the downstream token it was exchanged for; the real
 * user logs out; both copies are replayed — at this app, and at a downstream service that holds
 * only the verification key.
 */

async function stealAndReplay(origin: string, mode: AuthMode, user: ThrowawayUser): Promise<LabColumn> {
  const client = createLabClient(origin);
  const held = await logInAs(client, mode, user);
  const before = await callMe(client, held, "Use the copy while the user is logged in");
  const exchange = await exchangeForDownstream(client, held, "Exchange it for a token for the downstream service (the thief copies that too)");
  await client.send("The user logs out", { method: "POST", path: `/api/${mode}/logout`, ...presenting(mode, held.value) });
  const replayedAt = new Date();
  const app = await callMe(client, held, "Replay the copy at this app", { decisive: true });
  const downstream = await client.send("Replay the copy at a downstream service (no database)", {
    path: `/api/downstream/${mode}`,
    ...presenting(mode, held.value),
    decisive: true,
  });
  const token = exchange.token;
  const downstreamToken = token ? await client.send("Replay the copied downstream token there", { path: "/api/downstream/jwt", bearer: token, decisive: true }) : null;
  // Where the mode takes Bearer tokens, the other direction: a downstream token is no key to this app.
  if (token && held.mode === "jwt") await client.send("Present the downstream token to this app", { path: "/api/jwt/me", bearer: token });
  const judged = judgeStolenCredential(mode, {
    before: answerCode(before),
    app: answerCode(app),
    downstream: answerCode(downstream),
    exchange: answerCode(exchange.answer),
    downstreamToken: downstreamToken ? answerCode(downstreamToken) : null,
    secondsUntilExp: secondsUntilExp(held.value, replayedAt),
    downstreamTokenSecondsLeft: token ? secondsUntilExp(token, replayedAt) : null,
    downstreamTokenLifetimeSeconds: token ? tokenLifetime(token) : null,
  });
  return { mode, steps: client.steps, ...judged };
}

const revocationNotes = {
  none: "JWT_REVOCATION_CHECK=none: this app reads nothing after the signature, so a copy of the access token works here until exp. The exchange checks the denylist all the same: a logged-out token buys no downstream token.",
  denylist: "JWT_REVOCATION_CHECK=denylist: logout put the token's jti on the denylist, and this app reads it (with the user's token version) on every request, so the copy stops working here.",
} as const;

export async function runStolenCredentialLab(origin: string, user: ThrowawayUser): Promise<LabOutcome> {
  const config = getConfig();
  const [session, jwt] = await Promise.all([stealAndReplay(origin, "session", user), stealAndReplay(origin, "jwt", user)]);
  return {
    config: {
      JWT_REVOCATION_CHECK: config.JWT_REVOCATION_CHECK,
      JWT_ACCESS_TTL_SECONDS: config.JWT_ACCESS_TTL_SECONDS,
      JWT_CLOCK_SKEW_SECONDS: config.JWT_CLOCK_SKEW_SECONDS,
      JWT_ALG: config.JWT_ALG,
    },
    columns: { session, jwt },
    notes: [
      revocationNotes[config.JWT_REVOCATION_CHECK],
      "One audience per recipient: the app's own credential is never accepted by the downstream service (an access token names only this app: token_wrong_aud; a session cookie cannot be decided there). What that service gets is a token from POST /api/<mode>/token, minted for it alone and refused by this app.",
      "The downstream JWT service (GET /api/downstream/jwt) stands for any API that trusts these tokens with only the key: it checks signature, iss, aud, typ, exp and the token's age — nothing that changed after the token was issued. So a copied downstream token outlives the logout, for the rest of its life: at most 60 s.",
      "The downstream session service (GET /api/downstream/session) cannot decide at all: the cookie only names a Session row, so it must ask the session store — which is exactly what makes logout immediate.",
    ],
  };
}

import "server-only";

import type { AuthMode } from "../auth/types.ts";
import { getConfig } from "../env.ts";
import { callMe, logInAs, presenting, secondsUntilExp } from "./credentials.ts";
import { answerCode, createLabClient } from "./recorder.ts";
import { judgeStolenCredential } from "./stolen-credential-verdict.ts";
import type { ThrowawayUser } from "./throwaway-user.ts";
import type { LabColumn, LabOutcome } from "./types.ts";

/**
 * Lab 1: someone copied the credential; the real user logs out; the copy is replayed — at
 * this app, and at a downstream service that holds only the verification key.
 */

async function stealAndReplay(origin: string, mode: AuthMode, user: ThrowawayUser): Promise<LabColumn> {
  const client = createLabClient(origin);
  const held = await logInAs(client, mode, user);
  const before = await callMe(client, held, "Use the copy while the user is logged in");
  await client.send("The user logs out", { method: "POST", path: `/api/${mode}/logout`, ...presenting(mode, held.value) });
  const replayedAt = new Date();
  const app = await callMe(client, held, "Replay the copy at this app", { decisive: true });
  const downstream = await client.send("Replay the copy at a downstream service (no database)", {
    path: `/api/downstream/${mode}`,
    ...presenting(mode, held.value),
    decisive: true,
  });
  const judged = judgeStolenCredential(mode, {
    before: answerCode(before),
    app: answerCode(app),
    downstream: answerCode(downstream),
    secondsUntilExp: secondsUntilExp(held.value, replayedAt),
  });
  return { mode, steps: client.steps, ...judged };
}

const revocationNotes = {
  none: "JWT_REVOCATION_CHECK=none: this app reads nothing after the signature, so a copy works here exactly as long as downstream — until exp.",
  denylist: "JWT_REVOCATION_CHECK=denylist: logout put the token's jti on the denylist, and this app reads it (with the user's token version) on every request, so the copy stops working here. The downstream service reads neither.",
} as const;

export async function runStolenCredentialLab(origin: string, user: ThrowawayUser): Promise<LabOutcome> {
  const config = getConfig();
  const [session, jwt] = await Promise.all([stealAndReplay(origin, "session", user), stealAndReplay(origin, "jwt", user)]);
  return {
    config: {
      JWT_REVOCATION_CHECK: config.JWT_REVOCATION_CHECK,
      JWT_ACCESS_TTL_SECONDS: config.JWT_ACCESS_TTL_SECONDS,
      JWT_CLOCK_SKEW_SECONDS: config.JWT_CLOCK_SKEW_SECONDS,
    },
    columns: { session, jwt },
    notes: [
      revocationNotes[config.JWT_REVOCATION_CHECK],
      "The downstream JWT service (GET /api/downstream/jwt) stands for any API that trusts these tokens with only the key: it checks signature, iss, aud, typ and exp — nothing that changed after the token was issued.",
      "The downstream session service (GET /api/downstream/session) cannot decide at all: the cookie only names a Session row, so it must ask the session store — which is exactly what makes logout immediate.",
    ],
  };
}

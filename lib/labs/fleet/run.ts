import "server-only";

import type { AuthMode } from "../../auth/types.ts";
import { getConfig } from "../../env.ts";
import { exchangeForDownstream, logInAs, presenting, secondsUntilExp } from "../credentials.ts";
import { judgeFleetReplay } from "./verdict.ts";
import { answerCode, createLabClient } from "../recorder.ts";
import type { ThrowawayUser } from "../throwaway-user.ts";
import type { LabColumn, LabOutcome } from "../types.ts";

/**
 * The fleet lab: log in on one instance (and exchange the credential for a downstream token),
 * log out on another, replay the copy on every instance and both copies at the downstream service. Each instance is addressed by its own origin (FLEET_INSTANCES,
 * set by `npm run fleet`), never through the balancer, so the transcript names who answered.
 */

export const FLEET_COMMAND = "DATABASE_URL=postgresql://postgres@127.0.0.1:5432/svj REDIS_URL=redis://127.0.0.1:6379 PORT=3000 npm run fleet";
export const DOWNSTREAM_COMMAND = "DOWNSTREAM_PORT=4000 JWKS_URL=http://127.0.0.1:3000/.well-known/jwks.json npm run downstream";

/** The instances' origins, or null on a single server (the lab then refuses to run: 409). */
export function fleetInstances(): string[] | null {
  const instances = getConfig().FLEET_INSTANCES;
  return instances.length >= 2 ? instances : null;
}

export const fleetRequired = {
  status: 409,
  code: "fleet_required",
  message: `This lab needs at least two instances (FLEET_INSTANCES), and this server runs alone. Start a fleet: ${FLEET_COMMAND}`,
} as const;

const nameOf = (origin: string) => new URL(origin).host;

async function logInHereLogOutThere(instances: string[], mode: AuthMode, user: ThrowawayUser): Promise<LabColumn> {
  const [loginAt, logoutAt] = [instances[0]!, instances[1]!];
  // Absolute URLs in `path`: each exchange is recorded with the instance it went to.
  const client = createLabClient(loginAt);
  const held = await logInAs(client, mode, user, loginAt);
  const credential = presenting(mode, held.value);
  const before = await client.send(`Use the copy at ${nameOf(loginAt)} while the user is logged in`, { path: `${loginAt}/api/${mode}/me`, ...credential });
  const exchange = await exchangeForDownstream(client, held, `Exchange it at ${nameOf(loginAt)} for a downstream token (the thief copies that too)`, loginAt);
  const logout = await client.send(`The user logs out at another instance, ${nameOf(logoutAt)}`, { method: "POST", path: `${logoutAt}/api/${mode}/logout`, ...credential });
  const replayedAt = new Date();
  const replays = [];
  for (const origin of instances) {
    const answer = await client.send(`Replay the copy at ${nameOf(origin)}`, { path: `${origin}/api/${mode}/me`, ...credential, decisive: true });
    replays.push({ name: nameOf(origin), code: answerCode(answer) });
  }
  const whoami = `${getConfig().DOWNSTREAM_URL.replace(/\/$/, "")}/whoami`;
  const downstream = await client.send("Replay the copy at the downstream service (JWKS only, no database)", { path: whoami, ...credential, decisive: true, timeoutMs: 3000 });
  const token = exchange.token;
  const downstreamToken = token ? await client.send("Replay the copied downstream token there", { path: whoami, bearer: token, decisive: true, timeoutMs: 3000 }) : null;
  const judged = judgeFleetReplay(mode, {
    before: answerCode(before),
    logout: answerCode(logout),
    instances: replays,
    downstream: answerCode(downstream),
    downstreamToken: downstreamToken ? answerCode(downstreamToken) : null,
    secondsUntilExp: secondsUntilExp(held.value, replayedAt),
    downstreamTokenSecondsLeft: token ? secondsUntilExp(token, replayedAt) : null,
  });
  return { mode, steps: client.steps, ...judged };
}

export async function runFleetLab(_origin: string, user: ThrowawayUser): Promise<LabOutcome> {
  const instances = fleetInstances();
  // lib/labs/run-lab.ts checks first; reaching this without a fleet is a programming error.
  if (!instances) throw new Error("[labs] fleet_required: the fleet lab ran without FLEET_INSTANCES");
  const config = getConfig();
  const [session, jwt] = await Promise.all([logInHereLogOutThere(instances, "session", user), logInHereLogOutThere(instances, "jwt", user)]);
  return {
    config: {
      FLEET_INSTANCES: instances.join(","),
      DOWNSTREAM_URL: config.DOWNSTREAM_URL,
      JWT_REVOCATION_CHECK: config.JWT_REVOCATION_CHECK,
      JWT_ACCESS_TTL_SECONDS: config.JWT_ACCESS_TTL_SECONDS,
    },
    columns: { session, jwt },
    notes: [
      "Session mode: the cookie names a row in the one shared database; logout on any instance deletes it, so every instance refuses the copy on its next request. The downstream service cannot use a session cookie at all (it takes only Bearer tokens).",
      "JWT mode: logout on one instance wrote the token's jti to the shared database denylist, which every instance reads on every request (JWT_REVOCATION_CHECK=denylist). A per-process denylist would leave the other instance accepting the copy.",
      "The downstream service verifies with the JWKS alone, under the same policy as the app, and takes only tokens minted for it: the copied app credential is refused there (an access token names only the app; a cookie is not a Bearer token). It never sees the denylist, so the copied downstream token works there until its exp (≤ 60 s).",
    ],
  };
}

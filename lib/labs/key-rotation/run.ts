import "server-only";

import { PUBLISH_LEAD_SECONDS } from "../../auth/jwt/keys/timeline.ts";
import { getConfig } from "../../env.ts";
import { callMe, logInAs } from "../credentials.ts";
import { rotateLabKeys } from "./scenario.ts";
import { judgeKeyRotation } from "./verdict.ts";
import { answerCode, createLabClient } from "../recorder.ts";
import type { ThrowawayUser } from "../throwaway-user.ts";
import type { LabColumn, LabOutcome } from "../types.ts";

/**
 * The key-rotation lab. JWT mode rotates a lab-private key set under a simulated clock (the
 * app's real keys are never touched: a lab must not affect anyone else, issue 11); session
 * mode is asked over real HTTP, to show there is nothing to rotate: no one else verifies it.
 */

async function sessionHasNoKeys(origin: string, user: ThrowawayUser): Promise<LabColumn> {
  const client = createLabClient(origin);
  const held = await logInAs(client, "session", user);
  const me = await callMe(client, held, "Use the session cookie: the session store decides", { decisive: true });
  const code = answerCode(me);
  const headline =
    code === "accepted"
      ? "Session mode signs nothing that anyone else verifies: the cookie is a sealed id that only this app's session store decides, so there is no public key to publish or rotate."
      : `The session cookie was refused (${code}) right after login; nothing can be concluded.`;
  return {
    mode: "session",
    steps: client.steps,
    verdict: { outcome: code === "accepted" ? "no_keys_to_rotate" : "login_failed", tone: code === "accepted" ? "safe" : "inconclusive", headline, reasonCodes: [code] },
    measures: { publicKeys: 0 },
  };
}

export async function runKeyRotationLab(origin: string, user: ThrowawayUser): Promise<LabOutcome> {
  const config = getConfig();
  const timings = { ttlSeconds: config.JWT_ACCESS_TTL_SECONDS, clockSkewSeconds: config.JWT_CLOCK_SKEW_SECONDS };
  const t0 = new Date(Math.floor(Date.now() / 1000) * 1000);
  const [session, rotation] = await Promise.all([sessionHasNoKeys(origin, user), rotateLabKeys({ userId: user.id }, timings, t0)]);
  const jwt: LabColumn = { mode: "jwt", steps: rotation.steps, ...judgeKeyRotation(rotation.observed) };
  return {
    config: {
      JWT_ACCESS_TTL_SECONDS: config.JWT_ACCESS_TTL_SECONDS,
      JWT_CLOCK_SKEW_SECONDS: config.JWT_CLOCK_SKEW_SECONDS,
      PUBLISH_LEAD_SECONDS,
      "lab key set": "private, in memory, this run only",
    },
    columns: { session, jwt },
    notes: [
      "JWT mode ran on a key set of this run only, with a simulated clock: the app's real signing keys were not rotated, and nothing signed here names the app's issuer or audiences. /admin/keys and npm run keys:rotate rotate the real ones.",
      `The same code as the app's rotation: keyStatesAt (lib/auth/jwt/keys/timeline.ts) for the states, signAccessToken / verifyAccessToken (token.ts) for the app's checks, and the same policy with the downstream service's key lookup (lib/downstream/key-set.ts) over the published JWKS for a JWKS-only verifier's.`,
      `A new key is published ${PUBLISH_LEAD_SECONDS} s before it signs (the JWKS max-age plus one key reload), so a verifier's cached JWKS already holds it; the old key keeps verifying for the access-token lifetime plus the clock skew after it stopped signing, so no valid token is refused.`,
    ],
  };
}

import "server-only";

import { PUBLISH_LEAD_SECONDS } from "../../auth/jwt/keys/timeline.ts";
import { signAccessToken, verifyAccessToken, verifyAccessTokenWith } from "../../auth/jwt/token/token.ts";
import { localKeySet } from "../../downstream/key-set.ts";
import type { RotationObservation } from "./verdict.ts";
import { createLabKeySet } from "./key-set.ts";
import { createSimulationLog, outcomeCode } from "./simulation-log.ts";
import type { LabStep } from "../types.ts";

/**
 * One rotation on the lab's private key set, driven by a simulated clock: what the app's own
 * rotation would do over minutes, shown in one run. Tokens name a lab-only issuer and
 * audience, so nothing signed here could be accepted by the app or its downstream service.
 */

export const LAB_ISSUER = "session-vs-jwt:key-rotation-lab";
const APP_AUDIENCE = "key-rotation-lab:app";

export interface RotationTimings {
  ttlSeconds: number;
  clockSkewSeconds: number;
}

export async function rotateLabKeys(subject: { userId: string }, timings: RotationTimings, t0: Date): Promise<{ steps: LabStep[]; observed: RotationObservation }> {
  const { ttlSeconds, clockSkewSeconds } = timings;
  // As lib/auth/jwt/keys/key-set.ts: a key verifies for one access-token lifetime plus the skew after it stops signing.
  const keys = createLabKeySet(ttlSeconds + clockSkewSeconds);
  const log = createSimulationLog();
  const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
  const clock = (now: Date) => `t0+${Math.round((now.getTime() - t0.getTime()) / 1000)}s`;
  const advance = (now: Date, why: string) => log.happened(`The lab's simulated clock moves to ${clock(now)}: ${why}.`);

  const sign = (label: string, now: Date, decisive = false) =>
    log.record(label, "SIGN", `lab key set @ ${clock(now)}`, async () => {
      const signingKey = keys.signingKey(now);
      const signed = await signAccessToken(
        { userId: subject.userId, role: "user", tokenVersion: 0 },
        { signingKey, issuer: LAB_ISSUER, audience: APP_AUDIENCE, ttlSeconds, now },
      );
      return { ok: true as const, ...signed, kid: signingKey.kid! };
    }, (value) => ({ kid: value.kid, accessToken: value.token, exp: value.claims.exp, states: keys.states(now) }), decisive);
  const verifyAsApp = (label: string, token: string, now: Date, decisive = true) =>
    log.record(label, "VERIFY", `app verifier (kid allowlist) @ ${clock(now)}`, () =>
      verifyAccessToken(token, { issuer: LAB_ISSUER, audience: APP_AUDIENCE, clockSkewSeconds, maxLifetimeSeconds: ttlSeconds, keys: keys.verificationKeys(now), now }),
    (value) => ({ kid: value.kid, sub: value.claims.sub }), decisive);
  const fetchJwks = (label: string, now: Date) =>
    log.record(label, "GET", `lab /.well-known/jwks.json @ ${clock(now)}`, () => ({ ok: true as const, jwks: keys.jwks(now) }), (value) => value.jwks);
  // The same policy with the key looked up as the downstream service does (lib/downstream/key-set.ts),
  // in the copy of the JWKS this verifier holds: what any service that has only the JWKS sees.
  const verifyWithJwks = (label: string, token: string, jwks: Awaited<ReturnType<typeof fetchJwks>>, fetchedAt: Date, now: Date) =>
    log.record(label, "VERIFY", `JWKS-only verifier (copy from ${clock(fetchedAt)}) @ ${clock(now)}`, () =>
      verifyAccessTokenWith(token, (header) => localKeySet(jwks.jwks).choose(header), { issuer: LAB_ISSUER, audience: APP_AUDIENCE, clockSkewSeconds, maxLifetimeSeconds: ttlSeconds }, now),
    (value) => ({ sub: value.claims.sub, aud: value.claims.aud }), true);

  const oldKid = await keys.rotate(t0);
  const first = await sign("Sign a token with the active key (the lab's first key)", t0);
  const newKid = await keys.rotate(t0);
  log.happened(`Rotate the lab's key set: a new key (${newKid.slice(0, 8)}…) is created as next; it signs only after the publish lead (${PUBLISH_LEAD_SECONDS} s).`);
  const jwksAtRotation = await fetchJwks("A JWKS-only verifier fetches the JWKS right after the rotation, and caches it", t0);
  await verifyAsApp("The app checks the first token after the rotation", first.token, t0, false);
  const beforeLead = await sign("Sign again right after rotating: which key signs?", t0, true);

  const lastOldSecond = at(PUBLISH_LEAD_SECONDS - 1);
  advance(lastOldSecond, "one second before the new key activates");
  const lastOld = await sign("The old key's last token", lastOldSecond, true);
  const leadPassed = at(PUBLISH_LEAD_SECONDS);
  advance(leadPassed, "the publish lead has passed");
  const afterLead = await sign("Sign once the publish lead has passed: which key signs?", leadPassed, true);
  const cachedNew = await verifyWithJwks("The verifier with the JWKS cached at rotation checks the new key's token", afterLead.token, jwksAtRotation, t0, leadPassed);

  const lastSecond = new Date((lastOld.claims.exp - 1) * 1000);
  advance(lastSecond, "one second before the old key's last token expires");
  const lastSecondCheck = await verifyAsApp("The app checks the old key's last token in its last valid second", lastOld.token, lastSecond);

  const retiresAt = keys.states(lastSecond)[oldKid]?.retiresAt ?? lastSecond;
  advance(retiresAt, "the old key retires (its tail: access-token lifetime + clock skew after it stopped signing)");
  const retiredApp = await verifyAsApp("The app checks the old key's token after retirement", lastOld.token, retiresAt);
  const jwksAfter = await fetchJwks("The JWKS after retirement", retiresAt);
  const retiredJwks = await verifyWithJwks("A JWKS-only verifier with the fresh JWKS checks the old key's token", lastOld.token, jwksAfter, retiresAt, retiresAt);

  return {
    steps: log.steps,
    observed: {
      oldKid,
      newKid,
      publishedAfterRotate: jwksAtRotation.jwks.keys.map((key) => key.kid),
      signedBeforeLead: beforeLead.kid,
      signedAfterLead: afterLead.kid,
      cachedJwksNewToken: outcomeCode(cachedNew),
      oldTokenLastSecond: outcomeCode(lastSecondCheck),
      oldTokenRetiredApp: outcomeCode(retiredApp),
      oldTokenRetiredJwks: outcomeCode(retiredJwks),
    },
  };
}

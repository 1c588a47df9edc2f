import "server-only";

import type { AuthMode } from "../../auth/types.ts";
import { getConfig } from "../../env.ts";
import { callMe, logInAs, type HeldCredential } from "../credentials.ts";
import {
  editJwt,
  expiredJwt,
  flipSealCharacter,
  jwtSignedWithAnotherKey,
  sealOfUnknownSession,
  sealWithAnotherPassword,
  unsignedAdminJwt,
} from "./forgeries.ts";
import { answerCode, createLabClient } from "../recorder.ts";
import { judgeTampering, type TamperObservation } from "./verdict.ts";
import type { ThrowawayUser } from "../throwaway-user.ts";
import type { LabColumn, LabOutcome } from "../types.ts";

/**
 * Lab 2: the credential is changed, forged or replaced, and each variant is sent to
 * /api/<mode>/me for real. JWT mode defends with its signature and pinned header and
 * claims; session mode with the seal's MAC and, behind it, the row.
 */

interface Forgery {
  label: string;
  expected: string;
  make: (held: HeldCredential, user: ThrowawayUser) => Promise<string> | string;
}

const forgeries: Record<AuthMode, Forgery[]> = {
  session: [
    { label: "One character of the seal flipped", expected: "seal_invalid", make: (held) => flipSealCharacter(held.value) },
    { label: "A seal made with another password", expected: "seal_invalid", make: () => sealWithAnotherPassword() },
    { label: "A genuine seal of a made-up session id", expected: "session_unknown", make: () => sealOfUnknownSession() },
  ],
  jwt: [
    { label: "Role changed to admin, old signature kept", expected: "token_bad_signature", make: (held) => editJwt(held.value, { payload: { role: "admin" } }) },
    { label: "alg: none, no signature, role admin", expected: "token_alg_not_allowed", make: (held) => unsignedAdminJwt(held.value) },
    { label: "Signed with the real key, exp in the past", expected: "token_expired", make: (_, user) => expiredJwt({ userId: user.id, role: user.role }) },
    { label: "Signed with another key", expected: "token_bad_signature", make: (_, user) => jwtSignedWithAnotherKey({ userId: user.id, role: user.role }) },
  ],
};

async function tamper(origin: string, mode: AuthMode, user: ThrowawayUser): Promise<LabColumn> {
  const client = createLabClient(origin);
  const held = await logInAs(client, mode, user);
  const control = answerCode(await callMe(client, held, "The untouched credential (control)", { decisive: true }));
  const cases: TamperObservation[] = [];
  for (const forgery of forgeries[mode]) {
    const value = await forgery.make(held, user);
    const answer = await callMe(client, { mode, value }, `${forgery.label} (designed answer: ${forgery.expected})`, { decisive: true });
    cases.push({ label: forgery.label, expected: forgery.expected, observed: answerCode(answer) });
  }
  return { mode, steps: client.steps, ...judgeTampering(control, cases) };
}

export async function runTamperingLab(origin: string, user: ThrowawayUser): Promise<LabOutcome> {
  const config = getConfig();
  const [session, jwt] = await Promise.all([tamper(origin, "session", user), tamper(origin, "jwt", user)]);
  return {
    config: {
      "JWT algorithms accepted": `${config.JWT_ALG} only (pinned per key)`,
      JWT_ISSUER: config.JWT_ISSUER,
      JWT_AUDIENCE: config.JWT_AUDIENCE,
      "JWT typ": "at+jwt",
      JWT_CLOCK_SKEW_SECONDS: config.JWT_CLOCK_SKEW_SECONDS,
      "session cookie": "iron-session seal of a random id (AES-256-CBC + HMAC-SHA-256)",
    },
    columns: { session, jwt },
    notes: [
      "A JWT is readable by anyone, so editing it is easy; the signature is what makes the edit useless. Pinning the algorithm is what makes alg: none useless.",
      "A session seal cannot even be read without SESSION_SECRET. And a perfect seal still only names a row: an id that was never issued finds nothing.",
    ],
  };
}

import type { AuthUser } from "../../users.ts";
import type { IssuedCredential } from "../types.ts";

/** What any sign-in method answers; the form actions and the JSON API map each reason once. */
export type SignInOutcome =
  | { ok: true; user: AuthUser; issued: IssuedCredential }
  | { ok: false; reason: "invalid_credentials" }
  /** The database could not be reached: 503, and the next attempt works once it is back. */
  | { ok: false; reason: "store_unavailable" }
  | { ok: false; reason: "too_many_attempts"; retryAfterSeconds: number }
  /** Plain HTTP off loopback (lib/auth/insecure-login.ts): refused before anything is counted or written. */
  | { ok: false; reason: "insecure_transport"; localhostUrl: string }
  /** Shed by the hashing budget before argon2 ran (lib/password-budget): 429, try again then. */
  | { ok: false; reason: "busy"; retryAfterSeconds: number }
  | { ok: false; reason: "throttle_unavailable" };

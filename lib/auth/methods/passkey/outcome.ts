import type { AuthUser } from "../../../users.ts";
import type { IssuedCredential } from "../../types.ts";
import type { ChallengeTake } from "./challenges.ts";
import type { AssertionCheck } from "./ceremonies.ts";

/** Why a passkey ceremony was refused; lib/http/passkey-api.ts maps each to one status. */
export type PasskeyRefusal =
  | Extract<ChallengeTake, { ok: false }>["reason"]
  | Extract<AssertionCheck, { ok: false }>["reason"]
  /** The response does not carry a challenge (not base64url JSON): forged or broken. */
  | "response_malformed"
  /** A passkey this server does not know, or whose user is gone or disabled. */
  | "passkey_unknown"
  /** The registration response did not verify. */
  | "registration_invalid";

export type PasskeyOutcome =
  | { ok: true; user: AuthUser; issued: IssuedCredential }
  | { ok: false; reason: PasskeyRefusal }
  /** This origin cannot be a WebAuthn relying party (an IP address, an unconfigured host). */
  | { ok: false; reason: "origin_not_allowed"; message: string }
  | { ok: false; reason: "insecure_transport"; localhostUrl: string }
  | { ok: false; reason: "store_unavailable" };

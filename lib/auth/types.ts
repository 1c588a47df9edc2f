import type { SweepLimits } from "../db-batches.ts";
import type { Role } from "../roles.ts";
import type { AuthUser } from "../users.ts";
import type { AuthMode } from "./modes.ts";

export { AUTH_MODES, isAuthMode, type AuthMode } from "./modes.ts";

/** Who the request belongs to, as established by a mode's authoritative check. */
export interface Principal {
  mode: AuthMode;
  userId: string;
  role: Role;
  /** When this credential stops being accepted unless renewed. */
  expiresAt: Date;
  /** Server-side handles of this login: the session row, or the token's jti and refresh family. */
  handles: { sessionId?: string; jti?: string; familyId?: string; tokenVersion?: number };
  /** Profile fields when the check already read them (session mode joins the user row). */
  profile?: { email: string; name: string };
  /** What the server relied on, in words, for the dashboards ("relied on vs held"). */
  evidence: Record<string, string | number | null>;
  /** The same facts with stable camelCase keys, for the JSON API's /me. */
  api: Record<string, string | number | boolean | null>;
  /**
   * Accepted without the mode's server-side check, because the state that decides could not
   * be read and the mode is configured to fail open (JWT_REVOCATION_FAIL=open). A typed fact,
   * so nobody has to find it in the evidence's wording.
   */
  failOpen: boolean;
}

export interface RequestMeta {
  now: Date;
  userAgent: string | null;
  ip: string | null;
}

export interface CookieToSet {
  name: string;
  value: string;
  /** Seconds; 0 deletes the cookie. */
  maxAge: number;
  path?: string;
}

export interface PresentedForSignOut {
  credential: string | null;
  /** Companion cookie values by name, plus anything an API client sent in the body. */
  companions: Record<string, string | undefined>;
}

export interface IssuedCredential {
  principal: Principal;
  cookies: CookieToSet[];
  /** Extra fields the JSON API returns (JWT mode hands out the token itself). */
  apiFields: Record<string, unknown>;
}

/** Why a credential was not accepted: a stable code for tests and the labs, never library text. */
export type Rejection = {
  ok: false;
  code: string;
  message: string;
  /** 401 unless said otherwise: 503 when the store that decides is unreachable. */
  status?: number;
};
export type VerifyResult =
  | {
      ok: true;
      principal: Principal;
      /**
       * Answered from a cache without reading the database (a warm check); absent or false: the
       * database was asked (cold). The metrics keep the two apart, so a cache's speed is never
       * mistaken for the database's, or the other way round.
       */
      servedFromCache?: boolean;
    }
  | Rejection;

/**
 * What a piece of a credential does, in the words token debuggers use: it describes the
 * credential (header), carries what it says (payload), or proves nobody changed it (signature,
 * or a MAC). The inspector colours each kind alike in every mode, with the word beside it.
 */
export type CredentialPartRole = "header" | "payload" | "signature";

/** One delimited piece of a credential as a page may show it: the secret ones elided. */
export interface CredentialPart {
  name: string;
  role: CredentialPartRole;
  bytes: number;
  /** The piece itself when it is public, or elideSecret() of it: never enough to replay. */
  shown: string;
}

/**
 * What someone holding the credential can read from it, without any key. Safe to render:
 * nothing in it lets a reader rebuild the credential (no signature, MAC or ciphertext).
 */
export interface CredentialView {
  format: string;
  bytes: number;
  /** The credential's structure, piece by piece, joined by `separator` in the original. */
  parts: CredentialPart[];
  separator: string;
  /** Decoded parts a thief could read; empty when the credential is opaque. */
  readable: Record<string, unknown>;
  summary: string;
}

export interface ModeDescription {
  mode: AuthMode;
  title: string;
  cookieName: string;
  /** What the API calls the credential: "session" or "token". */
  credentialLabel: "session" | "token";
  stateLivesIn: string;
  revocation: string;
  /** What the server can end before it expires on its own, and what it cannot. */
  canRevoke: string[];
  cannotRevoke: string[];
}

/** Why every login of a user ends: kept where the mode records reasons (refresh families). */
export type EndReason = "password_changed" | "user_disabled" | "logout_everywhere" | "ended_by_admin";

/** One login as the devices page and the API list it. */
export interface DeviceView {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  userAgent: string | null;
  ip: string | null;
  /** The login making this request. */
  current: boolean;
}

/** What a mode that keeps one record per login can do with them, one by one. */
export interface DeviceRegistry {
  list(userId: string, current: Principal["handles"], now: Date): Promise<DeviceView[]>;
  /** Scoped by owner: another user's id and a made-up one are both "not_found". */
  end(userId: string, deviceId: string, current: Principal["handles"]): Promise<"ended" | "ended_current" | "not_found">;
}

/** Both modes implement this; pages, the API, the labs and the benchmark only see this. */
export interface AuthStrategy {
  readonly mode: AuthMode;
  /** Whether API clients may present the credential as `Authorization: Bearer`. */
  readonly acceptsBearer: boolean;
  signIn(user: AuthUser, meta: RequestMeta): Promise<IssuedCredential>;
  /** Authoritative: may read the database; decides whether the request is authenticated. */
  verify(credential: string, meta: RequestMeta): Promise<VerifyResult>;
  /**
   * Authoritative and complete whatever the configuration: the check a credential must pass
   * before it buys another (the token exchange for the downstream service). Revocation state
   * is read from the store itself — not skipped (JWT_REVOCATION_CHECK=none), not taken from a
   * cache, never failing open: a logged-out credential must not mint a token nobody can revoke.
   */
  verifyForExchange(credential: string, meta: RequestMeta): Promise<VerifyResult>;
  /** Other cookies the mode owns (JWT mode's refresh cookie), read for sign-out. */
  readonly companionCookies: readonly string[];
  /** Ends the credential server-side where the mode can; returns the cookies to clear. */
  signOut(presented: PresentedForSignOut, meta: RequestMeta): Promise<CookieToSet[]>;
  /**
   * Ends every login of the user server-side (password change, admin disable, "log out
   * everywhere"), except the one `except` names; returns how many ended.
   */
  endAllForUser(userId: string, options: { except?: Principal["handles"]; reason: EndReason; now: Date }): Promise<number>;
  /**
   * Deletes, in batches, this mode's rows whose end (of what they guard) came before `before`
   * and whose absence changes no decision; how many went, per table (lib/sweep/). Idempotent:
   * two sweeps at once only waste work.
   */
  sweepExpired(before: Date, limits: SweepLimits): Promise<Record<string, number>>;
  /** The user's logins one by one, or null when the mode keeps no record a user could pick. */
  readonly devices: DeviceRegistry | null;
  /**
   * Where a page request without a usable credential goes. Database-free (the mode's
   * edge.ts), because proxy.ts asks the same question.
   */
  recoveryPath(next: string | null): string;
  /** Where a page's script renews the credential in place, or null (the mode's edge.ts). */
  readonly scriptRenewPath: string | null;
  /** Decode what can be decoded without a key: exactly what a thief would learn. */
  inspect(credential: string): CredentialView;
  describe(): ModeDescription;
}

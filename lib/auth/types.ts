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
export type VerifyResult = { ok: true; principal: Principal } | Rejection;

/** One delimited piece of a credential as a page may show it: the secret ones elided. */
export interface CredentialPart {
  name: string;
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

/** Both modes implement this; pages, the API, the labs and the benchmark only see this. */
export interface AuthStrategy {
  readonly mode: AuthMode;
  /** Whether API clients may present the credential as `Authorization: Bearer`. */
  readonly acceptsBearer: boolean;
  signIn(user: AuthUser, meta: RequestMeta): Promise<IssuedCredential>;
  /** Authoritative: may read the database; decides whether the request is authenticated. */
  verify(credential: string, meta: RequestMeta): Promise<VerifyResult>;
  /** Other cookies the mode owns (JWT mode's refresh cookie), read for sign-out. */
  readonly companionCookies: readonly string[];
  /** Ends the credential server-side where the mode can; returns the cookies to clear. */
  signOut(presented: PresentedForSignOut, meta: RequestMeta): Promise<CookieToSet[]>;
  /** Decode what can be decoded without a key: exactly what a thief would learn. */
  inspect(credential: string): CredentialView;
  describe(): ModeDescription;
}

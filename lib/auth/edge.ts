import type { AuthMode } from "./modes.ts";

/** One instant a credential stops working, named ("exp", "idle limit", "absolute limit"). */
export interface CredentialDeadline {
  label: string;
  at: Date;
}

/**
 * What the credential itself says about who holds it and until when, read with crypto and the
 * clock only (the header shows it on pages that make no authoritative check of this mode).
 * `who` is null where the credential names nobody (a sealed session id: only its row knows).
 */
export interface CredentialGlance {
  who: string | null;
  deadlines: CredentialDeadline[];
}

/**
 * The database-free half of a mode: everything proxy.ts may use. An edge half imports crypto
 * and configuration, never the database, Redis or a mode's store — the proxy is an optimistic
 * filter, and lib/auth/proxy-imports.test.ts walks its import graph to keep it one.
 */
export interface AuthEdge {
  readonly mode: AuthMode;
  /** The cookie that carries this mode's credential. */
  cookieName(): string;
  /** Optimistic: crypto and clock only. A yes means "worth rendering"; the DAL decides. */
  peek(credential: string, now: Date): Promise<boolean>;
  /** Optimistic like `peek`: null for a credential that fails it, else what it says by itself. */
  glance(credential: string, now: Date): Promise<CredentialGlance | null>;
  /** Where a page request without a usable credential goes: login, or a refresh first. */
  recoveryPath(next: string | null): string;
  /**
   * Where a page's script may renew the credential in place (POST, cookies only), so a form
   * post that found none can carry on with what was typed; null when only a new login can.
   */
  readonly scriptRenewPath: string | null;
  /**
   * The mode's pages that need a credential. Anything else under /<mode>/ is not guarded by
   * the proxy, so an unknown address is the site's 404, not a login form.
   */
  readonly protectedPages: readonly string[];
}

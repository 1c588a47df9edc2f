/**
 * What to do with a presented refresh token, as a pure function of its record and the clock
 * (unit-tested with a frozen clock). Rotation with reuse detection: OWASP ASVS 5.0 §10.4.5,
 * RFC 9700 §4.14.2; the grace window is the one Supabase and Auth0 use for racing tabs.
 */

export interface RefreshRecord {
  usedAt: Date | null;
  /** revokedReason: why it was revoked (an EndReason, "logout", "reuse_detected"), if it was. */
  family: { expiresAt: Date; revokedAt: Date | null; revokedReason?: string | null };
  user: { disabledAt: Date | null };
}

export interface RefreshPolicy {
  reuseGraceSeconds: number;
}

export type RefreshDecision =
  /** First use: mark it used, hand out its child. */
  | { action: "rotate" }
  /** Already rotated moments ago (a concurrent request): hand out the same child, kill nothing. */
  | { action: "grace" }
  /** Already rotated long ago: someone kept a copy. Revoke the whole family, newest token included. */
  | { action: "reuse" }
  | { action: "reject"; code: "refresh_revoked" | "refresh_expired" | "user_disabled"; message: string };

export function decideRefresh(record: RefreshRecord, now: Date, policy: RefreshPolicy): RefreshDecision {
  if (record.family.revokedAt) return { action: "reject", code: "refresh_revoked", message: "This login was revoked." };
  if (record.user.disabledAt) return { action: "reject", code: "user_disabled", message: "The account is disabled." };
  if (now.getTime() >= record.family.expiresAt.getTime()) {
    return { action: "reject", code: "refresh_expired", message: "This login reached its absolute lifetime; log in again." };
  }
  if (!record.usedAt) return { action: "rotate" };
  const sinceUse = now.getTime() - record.usedAt.getTime();
  return sinceUse <= policy.reuseGraceSeconds * 1000 ? { action: "grace" } : { action: "reuse" };
}

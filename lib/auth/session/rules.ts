/**
 * When a session row still counts, as pure functions of the row and the clock, so every
 * rule is unit-tested with a frozen clock (OWASP Session Management: idle + absolute timeout).
 */

export interface SessionTimes {
  createdAt: Date;
  lastSeenAt: Date;
  /** Absolute end of life, fixed at login. */
  expiresAt: Date;
}

export interface SessionPolicy {
  idleTimeoutSeconds: number;
  absoluteTimeoutSeconds: number;
  touchIntervalSeconds: number;
}

export type SessionVerdict =
  | { ok: true; expiresAt: Date; shouldTouch: boolean }
  | { ok: false; code: "session_expired" | "session_idle"; message: string };

export function absoluteExpiry(createdAt: Date, policy: SessionPolicy): Date {
  return new Date(createdAt.getTime() + policy.absoluteTimeoutSeconds * 1000);
}

export function judgeSession(row: SessionTimes, now: Date, policy: SessionPolicy): SessionVerdict {
  const nowMs = now.getTime();
  if (nowMs >= row.expiresAt.getTime()) {
    return { ok: false, code: "session_expired", message: "The session reached its absolute lifetime." };
  }
  const idleDeadline = row.lastSeenAt.getTime() + policy.idleTimeoutSeconds * 1000;
  if (nowMs >= idleDeadline) {
    return { ok: false, code: "session_idle", message: "The session was idle for too long." };
  }
  // Activity extends the idle deadline, never the absolute one — and only activity that is
  // recorded: between touches the deadline is the stored lastSeenAt's, not this request's.
  const shouldTouch = nowMs - row.lastSeenAt.getTime() >= policy.touchIntervalSeconds * 1000;
  const lastRecorded = shouldTouch ? nowMs : row.lastSeenAt.getTime();
  const effective = Math.min(row.expiresAt.getTime(), lastRecorded + policy.idleTimeoutSeconds * 1000);
  return { ok: true, expiresAt: new Date(effective), shouldTouch };
}

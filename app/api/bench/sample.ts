/**
 * The constant answer both bench routes send: the shape and size of `/api/session/me`'s, with
 * nobody's data in it (e2e/bench-baselines.spec.ts keeps it like for like).
 */
export const BENCH_SAMPLE = {
  user: { id: "cmbench0000000000000000000", role: "user", email: "bob@example.com", name: "Bob User" },
  session: {
    id: "Xq2m4xY0b3d1tG0fWc9Jb8lLJ2rj1VbQ4kR9u5s0Hn8",
    createdAt: "2026-01-01T00:00:00.000Z",
    lastSeenAt: "2026-01-01T00:00:00.000Z",
    expiresAt: "2026-01-01T02:00:00.000Z",
    absoluteExpiresAt: "2026-01-08T00:00:00.000Z",
    userAgent: "wrk",
    ip: "127.0.0.1",
  },
} as const;

import { json, withErrorBoundary } from "@/lib/http/json";

/**
 * The framework's own cost, for `npm run bench:http` (scripts/bench-http.mjs): the same
 * response shape and size as the session `/api/session/me` answer, through the same
 * `withErrorBoundary` + `json` helpers, but with no credential check at all. Each /me's
 * req/s is divided by this route's, so the ratio is what authentication costs. Public and
 * harmless: the values are constants, not anybody's data.
 */
const SAMPLE = {
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
};

// Rendered per request like /me (no static caching), or the comparison would be unfair.
export const dynamic = "force-dynamic";

export const GET = withErrorBoundary(async () => json(SAMPLE));

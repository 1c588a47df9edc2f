import path from "node:path";
import { fileURLToPath } from "node:url";
import type { NextConfig } from "next";
import { BENCH_FLOOR_PATH } from "./lib/http/bench-floor.ts";
import { BASE_DIRECTIVES } from "./lib/http/csp.ts";

const root = path.dirname(fileURLToPath(import.meta.url));

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // Nothing here is meant to be framed: clickjacking a logout or login form is off the table.
  // Pages get the full nonce-based policy from proxy.ts instead (it replaces this one).
  { key: "Content-Security-Policy", value: BASE_DIRECTIVES.join("; ") },
  { key: "X-Frame-Options", value: "DENY" },
];

const nextConfig: NextConfig = {
  turbopack: { root },
  // Lets parallel builds (tests, screenshots, a second checkout's CI) keep separate outputs.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // forbidden() from next/navigation: /admin refuses a logged-in non-admin with HTTP 403, not a
  // refusal page served as 200 (monitors, scanners and scripts read the status, not the text).
  // Still experimental in Next 16: `next build` lists it under "Experiments (use with caution)";
  // `next start` prints nothing and no warning is raised at run time.
  experimental: { authInterrupts: true },
  // Native and driver packages load from node_modules at run time instead of being bundled.
  // prom-client too: one copy of it per process, not one per bundle (its default metrics and
  // registry are process-wide things).
  serverExternalPackages: ["@node-rs/argon2", "better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg", "ioredis", "prom-client"],
  async headers() {
    // Not on the storage lab's deliberately vulnerable page: it sends a CSP of its own (scripts
    // by hash only), and Next's config headers would replace it (lib/labs/storage/victim-page.ts).
    // Not on the bench's floor either: a bare route handler, nothing of ours (proxy.ts's matcher).
    return [{ source: `/((?!api/labs/storage/victim$|${BENCH_FLOOR_PATH.slice(1)}$).*)`, headers: securityHeaders }];
  },
};

export default nextConfig;

import type { Metadata } from "next";
import { connection } from "next/server";
import { DashboardView } from "@/app/components/Dashboard";
import { DownstreamCall } from "@/app/components/DownstreamCall";
import { ModeNav } from "@/app/components/ModeNav";
import { strategies } from "@/lib/auth/registry";

/**
 * The framework's own cost for a page, for `npm run bench:http` (scripts/bench/http/main.ts):
 * the dashboard's own component (DashboardView), rendered per request, with constant sample values
 * instead of a credential check and a profile read. The dashboards' req/s are divided by this
 * page's, so the ratio is what authentication costs a page. Public: nothing here is anybody's.
 */
export const metadata: Metadata = { title: "Benchmark baseline page", robots: { index: false } };

const SAMPLE_TIME = "2026-01-01T02:00:00.000Z";
const SAMPLE_FACTS = {
  "session row id (SHA-256 of the secret)": "Xq2m4xY0b3d1tG0fWc9Jb8lLJ2rj1VbQ4kR9u5s0Hn8",
  created: "2026-01-01T00:00:00.000Z",
  "last seen": "2026-01-01T00:00:00.000Z",
  "idle expiry": SAMPLE_TIME,
  "absolute expiry": "2026-01-08T00:00:00.000Z",
  "user agent": "wrk",
  ip: "127.0.0.1",
};

export default async function Page(): Promise<React.ReactNode> {
  // Dynamic like the dashboards (they read cookies): without this it would be prerendered once.
  await connection();
  const mode = "session" as const;
  return (
    <>
      <ModeNav mode={mode} />
      <div className="space-y-8">
        <DashboardView
          mode={mode}
          name="Bob User (sample)"
          email="bob@example.com"
          role="user"
          expiresAt={SAMPLE_TIME}
          serverFacts={SAMPLE_FACTS}
          browser={{
            summary: "A sealed, encrypted id (sample).",
            facts: { cookie: strategies[mode].describe().cookieName, "sent as": "cookie", bytes: 268, format: "iron-session seal" },
          }}
          profileReadForDisplay={false}
        />
        <DownstreamCall mode={mode} />
      </div>
    </>
  );
}

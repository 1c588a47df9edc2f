// Rows for pgbench to find: users, sessions, refresh families (one token each) and denylist
// entries, named by the formulas statements.ts's ROLE_EXPRESSIONS draw from, so a statement's
// `:sid` finds a session and `:uid` a user. Sizes like a busy deployment's tables, not a demo's:
// an index that fits in a few pages would flatter every lookup.
import type pg from "pg";
import type { Population } from "./statements.ts";

export interface FullPopulation extends Population {
  revokedTokens: number;
}

/** A user agent as long as a real browser's: session rows are measured with it. */
const USER_AGENT = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

export function populationStatements(population: FullPopulation): string[] {
  const { users, sessions, families, revokedTokens } = population;
  const userId = (n: string) => `'00000000-0000-4000-8000-' || lpad((${n})::text, 12, '0')`;
  return [
    // No password rows: nothing here checks a password.
    `INSERT INTO "User" ("id","email","name","role","tokenVersion","createdAt","updatedAt")
     SELECT ${userId("n")}, 'bench-' || n || '@bench.test', 'Bench User ' || n, 'user', 0, now(), now()
     FROM generate_series(1, ${users}) AS n`,
    `INSERT INTO "Session" ("id","userId","createdAt","lastSeenAt","expiresAt","userAgent","ip")
     SELECT 'bench-session-' || lpad(n::text, 29, '0'), ${userId(`1 + (n % ${users})`)}, now(), now(), now() + interval '7 days',
            '${USER_AGENT}', '203.0.113.' || (n % 256)
     FROM generate_series(1, ${sessions}) AS n`,
    `INSERT INTO "RefreshFamily" ("id","userId","createdAt","expiresAt")
     SELECT '00000000-0000-4000-9000-' || lpad(n::text, 12, '0'), ${userId(`1 + (n % ${users})`)}, now(), now() + interval '14 days'
     FROM generate_series(1, ${families}) AS n`,
    `INSERT INTO "RefreshToken" ("id","familyId","createdAt")
     SELECT 'bench-refresh-' || lpad(n::text, 29, '0'), '00000000-0000-4000-9000-' || lpad(n::text, 12, '0'), now()
     FROM generate_series(1, ${families}) AS n`,
    // Half access-token ids (a uuid), half refresh families (fid:…), alive for up to 15 minutes.
    `INSERT INTO "RevokedToken" ("jti","expiresAt")
     SELECT CASE WHEN n % 2 = 0 THEN 'revoked-' || lpad(n::text, 28, '0') ELSE 'fid:revoked-' || lpad(n::text, 28, '0') END,
            now() + (n % 900) * interval '1 second'
     FROM generate_series(1, ${revokedTokens}) AS n`,
    "ANALYZE",
  ];
}

export async function populate(client: pg.Client, population: FullPopulation): Promise<void> {
  for (const statement of populationStatements(population)) await client.query(statement);
}

const TABLES = { session: "Session", refreshFamily: "RefreshFamily", refreshToken: "RefreshToken", revokedToken: "RevokedToken", user: "User" } as const;

/** Bytes per row on disk, indexes and TOAST included: what a million more rows cost. */
export async function bytesPerRow(client: pg.Client): Promise<Record<keyof typeof TABLES, number>> {
  const result = {} as Record<keyof typeof TABLES, number>;
  for (const [key, table] of Object.entries(TABLES) as [keyof typeof TABLES, string][]) {
    const { rows } = await client.query<{ bytes: string; rows: string }>(`SELECT pg_total_relation_size('"${table}"') AS bytes, (SELECT count(*) FROM "${table}") AS rows`);
    const count = Number(rows[0]!.rows);
    result[key] = count > 0 ? Math.round(Number(rows[0]!.bytes) / count) : 0;
  }
  return result;
}

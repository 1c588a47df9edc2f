// One benchmark configuration, in its own process (configuration is read once per process):
//   tsx --conditions=react-server scripts/bench/check/verify.ts <session|jwt> <iterations>
// DATABASE_URL, secrets and JWT_REVOCATION_CHECK come from the environment (main.ts).
// Prints one JSON line with two measurements of the authoritative check:
//   cold — every check sees a credential for the first time (fresh login each): the session's
//          unseal and the JWT's signature verification really run, nothing is remembered yet;
//   warm — the same credential again and again, as a returning user's requests are: whatever
//          the strategies remember per credential answers.
// Each also counts the checks the strategy reported as answered from a cache, without the
// database (VerifyResult.servedFromCache): the same cold/warm line /compare draws.
import { strategies } from "../../../lib/auth/registry.ts";
import { isAuthMode } from "../../../lib/auth/types.ts";
import { getDb } from "../../../lib/db.ts";
import { countQueries } from "../../../lib/metrics/query-count.ts";
import { RollingWindow } from "../../../lib/metrics/stats.ts";
import { verifyCredentials } from "../../../lib/auth/methods/password/credentials.ts";

/** One phase's figures (µs), as main.ts reads them from the JSON line. */
export interface CheckPhase {
  iterations: number;
  p50: number;
  p95: number;
  queriesPerCheck: number;
  fromCache: number;
}

/** The JSON line this process prints last. */
export interface CheckReport {
  mode: string;
  check: string;
  cold: CheckPhase;
  warm: CheckPhase;
}

const [mode = "", iterationsArg = "2000"] = process.argv.slice(2);
if (!isAuthMode(mode)) throw new Error(`usage: verify.ts <session|jwt> <iterations>`);
const iterations = Number(iterationsArg);

const user = await verifyCredentials("bob@example.com", "bob-password");
if (!user) throw new Error("the seeded demo user bob@example.com is missing");
const strategy = strategies[mode];
const meta = () => ({ now: new Date(), userAgent: "bench", ip: "127.0.0.1" });
const issue = async () => (await strategy.signIn(user, meta())).cookies[0]?.value ?? "";

/** Times one verify per credential handed in; every one must be accepted. */
async function timeChecks(credentials: string[]): Promise<CheckPhase> {
  const latency = new RollingWindow(credentials.length);
  let queries = 0;
  let fromCache = 0;
  for (const credential of credentials) {
    const started = performance.now();
    const { result, queries: made } = await countQueries(() => strategy.verify(credential, meta()));
    latency.add((performance.now() - started) * 1000);
    if (!result.ok) throw new Error(`verify rejected its own credential: ${result.code}`);
    queries += made;
    // What the strategy itself says (VerifyResult.servedFromCache), as /compare records it.
    if (result.servedFromCache) fromCache += 1;
  }
  const [p50 = null, p95 = null] = latency.percentiles([50, 95]);
  if (p50 === null || p95 === null) throw new Error("no checks were timed");
  return { iterations: credentials.length, p50, p95, queriesPerCheck: queries / credentials.length, fromCache };
}

// Warm-up on throwaway credentials: key import, prepared statements and JIT are paid once per
// process, not per credential, so neither measurement below should carry them.
for (let i = 0; i < 200; i += 1) await strategy.verify(await issue(), meta());

// Issued before timing: logging in is not part of the check.
const fresh: string[] = [];
for (let i = 0; i < iterations; i += 1) fresh.push(await issue());
const cold = await timeChecks(fresh);

const returning = await issue();
await strategy.verify(returning, meta());
const warm = await timeChecks(Array.from({ length: iterations }, () => returning));

const report: CheckReport = { mode, check: mode === "jwt" ? (process.env.JWT_REVOCATION_CHECK ?? "denylist") : "session row", cold, warm };
console.log(JSON.stringify(report));
await getDb().$disconnect();

// One benchmark configuration, in its own process (configuration is read once per process):
//   tsx scripts/bench-verify.ts <session|jwt> <iterations>
// DATABASE_URL, secrets and JWT_REVOCATION_CHECK come from the environment (scripts/bench.mjs).
// Prints one JSON line: per-check latency percentiles and Prisma-counted queries per check.
import { strategies } from "../lib/auth/registry.ts";
import { isAuthMode } from "../lib/auth/types.ts";
import { getDb } from "../lib/db.ts";
import { countQueries } from "../lib/metrics/query-count.ts";
import { RollingWindow } from "../lib/metrics/stats.ts";
import { verifyCredentials } from "../lib/users.ts";

const [mode = "", iterationsArg = "2000"] = process.argv.slice(2);
if (!isAuthMode(mode)) throw new Error(`usage: bench-verify.ts <session|jwt> <iterations>`);
const iterations = Number(iterationsArg);

const user = await verifyCredentials("bob@example.com", "bob-password");
if (!user) throw new Error("the seeded demo user bob@example.com is missing");
const strategy = strategies[mode];
const meta = () => ({ now: new Date(), userAgent: "bench", ip: "127.0.0.1" });
const issued = await strategy.signIn(user, meta());
const credential = issued.cookies[0]?.value ?? "";

// Warm-up: the first calls pay for key import, prepared statements and JIT.
for (let i = 0; i < 200; i += 1) await strategy.verify(credential, meta());

const latency = new RollingWindow(iterations);
let queries = 0;
for (let i = 0; i < iterations; i += 1) {
  const started = performance.now();
  const { result, queries: made } = await countQueries(() => strategy.verify(credential, meta()));
  latency.add((performance.now() - started) * 1000);
  if (!result.ok) throw new Error(`verify rejected its own credential: ${result.code}`);
  queries += made;
}

console.log(
  JSON.stringify({
    mode,
    check: mode === "jwt" ? process.env.JWT_REVOCATION_CHECK ?? "denylist" : "session row",
    iterations,
    p50: latency.percentile(50),
    p95: latency.percentile(95),
    queriesPerCheck: queries / iterations,
  }),
);
await getDb().$disconnect();

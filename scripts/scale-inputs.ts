// The capacity model's inputs read from a running fleet: scrapes every instance's Prometheus
// metrics twice, --seconds apart, and prints what they say and a /scale link with them filled in.
//   METRICS_TOKEN=… tsx scripts/scale-inputs.ts [--seconds 60] http://127.0.0.1:3931 http://127.0.0.1:3932
// Scrape the instances directly, not the balancer (docs/FLEET.md). What metrics cannot tell
// (users, sessions per user, token lifetime) stays for you to enter on the page.
import { parseArgs } from "node:util";
import { readFleetInputs, type Scrape } from "../lib/capacity/fleet-metrics.ts";

const { values, positionals } = parseArgs({ options: { seconds: { type: "string", default: "60" }, scale: { type: "string", default: "http://127.0.0.1:3930/scale" } }, allowPositionals: true });
const seconds = Number(values.seconds);
if (positionals.length === 0 || !(seconds > 0)) fail("usage: tsx scripts/scale-inputs.ts [--seconds 60] [--scale URL] <instance origin>…");
const token = process.env.METRICS_TOKEN;
if (!token) fail("METRICS_TOKEN is not set: the metrics answer 404 without it (docs/FLEET.md)");

async function scrapeAll(): Promise<Scrape[]> {
  return Promise.all(
    positionals.map(async (origin) => {
      const response = await fetch(new URL("/api/metrics/prometheus", origin), { headers: { authorization: `Bearer ${token}` } });
      if (!response.ok) fail(`${origin} answered ${response.status} for its metrics`);
      return { text: await response.text(), at: Date.now() };
    }),
  );
}

const before = await scrapeAll();
console.log(`scraped ${positionals.length} instances; again in ${seconds} s…`);
await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
const reading = readFleetInputs(before, await scrapeAll());
const { measured } = reading;
console.log(`checks ${measured.checksPerSecond.toFixed(1)}/s, hit ratio ${measured.hitRatio === null ? "—" : measured.hitRatio.toFixed(3)}, revocations ${measured.revocationsPerMinute.toFixed(1)}/min, invalidation lag p99 ${measured.lagP99Ms === null ? "—" : `${measured.lagP99Ms.toFixed(1)} ms`}, queries per check ${measured.dbQueriesPerCheck?.toFixed(2) ?? "—"}`);
const query = new URLSearchParams(Object.entries(reading.inputs).map(([key, value]) => [key, String(value)]));
console.log(`${values.scale}?${query.toString()}`);
console.log(`not in the metrics, enter them there: ${reading.notFromMetrics.join(", ")}`);

function fail(message: string): never {
  console.error(`scale-inputs: ${message}`);
  process.exit(1);
}

import { readFileSync } from "node:fs";
import { expect } from "@playwright/test";

/**
 * Reading GET /api/metrics/prometheus black-box: the text format parsed into series, each named
 * as Prometheus writes it (`name{label="value",…}`), with METRICS_TOKEN from the runner.
 */

export const PROMETHEUS_PATH = "/api/metrics/prometheus";

export function metricsToken(): string {
  const token = process.env.METRICS_TOKEN;
  if (!token) throw new Error("METRICS_TOKEN is not set: run the suite through npm test (scripts/test-runner/ sets one)");
  return token;
}

export interface Scrape {
  /** Every sample, by its series as written. */
  values: Map<string, number>;
  /** `# TYPE` of every metric family. */
  types: Map<string, string>;
  text: string;
}

export function parseExposition(text: string): Scrape {
  const values = new Map<string, number>();
  const types = new Map<string, string>();
  for (const line of text.split("\n")) {
    const type = /^# TYPE (\S+) (\S+)$/.exec(line);
    if (type) types.set(type[1]!, type[2]!);
    if (line === "" || line.startsWith("#")) continue;
    const sample = /^(\S+(?:\{.*\})?) (\S+)$/.exec(line);
    expect(sample, `not a sample line: ${line}`).not.toBeNull();
    values.set(sample![1]!, Number(sample![2]));
  }
  return { values, types, text };
}

export async function scrape(origin: string): Promise<Scrape> {
  const response = await fetch(`${origin}${PROMETHEUS_PATH}`, { headers: { authorization: `Bearer ${metricsToken()}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  return parseExposition(await response.text());
}

/** A series' value, 0 when it does not exist yet (a counter nobody incremented). */
export function valueOf(scraped: Scrape, series: string): number {
  return scraped.values.get(series) ?? 0;
}

/** The svj_* metric names docs/FLEET.md documents: the exposition must have each. */
export function documentedMetricNames(): string[] {
  const doc = readFileSync("docs/FLEET.md", "utf8");
  return [...new Set([...doc.matchAll(/^\| `(svj_[a-z_]+)` \|/gm)].map((match) => match[1]!))];
}

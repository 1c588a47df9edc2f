import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { BenchFormatError, parseBenchFiles } from "./bench-files.ts";
import { derivePerRequestCosts } from "./costs.ts";
import { measuredPushLag } from "./measured-lag.ts";

/** The results committed in docs/bench/, as the page reads them. */
function committed(): Record<string, unknown> {
  const dir = join(process.cwd(), "docs", "bench");
  return Object.fromEntries(readdirSync(dir).filter((file) => file.endsWith(".json")).map((file) => [file, JSON.parse(readFileSync(join(dir, file), "utf8"))]));
}

/** A deep copy with one change made at `path` (dots; numbers index arrays). */
function changed(files: Record<string, unknown>, file: string, path: string, change: (parent: Record<string, unknown>, key: string) => void) {
  const copy = structuredClone(files);
  const keys = path.split(".");
  let node = copy[file] as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  change(node, keys.at(-1)!);
  return copy;
}

function refusal(files: Record<string, unknown>): string {
  try {
    parseBenchFiles(files);
  } catch (error) {
    assert.ok(error instanceof BenchFormatError, `not a BenchFormatError: ${error}`);
    return error.message;
  }
  assert.fail("the changed format was accepted");
}

describe("parseBenchFiles", () => {
  test("the committed results parse, and every cost the model needs can be derived from them", () => {
    const files = parseBenchFiles(committed());
    assert.ok(files.http.single.length >= 1);
    const costs = derivePerRequestCosts(files);
    for (const mode of ["session", "jwt"] as const) {
      const modeCosts = costs.modes[mode].denylist;
      for (const [name, value] of Object.entries(modeCosts)) if (typeof value === "number") assert.ok(Number.isFinite(value) && value >= 0, `${mode}.${name} = ${value}`);
    }
    assert.ok(measuredPushLag(files.http.fleet), "the fleet's push lag is there for the simulation");
  });

  test("a missing field the model reads stops it, naming the file and the path", () => {
    const message = refusal(changed(committed(), "capacity.json", "harness.wrkCpuMicrosPerRequest", (parent, key) => delete parent[key]));
    assert.match(message, /^capacity\.json is not in the format the capacity model reads: harness\.wrkCpuMicrosPerRequest/);
  });

  test("a renamed kind or a number turned into text is refused too", () => {
    assert.match(refusal(changed(committed(), "profile-sqlite.json", "kind", (parent, key) => (parent[key] = "bench:profiles"))), /^profile-sqlite\.json .*kind/);
    assert.match(refusal(changed(committed(), "http-postgresql.json", "targets.0.summary.rps", (parent, key) => (parent[key] = "1053"))), /^http-postgresql\.json .*targets\.0\.summary\.rps/);
  });

  test("a result missing altogether is named with the command that makes it", () => {
    const files = committed();
    delete files["capacity.json"];
    assert.match(refusal(files), /npm run bench:capacity/);
  });
});

import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * One logging channel: every event of the app (lib/ and app/) goes through lib/log.ts with a
 * stable code, so alerting and tests match on codes and a lab can capture what it provoked.
 * Tests, test helpers, generated code and scripts/ may print as they like.
 */
const ROOTS = ["lib", "app"];
const RAW_CONSOLE = /\bconsole\s*(?:\.\s*[A-Za-z]+|\[)/;
const EXEMPT = /(^lib\/log\.ts$|^lib\/generated\/|\.test\.tsx?$|(^|\/)test-[^/]*$)/;

function appSources(): string[] {
  return ROOTS.flatMap((root) =>
    readdirSync(root, { recursive: true, encoding: "utf8" }).map((name) => join(root, name).split("\\").join("/")),
  ).filter((file) => /\.(ts|tsx|mjs|js)$/.test(file) && !EXEMPT.test(file));
}

function rawConsoleCalls(file: string, source = readFileSync(file, "utf8")): string[] {
  return source.split("\n").flatMap((line, index) => (RAW_CONSOLE.test(line) ? [`${file}:${index + 1}: ${line.trim()}`] : []));
}

describe("one logging channel", () => {
  test("no raw console call in lib/ or app/ outside lib/log.ts", () => {
    const files = appSources();
    assert.ok(files.includes("lib/http/json.ts") && files.some((file) => file.startsWith("app/")), "the scan reads the app's sources");
    assert.deepEqual(files.flatMap((file) => rawConsoleCalls(file)), []);
  });

  test("the scan sees a raw call when there is one (this test can fail)", () => {
    assert.equal(rawConsoleCalls("x.ts", 'console.error("[api] unexpected error", error);').length, 1);
    assert.equal(rawConsoleCalls("x.ts", "console [\"warn\"](x);").length, 1);
    assert.equal(rawConsoleCalls("x.ts", 'logEvent("api_unexpected_error", {});').length, 0);
    assert.ok(rawConsoleCalls("lib/log.ts").length > 0);
  });
});

import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { crashedUnlessCounted, readPlaywrightCounts, readTapCounts } from "./counts.ts";

const dir = mkdtempSync(join(tmpdir(), "test-counts-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe("readTapCounts", () => {
  test("the last totals win; cancelled counts as failed, todo as skipped", () => {
    // A subtest's own summary comes first in the stream; the run's totals are the last block.
    const tap = ["# pass 1", "# fail 0", "# tests 9", "# pass 5", "# fail 1", "# cancelled 2", "# skipped 1", "# todo 3", ""].join("\n");
    assert.deepEqual(readTapCounts(file("run.tap", tap)), { passed: 5, failed: 3, skipped: 4 });
  });

  test("a test named like a total, indented, does not count", () => {
    assert.deepEqual(readTapCounts(file("indented.tap", "    # pass 40\n# pass 2\n")), { passed: 2, failed: 0, skipped: 0 });
  });

  test("no report is nothing run", () => {
    assert.deepEqual(readTapCounts(join(dir, "missing.tap")), { passed: 0, failed: 0, skipped: 0 });
  });
});

describe("readPlaywrightCounts", () => {
  test("flaky tests passed on a retry; unexpected ones failed", () => {
    const report = JSON.stringify({ stats: { expected: 7, unexpected: 2, flaky: 1, skipped: 3 } });
    assert.deepEqual(readPlaywrightCounts(file("report.json", report)), { passed: 8, failed: 2, skipped: 3 });
  });

  test("a half-written or missing report is nothing run", () => {
    assert.deepEqual(readPlaywrightCounts(file("half.json", '{"stats": {"expec')), { passed: 0, failed: 0, skipped: 0 });
    assert.deepEqual(readPlaywrightCounts(join(dir, "missing.json")), { passed: 0, failed: 0, skipped: 0 });
  });
});

describe("crashedUnlessCounted", () => {
  test("a runner that exited non-zero without a failed test is one failure, with a note", () => {
    assert.deepEqual(crashedUnlessCounted(1, { passed: 3, failed: 0, skipped: 0 }), {
      failed: 1,
      note: "runner exited 1 without reporting a failed test",
    });
  });

  test("a clean exit, or failures it reported itself, add nothing", () => {
    assert.deepEqual(crashedUnlessCounted(0, { passed: 3, failed: 0, skipped: 0 }), {});
    assert.deepEqual(crashedUnlessCounted(1, { passed: 3, failed: 2, skipped: 0 }), {});
  });
});

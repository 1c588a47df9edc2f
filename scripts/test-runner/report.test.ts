import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { summarize } from "./report.ts";

// .ci/run adds runs up by this line; the pattern is copied from it.
const CLOSING_LINE = /^([0-9]+) passed, ([0-9]+) failed(, ([0-9]+) skipped)?$/;

describe("summarize", () => {
  test("one line per suite, then the totals as the very last line in the pattern .ci/run reads", () => {
    const { lines, exitCode } = summarize([
      { suite: "unit", passed: 10, failed: 0, skipped: 2 },
      { suite: "e2e", passed: 5, failed: 0 },
    ]);
    assert.deepEqual(lines, ["suite unit: 10 passed, 0 failed, 2 skipped", "suite e2e: 5 passed, 0 failed, 0 skipped", "15 passed, 0 failed, 2 skipped"]);
    assert.match(lines.at(-1)!, CLOSING_LINE);
    assert.equal(exitCode, 0);
  });

  test("a failure fails the run, with its note on its suite's line", () => {
    const { lines, exitCode } = summarize([{ suite: "e2e", passed: 3, failed: 1, note: "runner exited 1 without reporting a failed test" }]);
    assert.equal(lines[0], "suite e2e: 3 passed, 1 failed, 0 skipped — runner exited 1 without reporting a failed test");
    assert.equal(exitCode, 1);
  });

  test("a suite that ran nothing fails the run, and says so", () => {
    const { lines, exitCode } = summarize([
      { suite: "unit", passed: 4, failed: 0 },
      { suite: "integration", passed: 0, failed: 0 },
    ]);
    assert.equal(lines[1], "suite integration: 0 passed, 0 failed, 0 skipped — ran no tests");
    assert.equal(exitCode, 1);
  });

  test("no suite at all (stopped before the first) is not a pass", () => {
    assert.deepEqual(summarize([]), { lines: ["0 passed, 0 failed, 0 skipped"], exitCode: 1 });
  });
});

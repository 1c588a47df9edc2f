// Reads what each runner reported, so `npm test` can add suites up into one closing line.
// A missing or unreadable report counts as nothing run, which the caller treats as a failure.
import { readFileSync } from "node:fs";

/**
 * node's test runner, TAP reporter: the last "# pass N" / "# fail N" lines are the totals.
 * "# cancelled" (a timeout, a parent that failed first) did not pass either, so it counts as failed.
 */
export function readTapCounts(file) {
  const tap = readOptional(file);
  const last = (name) => Number([...tap.matchAll(new RegExp(`^# ${name} (\\d+)$`, "gm"))].at(-1)?.[1] ?? 0);
  return { passed: last("pass"), failed: last("fail") + last("cancelled") };
}

/** Playwright's JSON report: "expected" passed, "unexpected" failed, "flaky" passed on a retry. */
export function readPlaywrightCounts(file) {
  try {
    const { stats } = JSON.parse(readOptional(file));
    return { passed: stats.expected + stats.flaky, failed: stats.unexpected };
  } catch {
    return { passed: 0, failed: 0 };
  }
}

/** A runner that failed without reporting a failed test (crash, webServer error) still fails. */
export function crashedUnlessCounted(exitCode, counts) {
  if (exitCode === 0 || counts.failed > 0) return {};
  return { failed: 1, note: `runner exited ${exitCode} without reporting a failed test` };
}

function readOptional(file) {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

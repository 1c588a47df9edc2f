// Reads what each runner reported, so `npm test` can add suites up into one closing line.
// A missing or unreadable report counts as nothing run, which the caller treats as a failure.
import { readFileSync } from "node:fs";

export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

/**
 * node's test runner, TAP reporter: the last "# pass N" / "# fail N" lines are the totals.
 * "# cancelled" (a timeout, a parent that failed first) did not pass either, so it counts as failed.
 * "# skipped" and "# todo" are counted apart from both (node counts each test in one of the five),
 * so a skipped test is shown rather than vanishing.
 */
export function readTapCounts(file: string): Counts {
  const tap = readOptional(file);
  const last = (name: string): number => Number([...tap.matchAll(new RegExp(`^# ${name} (\\d+)$`, "gm"))].at(-1)?.[1] ?? 0);
  return { passed: last("pass"), failed: last("fail") + last("cancelled"), skipped: last("skipped") + last("todo") };
}

/** Playwright's JSON report: "expected" passed, "unexpected" failed, "flaky" passed on a retry. */
export function readPlaywrightCounts(file: string): Counts {
  try {
    const { stats } = JSON.parse(readOptional(file)) as { stats: { expected: number; unexpected: number; flaky: number; skipped?: number } };
    return { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped ?? 0 };
  } catch {
    // An empty or half-written report is nothing run; the caller turns that into a failure.
    return { passed: 0, failed: 0, skipped: 0 };
  }
}

/** A runner that failed without reporting a failed test (crash, webServer error) still fails. */
export function crashedUnlessCounted(exitCode: number, counts: Counts): { failed?: number; note?: string } {
  if (exitCode === 0 || counts.failed > 0) return {};
  return { failed: 1, note: `runner exited ${exitCode} without reporting a failed test` };
}

function readOptional(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    // Missing: the runner never got far enough to write it, which the counts show as nothing run.
    return "";
  }
}

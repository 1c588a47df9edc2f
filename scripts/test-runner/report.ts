// The end of `npm test`: one line per suite, then the totals as the very last line.

export interface SuiteResult {
  suite: string;
  passed: number;
  failed: number;
  skipped?: number;
  note?: string;
}

/** The lines to print, and the run's exit code: 1 if anything failed, a suite ran nothing, or no suite ran. */
export function summarize(results: SuiteResult[]): { lines: string[]; exitCode: number } {
  const lines = results.map(({ suite, passed, failed, skipped = 0, note }) => {
    const why = passed + failed === 0 ? "ran no tests" : note;
    return `suite ${suite}: ${passed} passed, ${failed} failed, ${skipped} skipped${why ? ` — ${why}` : ""}`;
  });
  const sum = (key: "passed" | "failed" | "skipped"): number => results.reduce((total, result) => total + (result[key] ?? 0), 0);
  // .ci/run reads this line: keep its pattern in step.
  lines.push(`${sum("passed")} passed, ${sum("failed")} failed, ${sum("skipped")} skipped`);
  const anyEmpty = results.some((result) => result.passed + result.failed === 0);
  return { lines, exitCode: sum("failed") > 0 || anyEmpty || results.length === 0 ? 1 : 0 };
}

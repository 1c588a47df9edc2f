// The interleaved rounds: every round visits every target once, in a rotated order; each
// visit is a status check, a short wrk warm-up, then the measured wrk run.
import { execFile } from "node:child_process";
import { send } from "./http.ts";
import { rotate, summarizeRounds, type RoundsSummary } from "./stats.ts";
import { parseWrkOutput, wrkArgs, type WrkResult } from "./wrk.ts";

/** One target that can run (its server is up and its credential was issued). */
export interface MeasurePlan {
  key: string;
  label: string;
  url: string;
  path: string;
  headers: Record<string, string>;
}

export interface TargetOutcome {
  rounds: WrkResult[];
  summary: RoundsSummary | null;
  error?: string;
}

function runWrk(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile("wrk", args, { encoding: "utf8", maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`wrk failed: ${stderr || error.message}`));
      else resolve(stdout);
    });
  });
}

export async function measureTargets(
  plans: MeasurePlan[],
  { rounds, seconds, warmupSeconds, connections, threads, log }: { rounds: number; seconds: number; warmupSeconds: number; connections: number; threads: number; log: (line: string) => void },
): Promise<Map<string, TargetOutcome>> {
  const results = new Map<string, TargetOutcome>(plans.map((plan) => [plan.key, { rounds: [], summary: null }]));
  for (let round = 0; round < rounds; round += 1) {
    log(`\nround ${round + 1}/${rounds}`);
    for (const plan of rotate(plans, round)) {
      const result = results.get(plan.key);
      if (!result || result.error) continue;
      // wrk counts a redirect to the login page as a success: make sure this target answers 200.
      const check = await send(new URL(plan.url).origin, plan.path, { headers: plan.headers });
      if (check.status !== 200) {
        result.error = `answered ${check.status} instead of 200 (credential not accepted?)`;
        log(`  ${plan.label}: ${result.error}`);
        continue;
      }
      const run = (duration: number) => runWrk(wrkArgs({ url: plan.url, connections, threads, seconds: duration, headers: plan.headers }));
      if (warmupSeconds > 0) await run(warmupSeconds);
      const measured = parseWrkOutput(await run(seconds));
      result.rounds.push(measured);
      const trouble = [measured.non2xx ? `${measured.non2xx} non-2xx answers!` : "", measured.socketErrors ? `${measured.socketErrors} socket errors/timeouts` : ""].filter(Boolean).join(", ");
      log(`  ${plan.label.padEnd(56)} ${String(Math.round(measured.rps)).padStart(6)} req/s  p50 ${measured.p50Ms.toFixed(1)} ms  p99 ${measured.p99Ms.toFixed(1)} ms${trouble ? `  (${trouble})` : ""}`);
      // A wrong answer makes the figure meaningless (an error page is cheap); a timeout under
      // overload does not, and is kept in the round's record for the reader to see.
      if (measured.non2xx > 0) result.error = `${measured.non2xx} non-2xx answers in round ${round + 1}`;
    }
  }
  for (const result of results.values()) {
    if (!result.error && result.rounds.length > 0) result.summary = summarizeRounds(result.rounds);
  }
  return results;
}

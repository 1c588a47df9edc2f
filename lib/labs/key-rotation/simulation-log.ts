import "server-only";

import type { Rejection } from "../../auth/types.ts";
import { redactBody } from "../redact.ts";
import type { LabStep } from "../types.ts";

/**
 * The transcript of a lab step that is not an HTTP exchange (signing and verifying on a
 * lab-private key set under a simulated clock), in the same shape as the recorder's, so the
 * page shows it the same way. A verdict is answered 200 or 401 with the app's error envelope,
 * as the app's own routes would answer it.
 */

export interface SimulationLog {
  readonly steps: LabStep[];
  /** Shown just before the next step (e.g. "the lab's clock moves to t0 + 90 s"). */
  happened(event: string): void;
  record<T extends { ok: true } | Rejection>(label: string, method: string, path: string, run: () => Promise<T> | T, shown: (value: Extract<T, { ok: true }>) => unknown, decisive?: boolean): Promise<T>;
}

/** `accepted` or the refusal's code, as answerCode() names HTTP answers. */
export function outcomeCode(result: { ok: true } | Rejection): string {
  return result.ok ? "accepted" : result.code;
}

export function createSimulationLog(): SimulationLog {
  const steps: LabStep[] = [];
  let event: string | undefined;
  return {
    steps,
    happened(description) {
      event = description;
    },
    async record(label, method, path, run, shown, decisive) {
      const started = performance.now();
      const value = await run();
      const ms = Math.round(performance.now() - started);
      const body = value.ok ? redactBody(shown(value as Extract<typeof value, { ok: true }>)) : { error: { code: value.code, message: value.message } };
      steps.push({
        label,
        request: { method, path, headers: {} },
        response: { status: value.ok ? 200 : 401, headers: {}, body, ms },
        ...(decisive ? { decisive: true } : {}),
        ...(event ? { after: event } : {}),
      });
      event = undefined;
      return value;
    },
  };
}

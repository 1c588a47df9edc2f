import "server-only";

import { randomUUID } from "node:crypto";
import { processLocal } from "../state/process-local.ts";

/**
 * A sanity check, not a security boundary (the origin is fixed by configuration, see
 * enabled.ts): before a run, the lab origin must answer with this very process's id, so a
 * wrong LABS_ORIGIN or PORT is reported plainly, and the outage lab's requests reach the
 * process whose database it breaks.
 */

export function labInstanceId(): string {
  return processLocal("labs:instance-id", () => randomUUID());
}

export const INSTANCE_PATH = "/api/labs/instance";

export async function originIsThisProcess(origin: string): Promise<boolean> {
  try {
    const response = await fetch(new URL(INSTANCE_PATH, origin), { redirect: "manual", cache: "no-store", signal: AbortSignal.timeout(2000) });
    if (response.status !== 200) return false;
    const body = (await response.json()) as { instance?: unknown };
    return body.instance === labInstanceId();
  } catch {
    return false;
  }
}

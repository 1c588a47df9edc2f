import { randomUUID } from "node:crypto";

/**
 * The labs send requests to an origin derived from the incoming request, and X-Forwarded-Host
 * is whatever the client says. Before a run sends anything else there, it checks that the
 * origin answers with this very process's id, so the labs cannot be pointed at another host
 * and made to show its answers (server-side request forgery). It also makes sure the outage
 * lab's requests reach the process whose database it breaks.
 */

const globalForInstance = globalThis as typeof globalThis & { __svjLabInstance?: string };

export function labInstanceId(): string {
  globalForInstance.__svjLabInstance ??= randomUUID();
  return globalForInstance.__svjLabInstance;
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

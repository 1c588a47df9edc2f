// What each configuration is measured on besides throughput, from outside: queries per /me and
// what a credential copied before sign-out still gets.
import { send } from "../http/http.ts";
import type { AppName, ConfigurationPlan } from "./configurations.ts";
import type { PeerCredential } from "./clients.ts";
import { classifyRevocation, type RevocationOutcome } from "./table.ts";

const PROBE_REQUESTS = 10;

/**
 * Queries per /me once warm (one request first, as a browser's second page would be). Ours
 * says it in Server-Timing (`auth-db;desc="queries=N"`); the peers' templates count every
 * prepared statement, read before and after through /api/bench/queries (nothing else is
 * requested meanwhile: the probes run before the load).
 */
export async function queriesPerRequest(app: AppName, origin: string, plan: ConfigurationPlan, credential: PeerCredential): Promise<number> {
  const me = () => fetch(origin + plan.authPath, { headers: credential.headers, signal: AbortSignal.timeout(15_000) });
  await (await me()).arrayBuffer();
  if (app === "ours") {
    let total = 0;
    for (let index = 0; index < PROBE_REQUESTS; index += 1) {
      const response = await me();
      await response.arrayBuffer();
      total += queriesFromServerTiming(response.headers.get("server-timing"));
    }
    return total / PROBE_REQUESTS;
  }
  const before = await counted(origin);
  for (let index = 0; index < PROBE_REQUESTS; index += 1) await (await me()).arrayBuffer();
  return ((await counted(origin)) - before) / PROBE_REQUESTS;
}

export function queriesFromServerTiming(header: string | null): number {
  const match = /auth-db;desc="queries=(\d+)"/.exec(header ?? "");
  if (!match) throw new Error(`no auth-db entry in Server-Timing: ${header ?? "(none)"}`);
  return Number(match[1]);
}

async function counted(origin: string): Promise<number> {
  const answer = await send(origin, "/api/bench/queries");
  const queries = (answer.body as { queries?: unknown } | null)?.queries;
  if (typeof queries !== "number") throw new Error(`/api/bench/queries answered ${answer.status}`);
  return queries;
}

/** Signs out, then presents the copy made before: refused at once, or accepted for the configured lifetime. */
export async function revocationOutcome(origin: string, plan: ConfigurationPlan, credential: PeerCredential): Promise<RevocationOutcome> {
  const before = await send(origin, plan.authPath, { headers: credential.headers });
  if (before.status !== 200) return { kind: "unknown", why: `the credential was refused before sign-out (${before.status})` };
  await credential.signOut();
  const after = await send(origin, plan.authPath, { headers: credential.headers });
  return classifyRevocation(after.status, plan.lifetime);
}

import "server-only";

import type { AuthMode } from "../auth/types.ts";
import { makeDatabaseUnreachable } from "../db.ts";
import { databaseProvider, getConfig, type Config } from "../env.ts";
import { callMe, logInAs, type HeldCredential } from "./credentials.ts";
import { judgeOutage, saysRevocationUnchecked } from "./database-outage-verdict.ts";
import { createOutageGate, type OutageGate } from "./outage-window.ts";
import { answerCode, createLabClient, type LabClient } from "./recorder.ts";
import type { ThrowawayUser } from "./throwaway-user.ts";
import type { LabOutcome } from "./types.ts";

/**
 * Lab 4: the database really goes away for a moment (lib/db.ts makeDatabaseUnreachable,
 * process-wide), with both modes logged in beforehand. Session mode needs the row for every
 * request; JWT mode needs the database only for its optional revocation check.
 */

export const OUTAGE_LIMITS = { maxMs: 5_000, cooldownMs: 10_000 };
/** Inside the outage each request gets 2 s: two of them fit well inside the 5 s limit. */
const REQUEST_TIMEOUT_MS = 2_000;

// On globalThis: the page's Server Action and the API route may be separate bundles in one process.
const globalForOutage = globalThis as typeof globalThis & { __svjOutageGate?: OutageGate };

export function outageGate(): OutageGate {
  globalForOutage.__svjOutageGate ??= createOutageGate(makeDatabaseUnreachable, OUTAGE_LIMITS);
  return globalForOutage.__svjOutageGate;
}

export function denylistFailureNote(config: Config): string {
  if (config.JWT_REVOCATION_CHECK === "none") {
    return "JWT_REVOCATION_CHECK=none: JWT mode reads nothing from the database on a request, so an outage cannot touch it — and neither can a logout.";
  }
  if (config.REDIS_URL && config.JWT_REVOCATION_CHECK === "denylist") {
    return "The denylist lives in Redis (REDIS_URL), not in this database, so this outage does not reach JWT mode's check. A Redis outage would, and JWT_DENYLIST_ON_ERROR would decide what happens then.";
  }
  if (config.JWT_DENYLIST_ON_ERROR === "closed") {
    return "JWT_DENYLIST_ON_ERROR=closed: when the revocation check cannot read its store, JWT mode answers 503 like session mode — no revocation gap, and no availability advantage either.";
  }
  return "JWT_DENYLIST_ON_ERROR=open (the default): when the revocation check cannot read its store, a token is accepted on signature and exp alone. Staying up is the reason to pick JWTs; the price is that a token revoked before or during the outage works again until the outage ends. Set it to closed to answer 503 instead.";
}

function meDuring(client: LabClient, held: HeldCredential) {
  return callMe(client, held, "Who am I, during the outage", { decisive: true, timeoutMs: REQUEST_TIMEOUT_MS });
}

export async function runDatabaseOutageLab(origin: string, user: ThrowawayUser): Promise<LabOutcome> {
  const config = getConfig();
  const clients: Record<AuthMode, LabClient> = { session: createLabClient(origin), jwt: createLabClient(origin) };
  // Logged in while the database is up: an outage stops new logins in both modes.
  const [session, jwt] = await Promise.all([logInAs(clients.session, "session", user), logInAs(clients.jwt, "jwt", user)]);
  const before = await Promise.all([callMe(clients.session, session, "Who am I, before the outage"), callMe(clients.jwt, jwt, "Who am I, before the outage")]);

  const window = await outageGate().outage(async () => {
    for (const client of Object.values(clients)) client.happened("The database was made unreachable for this whole server.");
    return Promise.all([meDuring(clients.session, session), meDuring(clients.jwt, jwt)]);
  });
  for (const client of Object.values(clients)) client.happened(`The real database was put back after ${window.outageMs} ms.`);
  const after = await Promise.all([callMe(clients.session, session, "Who am I, after the outage", { decisive: true }), callMe(clients.jwt, jwt, "Who am I, after the outage", { decisive: true })]);

  const judge = (mode: AuthMode, index: 0 | 1) => {
    const during = window.result[index];
    return {
      mode,
      steps: clients[mode].steps,
      ...judgeOutage(mode, {
        before: answerCode(before[index]),
        during: { status: during.status, code: answerCode(during) },
        duringDegraded: saysRevocationUnchecked(during.body),
        after: answerCode(after[index]),
        cutShort: window.cutShort,
      }),
    };
  };
  const columns = { session: judge("session", 0), jwt: judge("jwt", 1) };
  for (const column of Object.values(columns)) column.measures.outageMs = window.outageMs;
  return {
    config: {
      database: databaseProvider(config.DATABASE_URL),
      JWT_REVOCATION_CHECK: config.JWT_REVOCATION_CHECK,
      JWT_DENYLIST_ON_ERROR: config.JWT_DENYLIST_ON_ERROR,
      "denylist store": config.REDIS_URL ? "redis" : "database",
      "outage limit": `${OUTAGE_LIMITS.maxMs / 1000} s`,
      "pause between outages": `${OUTAGE_LIMITS.cooldownMs / 1000} s`,
    },
    columns,
    notes: [
      denylistFailureNote(config),
      "Session mode fails closed by design (lib/auth/session/strategy.ts): without the row there is no session, so it answers 503 rather than guess.",
      "Logging in and refreshing need the database in both modes: during an outage nobody new gets in either way.",
      `The outage was real and process-wide: every request this server handled during those ${window.outageMs} ms found no database.`,
    ],
  };
}

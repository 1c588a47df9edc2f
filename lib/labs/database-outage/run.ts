import "server-only";

import type { AuthMode } from "../../auth/types.ts";
import { databaseProvider, getConfig, type Config } from "../../env.ts";
import { callMe, logInAs, type HeldCredential } from "../credentials.ts";
import { judgeOutage, acceptedFailOpen } from "./verdict.ts";
import { LAB_OUTAGE_HEADER, labOutageEvents, openLabOutage } from "./scope.ts";
import { createOutageGate, type OutageGate } from "./window.ts";
import { processLocal } from "../../state/process-local.ts";
import { answerCode, createLabClient, type LabClient } from "../recorder.ts";
import type { ThrowawayUser } from "../throwaway-user.ts";
import type { LabOutcome } from "../types.ts";

/**
 * Lab 4: the database really goes away for a moment — for the lab's own requests only
 * (lib/labs/database-outage/scope.ts: they carry a per-outage secret that makes this server answer
 * them from an unreachable client), with both modes logged in beforehand. Session mode needs
 * the row for every request; JWT mode needs the database only for its revocation check.
 */

export const OUTAGE_LIMITS = { maxMs: 5_000, cooldownMs: 10_000 };
/** Inside the outage each request gets 2 s: two of them fit well inside the 5 s limit. */
const REQUEST_TIMEOUT_MS = 2_000;

// Per process: the page's Server Action and the API route may be separate bundles in one
// process; the outage it serialises exists only in this process (scope.ts).
export function outageGate(): OutageGate<string> {
  return processLocal("labs:outage-gate", () => createOutageGate(openLabOutage, OUTAGE_LIMITS));
}

export function denylistFailureNote(config: Config): string {
  if (config.JWT_REVOCATION_CHECK === "none") {
    return "JWT_REVOCATION_CHECK=none: JWT mode reads nothing from the database on a request, so an outage cannot touch it — and neither can a logout.";
  }
  if (config.JWT_REVOCATION_FAIL === "closed") {
    return "JWT_REVOCATION_FAIL=closed (the default): when the revocation check cannot read the database, JWT mode answers 503 like session mode — no revocation gap, and no availability advantage either. Set it to open to see the other choice.";
  }
  return "JWT_REVOCATION_FAIL=open: when the revocation check cannot read the database, a token is accepted on signature and exp alone. Staying up is the reason to pick JWTs; the price is that a token revoked before or during the outage works again until the outage ends.";
}

/** What SESSION_CACHE would do in a real outage, and why this lab's verdict does not show it. */
export function checkCacheNote(config: Config): string {
  const bypass = "The lab's own requests run on a database of their own, which the check caches neither read nor fill: the verdict above is the database's.";
  if (config.SESSION_CACHE === "push") {
    return `${bypass} With SESSION_CACHE=push, in a real outage a check this process verified within the last minute is still answered from memory — never one that was revoked: a revocation is a database write, and the write that succeeds evicts.`;
  }
  if (config.SESSION_CACHE === "cookie") {
    return `${bypass} With SESSION_CACHE=cookie, in a real outage a browser with a fresh check cookie (≤ ${config.SESSION_CACHE_COOKIE_SECONDS} s) keeps being answered without the database, as it would after a logout.`;
  }
  return "SESSION_CACHE=off: every check reads the database, in the lab and out of it.";
}

function meDuring(client: LabClient, held: HeldCredential, secret: string) {
  const marker = { name: LAB_OUTAGE_HEADER, value: secret, shown: "(this outage's secret: these requests alone see no database)" };
  return callMe(client, held, "Who am I, during the outage", { decisive: true, timeoutMs: REQUEST_TIMEOUT_MS, marker });
}

export async function runDatabaseOutageLab(origin: string, user: ThrowawayUser): Promise<LabOutcome> {
  const config = getConfig();
  const clients: Record<AuthMode, LabClient> = { session: createLabClient(origin), jwt: createLabClient(origin) };
  // Logged in while the database is up: an outage stops new logins in both modes.
  const [session, jwt] = await Promise.all([logInAs(clients.session, "session", user), logInAs(clients.jwt, "jwt", user)]);
  const before = await Promise.all([callMe(clients.session, session, "Who am I, before the outage"), callMe(clients.jwt, jwt, "Who am I, before the outage")]);

  const window = await outageGate().outage(async (secret) => {
    for (const client of Object.values(clients)) client.happened("The database was made unreachable for the lab's own requests (everyone else's kept it).");
    const answers = await Promise.all([meDuring(clients.session, session, secret), meDuring(clients.jwt, jwt, secret)]);
    return { answers, logged: labOutageEvents(secret)?.map((event) => event.code) ?? null };
  });
  for (const client of Object.values(clients)) client.happened(`The real database was put back after ${window.outageMs} ms.`);
  const after = await Promise.all([callMe(clients.session, session, "Who am I, after the outage", { decisive: true }), callMe(clients.jwt, jwt, "Who am I, after the outage", { decisive: true })]);

  const judge = (mode: AuthMode, index: 0 | 1) => {
    const during = window.result.answers[index];
    return {
      mode,
      steps: clients[mode].steps,
      ...judgeOutage({
        before: answerCode(before[index]),
        during: { status: during.status, code: answerCode(during) },
        duringDegraded: acceptedFailOpen(during.body),
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
      JWT_REVOCATION_FAIL: config.JWT_REVOCATION_FAIL,
      SESSION_CACHE: config.SESSION_CACHE,
      "outage limit": `${OUTAGE_LIMITS.maxMs / 1000} s`,
      "pause between outages": `${OUTAGE_LIMITS.cooldownMs / 1000} s`,
    },
    columns,
    notes: [
      denylistFailureNote(config),
      checkCacheNote(config),
      "Session mode fails closed by design (lib/auth/session/strategy.ts): without the row there is no session, so it answers 503 rather than guess.",
      "Logging in and refreshing need the database in both modes: during an outage nobody new gets in either way.",
      loggedDuringNote(window.result.logged),
      `The outage was real but confined: for ${window.outageMs} ms the lab's own marked requests found no database through the same code path as any request, while every other request on this server kept the real one.`,
    ],
  };
}

/** The server's log lines for the lab's own requests: kept here, not printed (scope.ts). */
export function loggedDuringNote(codes: string[] | null): string {
  if (codes === null) return "The outage limit ended the outage before its log could be read.";
  if (codes.length === 0) return "The server logged nothing for the lab's requests during the outage.";
  const counts = new Map<string, number>();
  for (const code of codes) counts.set(code, (counts.get(code) ?? 0) + 1);
  const listed = [...counts].map(([code, times]) => (times > 1 ? `${code} ×${times}` : code)).join(", ");
  return `During the outage the server logged ${listed} for the lab's requests: what an operator's alerting would see. They are kept with this result rather than printed on the server's console, since the lab caused them.`;
}

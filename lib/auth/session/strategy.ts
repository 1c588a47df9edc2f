import "server-only";

import { getConfig } from "../../env.ts";
import { inspectSeal } from "./inspect.ts";
import { reportDatabaseFailure } from "../../db-outage.ts";
import type { AuthUser } from "../../users.ts";
import { authCookieName, clearCookie, MAX_CREDENTIAL_LENGTH } from "../cookies.ts";
import type { AuthStrategy, RequestMeta, VerifyResult } from "../types.ts";
import { sessionDevices } from "./devices.ts";
import { cachedPrincipal, toPrincipal } from "./principal.ts";
import { sessionEdge } from "./edge.ts";
import { newSessionSecret, sessionRowId } from "./ids.ts";
import { absoluteExpiry, judgeSession, type SessionPolicy } from "./rules.ts";
import { sealSessionId, unsealSessionId } from "./seal.ts";
import { describeCheckCache } from "../check-cache/describe.ts";
import { cachedSessionRow, readSessionRow, rememberSessionRow, touchSessionRow } from "./cached-row.ts";
import { deleteEndedSessions, deleteSession, deleteUserSessions, insertSession, listUserSessionIds, type SessionWithUser } from "./store.ts";
import { endReasonNotice, recordEndReasons } from "./end-reasons.ts";

/**
 * Session mode: the cookie is a sealed random id; the `Session` row decides everything.
 * Revocation is deleting the row, effective on the very next request.
 */

function policy(): SessionPolicy {
  const config = getConfig();
  return {
    idleTimeoutSeconds: config.SESSION_IDLE_TIMEOUT_SECONDS,
    absoluteTimeoutSeconds: config.SESSION_ABSOLUTE_TIMEOUT_SECONDS,
    touchIntervalSeconds: config.SESSION_TOUCH_INTERVAL_SECONDS,
  };
}

/**
 * The rules on a row. Accepted: touched when due (a failed touch costs idle-timeout precision,
 * not the request: logged, not refused) and remembered for SESSION_CACHE=push.
 */
async function acceptRow(row: SessionWithUser, now: Date, since: number): Promise<VerifyResult> {
  if (row.user.disabledAt) return { ok: false, code: "user_disabled", message: "The account is disabled." };
  const verdict = judgeSession(row, now, policy());
  if (!verdict.ok) return verdict;
  if (verdict.shouldTouch) {
    await touchSessionRow(row, now, since).catch((error: unknown) => reportDatabaseFailure("touch_failed", error, { fields: { sessionId: row.id }, level: "warn" }));
  } else {
    rememberSessionRow(row, since);
  }
  return { ok: true, principal: toPrincipal(row, verdict.expiresAt) };
}

/**
 * The same rules on a cached row, and nothing stored: the copy's age must keep counting from
 * the database read it came from, since SESSION_CACHE's max age is the bound an invalidation
 * that could not be published relies on (pushed-cache.ts retries it only that long). So a
 * refusal, or a touch that is due, goes to the database (null): it may know of activity on
 * another instance, and a touch then stores a copy that was just read.
 */
function serveCachedRow(row: SessionWithUser, now: Date): VerifyResult | null {
  if (row.user.disabledAt) return null;
  const verdict = judgeSession(row, now, policy());
  if (!verdict.ok || verdict.shouldTouch) return null;
  return { ok: true, principal: cachedPrincipal(row, verdict.expiresAt), servedFromCache: true };
}

async function verifySeal(seal: string, meta: RequestMeta, options: { cached: boolean }): Promise<VerifyResult> {
  const secret = seal.length <= MAX_CREDENTIAL_LENGTH ? await unsealSessionId(seal, getConfig().SESSION_SECRET) : null;
  if (!secret) return { ok: false, code: "seal_invalid", message: "The cookie is not a seal of ours: altered, truncated or sealed with another key." };
  const id = sessionRowId(secret);
  const cached = options.cached ? cachedSessionRow(id) : undefined;
  if (cached) {
    const served = serveCachedRow(cached, meta.now);
    if (served) return served;
  }
  let read: Awaited<ReturnType<typeof readSessionRow>>;
  try {
    read = await readSessionRow(id);
  } catch (error) {
    // The trade-off of this mode, stated plainly: no database, no sessions. Fail closed.
    // An outage is logged once (lib/db-outage.ts), not once per request.
    reportDatabaseFailure("session_store_unreachable", error);
    return { ok: false, code: "session_store_unavailable", message: "The session store is unreachable; try again shortly.", status: 503 };
  }
  const { row, since } = read;
  if (!row) return { ok: false, code: "session_unknown", message: "No such session (logged out, revoked or never issued)." };
  return acceptRow(row, meta.now, since);
}

export const sessionStrategy: AuthStrategy = {
  acceptsBearer: false,
  mode: "session",

  async signIn(user: AuthUser, meta: RequestMeta) {
    const rules = policy();
    // A new id on every login, never one the client sent: that is what defeats fixation.
    const secret = newSessionSecret();
    const expiresAt = absoluteExpiry(meta.now, rules);
    const id = sessionRowId(secret);
    await insertSession({ id, userId: user.id, now: meta.now, expiresAt, userAgent: meta.userAgent, ip: meta.ip });
    const seal = await sealSessionId(secret, getConfig().SESSION_SECRET, rules.absoluteTimeoutSeconds + 60);
    const row: SessionWithUser = {
      id, userId: user.id, createdAt: meta.now, lastSeenAt: meta.now, expiresAt,
      userAgent: meta.userAgent, ip: meta.ip,
      user: { email: user.email, name: user.name, role: user.role, tokenVersion: user.tokenVersion, disabledAt: null },
    };
    const verdict = judgeSession(row, meta.now, rules);
    return {
      principal: toPrincipal(row, verdict.ok ? verdict.expiresAt : expiresAt),
      cookies: [{ name: authCookieName("session"), value: seal, maxAge: rules.absoluteTimeoutSeconds }],
      apiFields: {},
    };
  },

  verify: (seal, meta) => verifySeal(seal, meta, { cached: true }),

  // The row itself, never SESSION_CACHE's copy: a row deleted by hand (SQL, not through the app)
  // must not buy a downstream token either.
  verifyForExchange: (seal, meta) => verifySeal(seal, meta, { cached: false }),

  companionCookies: [],

  async endAllForUser(userId, { except, reason }) {
    // Read first: the delete does not say which rows went. A login made between the two is
    // still deleted (the delete is by user), just without a notice.
    const ids = await listUserSessionIds(userId, except?.sessionId);
    const ended = await deleteUserSessions(userId, except?.sessionId);
    await recordEndReasons(ids, reason);
    return ended;
  },

  async endedNotice(seal) {
    const secret = seal.length <= MAX_CREDENTIAL_LENGTH ? await unsealSessionId(seal, getConfig().SESSION_SECRET) : null;
    return secret ? endReasonNotice(sessionRowId(secret)) : null;
  },

  sweepExpired: async (before, limits) => ({ sessions: await deleteEndedSessions(before, limits) }),

  devices: sessionDevices,

  recoveryPath: sessionEdge.recoveryPath,
  scriptRenewPath: sessionEdge.scriptRenewPath,

  async signOut({ credential: seal }) {
    const secret = seal ? await unsealSessionId(seal, getConfig().SESSION_SECRET) : null;
    if (secret) await deleteSession(sessionRowId(secret));
    return [clearCookie(authCookieName("session"))];
  },

  inspect: inspectSeal,

  describe() {
    const cache = describeCheckCache();
    return {
      mode: "session",
      title: "Server-side session",
      credentialLabel: "session",
      cookieName: authCookieName("session"),
      stateLivesIn: "A Session row in the database; the cookie is a sealed random id.",
      revocation: `Immediate: deleting the row ends the session on its next request.${cache.revocationNote}`,
      canRevoke: [
        "this session (logout), at once",
        "any one of your devices, at once",
        "every session of a user (password change, admin disable), at once",
      ],
      cannotRevoke: [
        "a token already exchanged for the downstream service: it works there until its exp (≤ 60 s), logout or not",
        ...(cache.gap ? [cache.gap] : ["nothing else — but without the database nothing works either (see the outage lab)"]),
      ],
    };
  },
};

import "server-only";

import { sealData, unsealData } from "iron-session";
import { processLocal } from "../../state/process-local.ts";

/**
 * The session cookie is an iron-session seal (AES-256-CBC + HMAC-SHA-256, RFC-style "iron")
 * of the session id and nothing else: user, role and expiry live in the database row.
 */

interface SealedSession {
  sid?: unknown;
}

export async function sealSessionId(sessionId: string, password: string, ttlSeconds: number): Promise<string> {
  return sealData({ sid: sessionId } satisfies SealedSession, { password, ttl: ttlSeconds });
}

/**
 * Unsealing costs about eight WebCrypto calls (~0.3 ms). The proxy and the authoritative
 * check both need it on the same request, so results are remembered briefly by the exact
 * seal string: only seals that passed the MAC are stored, so nothing forged gets in. A hit
 * counts only for the password that unsealed it: a memo must not outlive a key change.
 */
// Per process: the proxy and the pages are separate bundles in one process, and a memo per
// bundle would never let the DAL reuse what the proxy just unsealed.
const remembered = processLocal("session:unsealed", () => new Map<string, { sid: string; password: string; until: number }>());
export const REMEMBER_MS = 60_000;
export const REMEMBER_MAX = 5_000;

export async function unsealSessionId(seal: string, password: string, now = Date.now()): Promise<string | null> {
  const hit = remembered.get(seal);
  if (hit && hit.until > now && hit.password === password) return hit.sid;
  let data: SealedSession;
  try {
    data = await unsealData<SealedSession>(seal, { password });
  } catch {
    // Junk that is not even shaped like a seal: the same answer as a bad MAC.
    return null;
  }
  if (typeof data.sid !== "string" || data.sid.length === 0) return null;
  if (remembered.size >= REMEMBER_MAX) remembered.delete(remembered.keys().next().value!);
  remembered.set(seal, { sid: data.sid, password, until: now + REMEMBER_MS });
  return data.sid;
}

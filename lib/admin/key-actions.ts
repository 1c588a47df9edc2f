import "server-only";

import { writeAudit, type AuditActor } from "../audit/log.ts";
import { retireSigningKeyNow, rotateSigningKeys, type KeyListing, type RetireResult } from "../auth/jwt/keys/admin.ts";
import { getDb } from "../db.ts";

/**
 * A rotation by an admin, from the console or POST /api/admin/keys/rotate, with its audit entry
 * (no target user; the new kid and when it signs). The entry follows the key's insert rather
 * than sharing its transaction: the key store's insert is the same one the first load and
 * `npm run keys:rotate` use, and neither has an admin to name. A rotation whose entry then
 * fails to write is not undone (a published `next` key is harmless); the error reaches the
 * caller, so the admin sees that something went wrong.
 */
export async function adminRotateKeys(actor: AuditActor, now: Date): Promise<{ created: KeyListing; keys: KeyListing[] }> {
  const rotation = await rotateSigningKeys(now);
  const { kid, activatesAt } = rotation.created;
  await writeAudit(getDb(), { actor, action: "keys.rotate", targetUserId: null, detail: { kid, signsFrom: activatesAt }, now });
  return rotation;
}

/** A key retired at once by an admin, with its audit entry (the kid, and the key that signs instead, if any). */
export async function adminRetireKey(actor: AuditActor, kid: string, now: Date): Promise<RetireResult> {
  const result = await retireSigningKeyNow(kid, now);
  if (result.ok) await writeAudit(getDb(), { actor, action: "keys.retire", targetUserId: null, detail: { kid, replacement: result.replacement?.kid ?? null }, now });
  return result;
}

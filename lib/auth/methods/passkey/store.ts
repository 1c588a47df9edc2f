import "server-only";

import { withWriteConflictRetry } from "../../../db-conflict.ts";
import { getDb } from "../../../db.ts";

/** The passkey method's rows (PasskeyCredential). Keys and ids are base64url text on both databases. */

export interface StoredPasskey {
  id: string;
  userId: string;
  publicKey: string;
  counter: number;
  transports: string[];
  name: string;
  deviceType: string;
  backedUp: boolean;
  createdAt: Date;
  lastUsedAt: Date | null;
}

type Row = { id: string; userId: string; publicKey: string; counter: bigint; transports: string; name: string; deviceType: string; backedUp: boolean; createdAt: Date; lastUsedAt: Date | null };

function toStored(row: Row): StoredPasskey {
  return { ...row, counter: Number(row.counter), transports: row.transports ? row.transports.split(",") : [] };
}

export async function findPasskey(id: string): Promise<StoredPasskey | null> {
  const row = await getDb().passkeyCredential.findUnique({ where: { id } });
  return row ? toStored(row) : null;
}

export async function listPasskeys(userId: string): Promise<StoredPasskey[]> {
  const rows = await getDb().passkeyCredential.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });
  return rows.map(toStored);
}

export interface NewPasskey {
  id: string;
  publicKey: string;
  counter: number;
  transports: string[];
  deviceType: string;
  backedUp: boolean;
  name: string;
}

function rowData(passkey: NewPasskey) {
  return { ...passkey, counter: BigInt(passkey.counter), transports: passkey.transports.join(",") };
}

export async function addPasskey(userId: string, passkey: NewPasskey): Promise<void> {
  await getDb().passkeyCredential.create({ data: { userId, ...rowData(passkey) } });
}

/** A passkey-only account: the user and its first passkey in one write. false when the e-mail is taken. */
export async function createUserWithPasskey(user: { id: string; email: string; name: string }, passkey: NewPasskey): Promise<boolean> {
  try {
    await getDb().user.create({ data: { ...user, role: "user", passkeys: { create: rowData(passkey) } }, select: { id: true } });
    return true;
  } catch (error) {
    if ((error as { code?: unknown }).code === "P2002") return false;
    throw error;
  }
}

/**
 * Moves the counter forward only from the value the check saw: of two sign-ins racing with
 * the same counter (a cloned authenticator used twice at once), one write matches and the
 * other finds nothing and is refused.
 */
export async function advancePasskeyCounter(id: string, seen: number, next: number, now: Date): Promise<boolean> {
  const { count } = await getDb().passkeyCredential.updateMany({ where: { id, counter: BigInt(seen) }, data: { counter: BigInt(next), lastUsedAt: now } });
  return count === 1;
}

export type PasskeyRemoval = { ok: true } | { ok: false; code: "not_found" | "last_method" };

/**
 * Refuses to remove the user's last way to sign in: with no password and no other passkey the
 * account could never be entered again. The count and the delete share one serializable
 * transaction, so two tabs removing the last two passkeys at once cannot both succeed.
 */
export async function removePasskey(userId: string, id: string): Promise<PasskeyRemoval> {
  return withWriteConflictRetry(() =>
    getDb().$transaction(
      async (tx): Promise<PasskeyRemoval> => {
        const user = await tx.user.findUnique({ where: { id: userId }, select: { password: { select: { userId: true } }, passkeys: { select: { id: true } } } });
        if (!user || !user.passkeys.some((passkey) => passkey.id === id)) return { ok: false, code: "not_found" };
        if (!user.password && user.passkeys.length === 1) return { ok: false, code: "last_method" };
        await tx.passkeyCredential.deleteMany({ where: { id, userId } });
        return { ok: true };
      },
      { isolationLevel: "Serializable" },
    ),
  );
}

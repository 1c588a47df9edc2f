import "server-only";

import type { AuthMode } from "../auth/types.ts";
import { getDb } from "../db.ts";

/**
 * How much server-side auth state each mode keeps right now, counted from the tables
 * (not from the metrics): what "stateful" and "stateless" amount to on this server.
 */

export interface StateCount {
  label: string;
  /** null: kept somewhere this app does not count. */
  count: number | null;
}

export async function countStoredState(now = new Date()): Promise<Record<AuthMode, StateCount[]>> {
  const db = getDb();
  const [sessions, families, denylisted] = await Promise.all([
    db.session.count({ where: { expiresAt: { gt: now } } }),
    db.refreshFamily.count({ where: { revokedAt: null, expiresAt: { gt: now } } }),
    db.revokedToken.count({ where: { expiresAt: { gt: now } } }),
  ]);
  return {
    session: [{ label: "live Session rows", count: sessions }],
    jwt: [
      { label: "live refresh families", count: families },
      { label: "denylisted jti", count: denylisted },
    ],
  };
}

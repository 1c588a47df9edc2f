import "server-only";

import { z } from "zod";
import { getDb } from "../../../db.ts";
import { logEvent } from "../../../log.ts";
import { encryptPrivateKey } from "./encryption.ts";
import { activeKid, keyStatesAt, KEY_STATES, PUBLISH_LEAD_SECONDS, type KeyState, type KeyStatus } from "./timeline.ts";
import { generateEd25519KeyPair, type PublicSigningJwk } from "./crypto-keys.ts";

/**
 * The SigningKey table (Prisma). Never imported by the proxy's path: key-set.ts loads from
 * here and hands public keys to the database-free edge cache (edge-keys.ts).
 * Every write is idempotent or guarded by the unique `generation`, so any number of instances
 * may run these at once and still end with one key per generation and agreeing states.
 */

const publicJwkSchema = z.object({ kty: z.literal("OKP"), crv: z.literal("Ed25519"), x: z.string().min(1) });

export interface StoredSigningKey {
  kid: string;
  generation: number;
  alg: "EdDSA";
  publicJwk: PublicSigningJwk;
  encryptedPrivateKey: string;
  state: KeyState;
  createdAt: Date;
  activatesAt: Date;
  retiresAt: Date | null;
}

type Row = Awaited<ReturnType<ReturnType<typeof getDb>["signingKey"]["findMany"]>>[number];

/** A row that does not parse is skipped and logged: one bad row must not stop every login. */
function toStoredKey(row: Row): StoredSigningKey | null {
  let jwk: unknown;
  try {
    jwk = JSON.parse(row.publicJwk);
  } catch {
    jwk = null;
  }
  const publicJwk = publicJwkSchema.safeParse(jwk);
  const state = z.enum(KEY_STATES).safeParse(row.state);
  if (row.alg !== "EdDSA" || !publicJwk.success || !state.success) {
    logEvent("signing_key_row_invalid", { kid: row.kid, why: "not a usable EdDSA key; ignored" }, "error");
    return null;
  }
  return { ...row, alg: "EdDSA", publicJwk: publicJwk.data, state: state.data };
}

export async function readSigningKeys(): Promise<StoredSigningKey[]> {
  const rows = await getDb().signingKey.findMany({ orderBy: { generation: "asc" } });
  return rows.map(toStoredKey).filter((key): key is StoredSigningKey => key !== null);
}

export type CreateKeyResult = { ok: true; key: StoredSigningKey } | { ok: false; code: "generation_taken" };

/**
 * Generation = newest + 1 (or the one the caller computed from what it read): a concurrent
 * creator of the same generation loses on the unique index.
 */
export async function createSigningKey(options: { now: Date; activatesAt: Date; encryptionSecret: string; generation?: number }): Promise<CreateKeyResult> {
  const newest = options.generation === undefined ? await getDb().signingKey.findFirst({ orderBy: { generation: "desc" }, select: { generation: true } }) : null;
  const pair = await generateEd25519KeyPair();
  try {
    const row = await getDb().signingKey.create({
      data: {
        kid: pair.kid,
        generation: options.generation ?? (newest?.generation ?? 0) + 1,
        alg: "EdDSA",
        publicJwk: JSON.stringify(pair.publicJwk),
        encryptedPrivateKey: encryptPrivateKey(pair.privatePkcs8, pair.kid, options.encryptionSecret),
        state: options.activatesAt <= options.now ? "active" : "next",
        createdAt: options.now,
        activatesAt: options.activatesAt,
      },
    });
    return { ok: true, key: toStoredKey(row)! };
  } catch (error) {
    // P2002: unique constraint. Duck-typed: the SQLite and PostgreSQL clients have distinct error classes.
    if ((error as { code?: unknown } | null)?.code !== "P2002") throw error;
    return { ok: false, code: "generation_taken" };
  }
}

/** Writes only what differs; `retired` is never overwritten (it is final). */
async function writeStates(keys: readonly StoredSigningKey[], statuses: ReadonlyMap<string, KeyStatus>): Promise<StoredSigningKey[]> {
  const changed = keys.filter((key) => {
    const status = statuses.get(key.kid)!;
    return status.state !== key.state || status.retiresAt?.getTime() !== key.retiresAt?.getTime();
  });
  await Promise.all(
    changed.map((key) => {
      const { state, retiresAt } = statuses.get(key.kid)!;
      return getDb().signingKey.updateMany({ where: { kid: key.kid, state: { not: "retired" } }, data: { state, retiresAt } });
    }),
  );
  return keys.map((key) => ({ ...key, ...statuses.get(key.kid)! }));
}

export interface LoadedKeys {
  keys: StoredSigningKey[];
  statuses: Map<string, KeyStatus>;
}

/**
 * The key set as of `now`, states applied. With no live key at all (the very first load), one
 * is created active at once — there is nothing to overlap with yet. Racing first loads create
 * one key between them: the losers read the winner's. Keys that exist but are not active at
 * `now` (a back-dated `now`, or a table holding only `next` keys) are never a reason to create
 * one: a key made "because none was active" would sign at once, unpublished to every cache.
 */
export async function loadSigningKeys(options: { now: Date; tailSeconds: number; encryptionSecret: string }): Promise<LoadedKeys> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const keys = await readSigningKeys();
    const statuses = keyStatesAt(keys, options.now, options.tailSeconds);
    const live = [...statuses.values()].some((status) => status.state !== "retired");
    if (activeKid(statuses) !== null || live) return { keys: await writeStates(keys, statuses), statuses };
    // The generation after what *we read*: if anyone created a key since, this insert collides
    // and the next pass reads theirs, instead of adding a second key "because there was none".
    const generation = Math.max(0, ...keys.map((key) => key.generation)) + 1;
    await createSigningKey({ now: options.now, activatesAt: options.now, encryptionSecret: options.encryptionSecret, generation });
  }
  throw new Error("[auth] signing_key_bootstrap_failed: no active signing key after three attempts");
}

/** A new `next` key: published now, signing after PUBLISH_LEAD_SECONDS. */
export async function rotateSigningKey(options: { now: Date; encryptionSecret: string }): Promise<StoredSigningKey> {
  const activatesAt = new Date(options.now.getTime() + PUBLISH_LEAD_SECONDS * 1000);
  for (let attempt = 0; attempt < 3; attempt++) {
    const created = await createSigningKey({ ...options, activatesAt });
    if (created.ok) return created.key;
  }
  throw new Error("[auth] signing_key_rotation_conflict: three concurrent rotations in a row");
}

/**
 * Retired by hand (the key leaked, or must go before its schedule): final, like a scheduled
 * retirement. False when the key is unknown or retired already.
 */
export async function retireSigningKey(kid: string, now: Date): Promise<boolean> {
  const { count } = await getDb().signingKey.updateMany({ where: { kid, state: { not: "retired" } }, data: { state: "retired", retiresAt: now } });
  return count === 1;
}

/** A published `next` key made to sign now (its lead cut short: the key it replaces was retired). */
export async function activateSigningKeyNow(kid: string, now: Date): Promise<void> {
  await getDb().signingKey.updateMany({ where: { kid, state: "next" }, data: { state: "active", activatesAt: now } });
}

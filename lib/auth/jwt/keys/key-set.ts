import "server-only";

import { processLocal } from "../../../state/process-local.ts";
import { getConfig } from "../../../env.ts";
import { errorText, logEvent } from "../../../log.ts";
import { publishEdgeVerificationKeys } from "./edge-keys.ts";
import { decryptPrivateKey } from "./encryption.ts";
import { activeKid, KEY_RELOAD_INTERVAL_SECONDS, keyStatesAt, type KeyStatus } from "./timeline.ts";
import { loadSigningKeys, type StoredSigningKey } from "./store.ts";
import { ed25519SignKey, ed25519VerifyKey } from "./crypto-keys.ts";
import type { TokenKey } from "../token/token.ts";

/**
 * This process's copy of the EdDSA key set. States are recomputed from the rows' timestamps on
 * every use, so a key activates or retires on schedule between reloads. What timestamps cannot
 * tell is a key retired by hand (/admin/keys, `npm run keys:rotate -- --retire`, SQL): that is
 * in the table only, so the copy is never used past KEY_RELOAD_INTERVAL_SECONDS —
 * - a reload starts in the background REFRESH_AHEAD_SECONDS before the copy is due, so under
 *   steady traffic no request waits for it;
 * - a check that finds the copy due waits for the reload: no stale answer past the bound, so a
 *   retirement made elsewhere is refused within that interval (here: at once, the retiring call
 *   drops this copy);
 * - a reload that fails (the database down) keeps the copy, logged, and is retried after
 *   RETRY_AFTER_FAILURE_SECONDS rather than by every request: the retirement cannot be read
 *   then anyway, and a request must not wait on a dead database for each token.
 * A token naming a kid it does not know triggers a reload at once, at most once per
 * UNKNOWN_KID_RELOAD_SECONDS, so junk kids cannot turn into a database query each.
 * Nothing here writes on the request path: the loader writes only when a state changed.
 */

const UNKNOWN_KID_RELOAD_SECONDS = 5;
const REFRESH_AHEAD_SECONDS = 5;
const RETRY_AFTER_FAILURE_SECONDS = 5;

interface Cache {
  keys: StoredSigningKey[] | null;
  loadedAt: number;
  loading: Promise<StoredSigningKey[]> | null;
  unknownKidReloadAt: number;
  failedAt: number;
  /** The allowlist last built from `keys` (verificationKeys): valid until its next turn. */
  allowlist: { from: StoredSigningKey[]; builtAt: number; validUntil: number; keys: readonly TokenKey[] } | null;
}

const emptyCache = (): Cache => ({ keys: null, loadedAt: 0, loading: null, unknownKidReloadAt: 0, failedAt: -Infinity, allowlist: null });

// Per process: route handlers, pages and the proxy may be separate bundles in one process.
const cache = processLocal("jwt:key-set", emptyCache);

export function verifyTailSeconds(): number {
  const config = getConfig();
  return config.JWT_ACCESS_TTL_SECONDS + config.JWT_CLOCK_SKEW_SECONDS;
}

function reload(now: Date): Promise<StoredSigningKey[]> {
  cache.loading ??= (async () => {
    try {
      const loaded = await loadSigningKeys({ now, tailSeconds: verifyTailSeconds(), encryptionSecret: getConfig().JWT_KEY_ENCRYPTION_SECRET });
      cache.keys = loaded.keys;
      cache.loadedAt = now.getTime();
      publishEdgeVerificationKeys(await verificationKeysOf(loaded.keys, now));
      return loaded.keys;
    } finally {
      cache.loading = null;
    }
  })();
  return cache.loading;
}

function reloadFailed(now: Date, error: unknown): StoredSigningKey[] {
  cache.failedAt = now.getTime();
  logEvent("signing_key_reload_failed", { error: errorText(error), servingCopyAgeSeconds: Math.round((now.getTime() - cache.loadedAt) / 1000) }, "error");
  return cache.keys!;
}

async function currentKeys(now: Date): Promise<StoredSigningKey[]> {
  if (!cache.keys) return reload(now);
  const age = now.getTime() - cache.loadedAt;
  if (age < (KEY_RELOAD_INTERVAL_SECONDS - REFRESH_AHEAD_SECONDS) * 1000) return cache.keys;
  if (now.getTime() - cache.failedAt < RETRY_AFTER_FAILURE_SECONDS * 1000) return cache.keys;
  if (age < KEY_RELOAD_INTERVAL_SECONDS * 1000) {
    reload(now).catch((error: unknown) => reloadFailed(now, error));
    return cache.keys;
  }
  return reload(now).catch((error: unknown) => reloadFailed(now, error));
}

async function verificationKeysOf(keys: readonly StoredSigningKey[], now: Date): Promise<TokenKey[]> {
  const statuses = keyStatesAt(keys, now, verifyTailSeconds());
  const allowed = keys.filter((key) => statuses.get(key.kid)?.state !== "retired");
  return Promise.all(allowed.map(async (key) => ({ kid: key.kid, alg: key.alg, key: await ed25519VerifyKey(key.kid, key.publicJwk) })));
}

/**
 * The allowlist as of `now`: next, active and retiring keys. Every JWT check asks for it, and
 * it changes only when the copy is reloaded or a key's state turns on its timestamps (a key
 * activates, so its predecessor starts retiring; a retiring key retires): it is kept for the
 * copy it was built from, from the moment it was built until the first such turn.
 */
export async function verificationKeys(now: Date): Promise<readonly TokenKey[]> {
  const keys = await currentKeys(now);
  const at = now.getTime();
  const built = cache.allowlist;
  if (built && built.from === keys && built.builtAt <= at && at < built.validUntil) return built.keys;
  const allowlist = { from: keys, builtAt: at, validUntil: nextTurn(keys, now), keys: await verificationKeysOf(keys, now) };
  cache.allowlist = allowlist;
  return allowlist.keys;
}

/** The earliest moment after `now` at which a key's state turns by the clock alone. */
function nextTurn(keys: readonly StoredSigningKey[], now: Date): number {
  const statuses = keyStatesAt(keys, now, verifyTailSeconds());
  const turns = keys.flatMap((key) => [key.activatesAt.getTime(), statuses.get(key.kid)?.retiresAt?.getTime() ?? Infinity]);
  return Math.min(...turns.filter((at) => at > now.getTime()));
}

/** True when it did re-read the table (false: a reload for an unknown kid ran too recently). */
export async function reloadForUnknownKid(now: Date): Promise<boolean> {
  if (now.getTime() - cache.unknownKidReloadAt < UNKNOWN_KID_RELOAD_SECONDS * 1000) return false;
  cache.unknownKidReloadAt = now.getTime();
  await reload(now);
  return true;
}

/**
 * The active key; for a `now` before any key activated (a token back-dated on purpose, as the
 * tampering lab's expired one), the earliest-activating live key — it is published already.
 */
function signingKid(keys: readonly StoredSigningKey[], now: Date): string | null {
  const statuses = keyStatesAt(keys, now, verifyTailSeconds());
  const active = activeKid(statuses);
  if (active !== null) return active;
  const live = keys.filter((key) => statuses.get(key.kid)?.state !== "retired").sort((a, b) => a.activatesAt.getTime() - b.activatesAt.getTime());
  return live[0]?.kid ?? null;
}

/** The active key's private half, decrypted and imported once per kid per process. */
export async function activeSigningKey(now: Date): Promise<TokenKey> {
  let keys = await currentKeys(now);
  let kid = signingKid(keys, now);
  if (kid === null) {
    keys = await reload(now);
    kid = signingKid(keys, now);
  }
  const key = keys.find((candidate) => candidate.kid === kid);
  if (!key) throw new Error("[auth] signing_key_missing: no active signing key after a reload");
  const secret = getConfig().JWT_KEY_ENCRYPTION_SECRET;
  const cryptoKey = await ed25519SignKey(key.kid, () => {
    const decrypted = decryptPrivateKey(key.encryptedPrivateKey, key.kid, secret);
    // Misconfiguration, not a request problem: loud, with its stable code.
    if (!decrypted.ok) throw new Error(`[auth] ${decrypted.code}: ${decrypted.message}`);
    return decrypted.plaintext;
  });
  return { kid: key.kid, alg: key.alg, key: cryptoKey };
}

/** The stored keys with their states as of `now`, from this process's copy (JWKS, admin page). */
export async function keyStatuses(now: Date): Promise<{ key: StoredSigningKey; status: KeyStatus }[]> {
  const keys = await currentKeys(now);
  const statuses = keyStatesAt(keys, now, verifyTailSeconds());
  return keys.map((key) => ({ key, status: statuses.get(key.kid)! }));
}

/** For tests and the admin page: forget the copy so the next use re-reads the table. */
export function forgetLoadedKeys(): void {
  Object.assign(cache, emptyCache());
}

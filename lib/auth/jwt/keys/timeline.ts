/**
 * Signing-key states, computed from timestamps alone so every instance that reads the same
 * rows reaches the same answer without talking to the others (no leader, no lock):
 *
 *   next ──(activatesAt)──► active ──(a newer key activates)──► retiring ──(+ tail)──► retired
 *
 * - A key is created `next` with activatesAt = now + PUBLISH_LEAD: it sits in the JWKS for at
 *   least a JWKS cache lifetime (plus one reload of every app instance) before anything is signed
 *   with it, so no verifier meets its kid before it could have fetched it.
 * - The active key is the newest (highest generation) key whose activatesAt has passed.
 * - An older key stopped signing when its successor activated; it keeps verifying for the
 *   tail (access TTL + clock skew): the last token it signed expires within that.
 * - `retired` is final even if a clock goes backwards: a retired key never verifies again.
 * Values in, values out; store.ts applies the result idempotently.
 */

export const KEY_STATES = ["next", "active", "retiring", "retired"] as const;
export type KeyState = (typeof KEY_STATES)[number];

/** What /.well-known/jwks.json tells caches (and jose's remote key set) to keep. */
export const JWKS_MAX_AGE_SECONDS = 60;
/** How often every instance re-reads the key set, whether or not it saw an unknown kid. */
export const KEY_RELOAD_INTERVAL_SECONDS = 30;
/** How long a new key is published before it signs. */
export const PUBLISH_LEAD_SECONDS = JWKS_MAX_AGE_SECONDS + KEY_RELOAD_INTERVAL_SECONDS;

export interface KeyTimeline {
  kid: string;
  generation: number;
  activatesAt: Date;
  /** As stored: only `retired` is read (it is final); the rest is recomputed. */
  state: KeyState;
}

export interface KeyStatus {
  state: KeyState;
  /** When it stops verifying: set once a successor has activated. */
  retiresAt: Date | null;
}

export function keyStatesAt(keys: readonly KeyTimeline[], now: Date, tailSeconds: number): Map<string, KeyStatus> {
  const statuses = new Map<string, KeyStatus>();
  const live = keys.filter((key) => key.state !== "retired");
  for (const key of keys) if (key.state === "retired") statuses.set(key.kid, { state: "retired", retiresAt: null });

  const activated = live.filter((key) => key.activatesAt <= now).sort((a, b) => a.generation - b.generation);
  const active = activated.at(-1);
  for (const key of live) {
    if (key.activatesAt > now) {
      statuses.set(key.kid, { state: "next", retiresAt: null });
    } else if (key === active) {
      statuses.set(key.kid, { state: "active", retiresAt: null });
    } else {
      // Stopped signing when the first newer key activated (never before it itself did) — one
      // retired since by hand included: retiring a successor must not extend this key's life.
      const successors = keys.filter((other) => other.generation > key.generation && other.activatesAt <= now);
      const stoppedAt = Math.max(key.activatesAt.getTime(), Math.min(...successors.map((other) => other.activatesAt.getTime())));
      const retiresAt = new Date(stoppedAt + tailSeconds * 1000);
      statuses.set(key.kid, { state: now >= retiresAt ? "retired" : "retiring", retiresAt });
    }
  }
  return statuses;
}

/** The kid that signs now, if any (none only before the very first key exists). */
export function activeKid(statuses: ReadonlyMap<string, KeyStatus>): string | null {
  for (const [kid, status] of statuses) if (status.state === "active") return kid;
  return null;
}

/** What verifies and what the JWKS publishes: everything not retired. */
export function publishedKids(statuses: ReadonlyMap<string, KeyStatus>): string[] {
  return [...statuses].filter(([, status]) => status.state !== "retired").map(([kid]) => kid);
}

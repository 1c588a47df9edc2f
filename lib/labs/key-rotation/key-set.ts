import "server-only";

import { webcrypto } from "node:crypto";
import type { PublishedJwk } from "../../auth/jwt/keys/admin.ts";
import { activeKid, keyStatesAt, PUBLISH_LEAD_SECONDS, type KeyState, type KeyStatus } from "../../auth/jwt/keys/timeline.ts";
import { generateEd25519KeyPair, type PublicSigningJwk } from "../../auth/jwt/keys/crypto-keys.ts";
import type { TokenKey } from "../../auth/jwt/token/token.ts";

/**
 * The key-rotation lab's own key set: in memory, for one run, never stored and never
 * published anywhere. It uses the app's pure pieces — keyStatesAt for the states, the same
 * Ed25519 keys and kid thumbprints, the JWKS entry shape — so what the lab shows is what the
 * app's rotation does, without touching the keys that sign anyone's tokens (issue 11).
 */

interface LabKey {
  kid: string;
  generation: number;
  activatesAt: Date;
  state: KeyState;
  publicJwk: PublicSigningJwk;
  signKey: CryptoKey;
  verifyKey: CryptoKey;
}

export interface LabKeySet {
  /** A new key, published now and signing from `now + PUBLISH_LEAD_SECONDS` (the first one at once). */
  rotate(now: Date): Promise<string>;
  states(now: Date): Record<string, KeyStatus>;
  signingKey(now: Date): TokenKey;
  /** The app's allowlist: every key not retired. */
  verificationKeys(now: Date): TokenKey[];
  /** What /.well-known/jwks.json would publish. */
  jwks(now: Date): { keys: PublishedJwk[] };
}

export function createLabKeySet(tailSeconds: number): LabKeySet {
  const keys: LabKey[] = [];
  const statuses = (now: Date) => keyStatesAt(keys, now, tailSeconds);
  const live = (now: Date) => {
    const current = statuses(now);
    return keys.filter((key) => current.get(key.kid)?.state !== "retired");
  };
  return {
    async rotate(now) {
      const pair = await generateEd25519KeyPair();
      const [signKey, verifyKey] = await Promise.all([
        webcrypto.subtle.importKey("pkcs8", pair.privatePkcs8, { name: "Ed25519" }, false, ["sign"]),
        webcrypto.subtle.importKey("jwk", { ...pair.publicJwk }, { name: "Ed25519" }, false, ["verify"]),
      ]);
      const activatesAt = keys.length === 0 ? now : new Date(now.getTime() + PUBLISH_LEAD_SECONDS * 1000);
      keys.push({ kid: pair.kid, generation: keys.length + 1, activatesAt, state: "next", publicJwk: pair.publicJwk, signKey: signKey as CryptoKey, verifyKey: verifyKey as CryptoKey });
      return pair.kid;
    },
    states(now) {
      return Object.fromEntries(statuses(now));
    },
    signingKey(now) {
      const kid = activeKid(statuses(now));
      const key = keys.find((candidate) => candidate.kid === kid);
      if (!key) throw new Error("[labs] lab_key_missing: no active key in the lab's key set");
      return { kid: key.kid, alg: "EdDSA", key: key.signKey };
    },
    verificationKeys(now) {
      return live(now).map((key) => ({ kid: key.kid, alg: "EdDSA" as const, key: key.verifyKey }));
    },
    jwks(now) {
      return { keys: live(now).map((key) => ({ kid: key.kid, ...key.publicJwk, alg: "EdDSA" as const, use: "sig" as const })) };
    },
  };
}

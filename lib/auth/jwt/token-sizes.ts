import { getConfig } from "../../env.ts";
import { accessTokenKey, ed25519SignKey, generateEd25519KeyPair } from "./keys.ts";
import { signAccessToken, type SigningAlgorithm } from "./token.ts";

/**
 * What the choice of algorithm costs on the wire: a token of each kind, shaped exactly like the
 * app's (EdDSA: a kid header and the downstream in aud; HS256: neither), signed with throwaway
 * keys so that measuring never touches the real ones or the database.
 */
export async function sampleTokenSizes(now: Date): Promise<{ inUse: SigningAlgorithm; bytes: Record<SigningAlgorithm, number> }> {
  // Sizes depend on configuration only: measured once per process (the key imports are memoised for good).
  measured ??= measure(now).catch((error: unknown) => {
    measured = null;
    throw error;
  });
  return { inUse: getConfig().JWT_ALG, bytes: await measured };
}

let measured: Promise<Record<SigningAlgorithm, number>> | null = null;

async function measure(now: Date): Promise<Record<SigningAlgorithm, number>> {
  const config = getConfig();
  const subject = { userId: "00000000-0000-4000-8000-000000000000", role: "user" as const, tokenVersion: 0, familyId: "00000000-0000-4000-8000-000000000000" };
  const pair = await generateEd25519KeyPair();
  const common = { issuer: config.JWT_ISSUER, ttlSeconds: config.JWT_ACCESS_TTL_SECONDS, now };
  const eddsa = await signAccessToken(subject, {
    ...common,
    signingKey: { kid: pair.kid, alg: "EdDSA", key: await ed25519SignKey(`sample-${pair.kid}`, () => pair.privatePkcs8) },
    audience: [config.JWT_AUDIENCE, config.DOWNSTREAM_AUDIENCE],
  });
  const hs256 = await signAccessToken(subject, {
    ...common,
    signingKey: { kid: null, alg: "HS256", key: await accessTokenKey(pair.kid) },
    audience: config.JWT_AUDIENCE,
  });
  return { EdDSA: eddsa.token.length, HS256: hs256.token.length };
}

import { getConfig } from "../../../env.ts";
import { accessTokenKey, ed25519SignKey, ed25519VerifyKey, generateEd25519KeyPair } from "./crypto-keys.ts";
import { signAccessToken, verifyAccessToken, type SigningAlgorithm, type TokenKey } from "../token/token.ts";

/**
 * What the choice of algorithm costs on the wire: a token of each kind, shaped exactly like the
 * app's (EdDSA: a kid header; HS256: none), signed with throwaway
 * keys so that measuring never touches the real ones or the database.
 */
export interface AlgorithmSample {
  inUse: SigningAlgorithm;
  bytes: Record<SigningAlgorithm, number>;
  /** Median µs of one full verify (signature and every claim check), keys imported once. */
  verifyMicros: Record<SigningAlgorithm, number>;
  samples: number;
}

const VERIFY_SAMPLES = 200;

export async function sampleTokenSizes(now: Date): Promise<AlgorithmSample> {
  // Sizes depend on configuration only: measured once per process (the key imports are memoised for good).
  measured ??= measure(now).catch((error: unknown) => {
    measured = null;
    throw error;
  });
  return { inUse: getConfig().JWT_ALG, ...(await measured), samples: VERIFY_SAMPLES };
}

let measured: Promise<Pick<AlgorithmSample, "bytes" | "verifyMicros">> | null = null;

async function measure(now: Date): Promise<Pick<AlgorithmSample, "bytes" | "verifyMicros">> {
  const config = getConfig();
  const subject = { userId: "00000000-0000-4000-8000-000000000000", role: "user" as const, tokenVersion: 0, familyId: "00000000-0000-4000-8000-000000000000" };
  const pair = await generateEd25519KeyPair();
  const common = { issuer: config.JWT_ISSUER, ttlSeconds: config.JWT_ACCESS_TTL_SECONDS, now };
  const eddsa = await signAccessToken(subject, {
    ...common,
    signingKey: { kid: pair.kid, alg: "EdDSA", key: await ed25519SignKey(`sample-${pair.kid}`, () => pair.privatePkcs8) },
    audience: config.JWT_AUDIENCE,
  });
  const hs256 = await signAccessToken(subject, {
    ...common,
    signingKey: { kid: null, alg: "HS256", key: await accessTokenKey(pair.kid) },
    audience: config.JWT_AUDIENCE,
  });
  const rules = { issuer: config.JWT_ISSUER, clockSkewSeconds: config.JWT_CLOCK_SKEW_SECONDS, maxLifetimeSeconds: config.JWT_ACCESS_TTL_SECONDS, now };
  const eddsaKey: TokenKey = { kid: pair.kid, alg: "EdDSA", key: await ed25519VerifyKey(`sample-${pair.kid}`, pair.publicJwk) };
  const hs256Key: TokenKey = { kid: null, alg: "HS256", key: await accessTokenKey(pair.kid) };
  return {
    bytes: { EdDSA: eddsa.token.length, HS256: hs256.token.length },
    verifyMicros: {
      EdDSA: await medianVerifyMicros(() => verifyAccessToken(eddsa.token, { ...rules, audience: config.JWT_AUDIENCE, keys: [eddsaKey] })),
      HS256: await medianVerifyMicros(() => verifyAccessToken(hs256.token, { ...rules, audience: config.JWT_AUDIENCE, keys: [hs256Key] })),
    },
  };
}

/** Interleaving would be fairer still; a median of a few hundred is what the noise allows here. */
async function medianVerifyMicros(verify: () => Promise<{ ok: boolean }>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < VERIFY_SAMPLES; i++) {
    const started = performance.now();
    const result = await verify();
    times.push((performance.now() - started) * 1000);
    if (!result.ok) throw new Error("token-sizes: a sample token did not verify");
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)]!);
}

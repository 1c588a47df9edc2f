import { decodeProtectedHeader, type ProtectedHeaderParameters } from "jose";
import type { Rejection } from "../../types.ts";

/**
 * The protected header, read before any signature work: which allowlisted key it names, and
 * whether it tries to name its own. Shared by the app's verifier and the downstream service.
 */

/** A real access token of ours is ~350 bytes; refuse to parse anything absurd. */
const MAX_TOKEN_LENGTH = 4096;
/**
 * Headers that name a key by location or carry one inline. Following them lets the token
 * choose its own verifier (RFC 8725 §3.10); we never do, and refuse tokens that carry them
 * rather than ignore them, so a forgery attempt shows up as its own code.
 */
const KEY_LOCATING_HEADERS = ["jku", "x5u", "jwk", "x5c"] as const;

export const SIGNING_ALGORITHMS = ["EdDSA", "HS256"] as const;
export type SigningAlgorithm = (typeof SIGNING_ALGORITHMS)[number];

/** One verification key: `kid` null only for the single HS256 key (its tokens carry none). */
export interface TokenKey {
  kid: string | null;
  alg: SigningAlgorithm;
  key: CryptoKey;
}

export type KeyChoice = { ok: true; key: TokenKey } | Rejection;

function reject(code: string, message: string): Rejection {
  return { ok: false, code, message };
}

export type ReadableHeader = { ok: true; alg: unknown; kid: string | null };
export type TokenHeader = ReadableHeader | Rejection;

/** The protected header, refused if it names its own key; for every verifier of our tokens. */
export function readTokenHeader(token: string): TokenHeader {
  if (token.length === 0 || token.length > MAX_TOKEN_LENGTH) return reject("token_malformed", "Not a token of a plausible size.");
  let header: ProtectedHeaderParameters;
  try {
    header = decodeProtectedHeader(token);
  } catch {
    return reject("token_malformed", "Not a well-formed signed JWT.");
  }
  const located = KEY_LOCATING_HEADERS.filter((name) => name in header);
  if (located.length > 0) {
    return reject("token_header_not_allowed", `The token names its own key (${located.join(", ")}); keys come from our allowlist only.`);
  }
  if (header.kid !== undefined && typeof header.kid !== "string") return reject("token_malformed", "The kid header is not a string.");
  return { ok: true, alg: header.alg, kid: header.kid ?? null };
}

/** Which allowlisted key the token's header names, before any signature work. */
export function chooseVerificationKey(token: string, keys: readonly TokenKey[]): KeyChoice {
  const header = readTokenHeader(token);
  return header.ok ? chooseFromAllowlist(header, keys) : header;
}

/** The app's key resolution: the key the (already read) header names, from an allowlist. */
export function chooseFromAllowlist(header: ReadableHeader, keys: readonly TokenKey[]): KeyChoice {
  const key = keys.find((candidate) => candidate.kid === header.kid);
  if (key) return { ok: true, key };
  if (header.kid === null) return reject("token_missing_kid", "The token names no key (kid) and this app signs with named keys only.");
  return reject("token_unknown_kid", "The token's kid is not one of this app's current keys (unknown, or retired).");
}

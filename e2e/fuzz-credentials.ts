import fc from "fast-check";
import { cookieName } from "./fixtures.ts";

/** The credential half of the fuzzer's requests (e2e/fuzz-arbitraries.ts has the rest). */

/** Real, working credentials of this test's throwaway users (e2e/fuzz.spec.ts logs them in). */
export interface RealCredentials {
  seals: string[];
  accessTokens: string[];
  refreshTokens: string[];
  /** Tokens the exchange minted for the downstream service (≤ 60 s): every app route must refuse them. */
  downstreamTokens: string[];
  /** All of the above: values that work somewhere. */
  credentials: string[];
  /** Ids and secrets a body or path may name: user ids, session ids, the users' e-mails and passwords. */
  names: string[];
}

const REFRESH_COOKIE = "__Secure-svj-jwt-refresh";
const COOKIE_NAMES = [cookieName("session"), cookieName("jwt"), REFRESH_COOKIE, "svj-session", "svj-jwt"];
/** Printable ASCII: what a header may carry. */
export const junk = fc.string({ maxLength: 40 });

/** A credential-shaped value: junk, a real one, or a real one slightly wrong. */
export function credentialValue(real: RealCredentials): fc.Arbitrary<string> {
  const genuine = fc.constantFrom(...real.credentials);
  return fc.oneof(
    { arbitrary: junk, weight: 2 },
    { arbitrary: genuine, weight: 3 },
    { arbitrary: fc.tuple(genuine, fc.nat(), fc.char()).map(([value, at, char]) => replaceAt(value, at % value.length, char)), weight: 2 },
    { arbitrary: fc.tuple(genuine, fc.nat()).map(([value, cut]) => value.slice(0, cut % value.length)), weight: 1 },
    { arbitrary: fc.tuple(genuine, junk).map(([value, tail]) => value + tail), weight: 1 },
    { arbitrary: genuine.map(forgeUnsigned), weight: 1 },
    { arbitrary: fc.constantFrom("Fe26.2*1*a*b*c*d*e*f~2", "eyJhbGciOiJub25lIn0.e30.", "a.b.c", "z".repeat(5000)), weight: 1 },
  );
}

function replaceAt(value: string, at: number, char: string): string {
  return value.slice(0, at) + char + value.slice(at + 1);
}

/** A JWT's payload kept, header swapped for alg "none" and the signature dropped. */
function forgeUnsigned(value: string): string {
  const payload = value.split(".")[1] ?? "e30";
  return `${Buffer.from('{"alg":"none","typ":"at+jwt"}').toString("base64url")}.${payload}.`;
}

export function cookieHeader(real: RealCredentials): fc.Arbitrary<string> {
  const pair = fc.tuple(fc.oneof({ arbitrary: fc.constantFrom(...COOKIE_NAMES), weight: 4 }, { arbitrary: fc.stringMatching(/^[\w-]{1,12}$/), weight: 1 }), credentialValue(real));
  return fc.oneof(
    fc.array(pair, { maxLength: 3 }).map((pairs) => pairs.map(([name, value]) => `${name}=${value}`).join("; ")),
    junk,
  );
}

export function authorization(real: RealCredentials): fc.Arbitrary<string> {
  return fc.oneof(
    credentialValue(real).map((token) => `Bearer ${token}`),
    fc.constantFrom(...real.credentials).map((token) => `bearer  ${token} `),
    fc.constantFrom("Bearer", "Bearer ", "Basic YWxpY2U6eA==", "Bearer a b"),
    junk,
  );
}

/** A working login the way a client presents it; a third of the cases carry one. */
export function genuineLogin(real: RealCredentials): fc.Arbitrary<Record<string, string>> {
  return fc.oneof(
    fc.constantFrom(...real.seals).map((seal) => ({ cookie: `${cookieName("session")}=${seal}` })),
    fc.constantFrom(...real.accessTokens).map((token) => ({ cookie: `${cookieName("jwt")}=${token}` })),
    fc.constantFrom(...real.accessTokens).map((token) => ({ authorization: `Bearer ${token}` })),
    fc.constantFrom(...real.refreshTokens).map((token) => ({ cookie: `${REFRESH_COOKIE}=${token}` })),
    fc.constantFrom(...real.downstreamTokens).map((token) => ({ authorization: `Bearer ${token}` })),
  );
}

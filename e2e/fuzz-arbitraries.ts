import fc from "fast-check";
import { cookieName } from "./fixtures.ts";
import type { FuzzRequest } from "./fuzz-http.ts";

/**
 * What the fuzzer sends: cookies, Bearer tokens, headers, paths and bodies, each drawn from
 * junk, near-misses of real credentials and the real credentials themselves, so the cases
 * reach past "not logged in" into the handlers' deep paths.
 */

/** Real, working credentials of this test's throwaway users (e2e/fuzz.spec.ts logs them in). */
export interface RealCredentials {
  seals: string[];
  accessTokens: string[];
  refreshTokens: string[];
  /** All of the above: values that work somewhere. */
  credentials: string[];
  /** Ids and secrets a body or path may name: user ids, session ids, the users' e-mails and passwords. */
  names: string[];
}

export interface RouteShape {
  methods: readonly string[];
  /** The path, with `{}` where the fuzzed segment goes. */
  path: string;
  /** Field names of the JSON body the route reads, with values worth trying. */
  fields?: Record<string, readonly unknown[]>;
  /** Query string keys the route reads. */
  query?: readonly string[];
}

const REFRESH_COOKIE = "__Secure-svj-jwt-refresh";
const COOKIE_NAMES = [cookieName("session"), cookieName("jwt"), REFRESH_COOKIE, "svj-session", "svj-jwt"];
/**
 * Methods Next can route, plus ones it cannot (WebDAV, QUERY). Not CONNECT/TRACE/TRACK (see
 * fuzz.spec.ts), nor made-up ones: Node's HTTP parser answers those 400 before Next sees them.
 */
const ANY_METHOD = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE", "PROPFIND", "MKCOL", "QUERY", "PURGE"];
const MALFORMED_SEGMENTS = ["%", "%zz", "%E0%A4%A", "%C0%AF", "%FF", "..", "%2e%2e", "a%2Fb", "%00", "%0d%0a"];

const junk = fc.string({ maxLength: 40 });

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

function cookieHeader(real: RealCredentials) {
  const pair = fc.tuple(fc.oneof({ arbitrary: fc.constantFrom(...COOKIE_NAMES), weight: 4 }, { arbitrary: fc.stringMatching(/^[\w-]{1,12}$/), weight: 1 }), credentialValue(real));
  return fc.oneof(
    fc.array(pair, { maxLength: 3 }).map((pairs) => pairs.map(([name, value]) => `${name}=${value}`).join("; ")),
    junk,
  );
}

function authorization(real: RealCredentials) {
  return fc.oneof(
    credentialValue(real).map((token) => `Bearer ${token}`),
    fc.constantFrom(...real.credentials).map((token) => `bearer  ${token} `),
    fc.constantFrom("Bearer", "Bearer ", "Basic YWxpY2U6eA==", "Bearer a b"),
    junk,
  );
}

const CONTENT_TYPES = [
  "application/json", "application/json; charset=utf-8", "APPLICATION/JSON", "application/jsonx", "text/plain",
  "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/octet-stream", "",
];

/** A working login the way a client presents it; a third of the cases carry one. */
function genuineLogin(real: RealCredentials): fc.Arbitrary<Record<string, string>> {
  return fc.oneof(
    fc.constantFrom(...real.seals).map((seal) => ({ cookie: `${cookieName("session")}=${seal}` })),
    fc.constantFrom(...real.accessTokens).map((token) => ({ cookie: `${cookieName("jwt")}=${token}` })),
    fc.constantFrom(...real.accessTokens).map((token) => ({ authorization: `Bearer ${token}` })),
    fc.constantFrom(...real.refreshTokens).map((token) => ({ cookie: `${REFRESH_COOKIE}=${token}` })),
  );
}

/** Optional headers, each present or not: credentials, CSRF signals, proxy headers, junk. */
export function headersFor(real: RealCredentials, baseURL: string): fc.Arbitrary<Record<string, string>> {
  const some = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined, freq: 2 });
  return fc
    .record({
      cookie: some(cookieHeader(real)),
      authorization: some(authorization(real)),
      "content-type": some(fc.oneof(fc.constantFrom(...CONTENT_TYPES), junk)),
      origin: some(fc.oneof(fc.constantFrom(baseURL, "https://evil.example", "null", "http://127.0.0.1"), junk)),
      "sec-fetch-site": some(fc.oneof(fc.constantFrom("same-origin", "same-site", "cross-site", "none"), junk)),
      "x-forwarded-for": some(fc.oneof(fc.ipV4(), fc.ipV6(), junk)),
      "x-forwarded-host": some(fc.oneof(fc.constantFrom("evil.example", new URL(baseURL).host), junk)),
      "x-forwarded-proto": some(fc.oneof(fc.constantFrom("https", "http"), junk)),
      "user-agent": some(junk),
      accept: some(fc.constantFrom("application/json", "text/html", "*/*")),
      extra: some(fc.tuple(fc.stringMatching(/^x-[a-z-]{1,12}$/), junk)),
      login: fc.oneof({ arbitrary: fc.constant(undefined), weight: 2 }, { arbitrary: genuineLogin(real), weight: 1 }),
    })
    .map(({ extra, login, ...named }) => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries({ ...named, ...login })) if (value !== undefined) headers[name] = value;
      if (extra) headers[extra[0]] = extra[1];
      return headers;
    });
}

/** A JSON value for one field: a value worth trying, or anything JSON can say. */
function fieldValue(hints: readonly unknown[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: hints.length > 0 ? fc.constantFrom(...hints) : fc.constant(""), weight: 4 },
    { arbitrary: fc.jsonValue({ maxDepth: 2 }), weight: 2 },
    { arbitrary: fc.constantFrom("", " ", "x".repeat(2000), -1, 1e308, true, null, [], {}), weight: 1 },
  );
}

/** Nothing, the route's own fields (some missing, some extra), any JSON, broken JSON, raw bytes, or too much. */
export function bodyFor(shape: RouteShape, real: RealCredentials): fc.Arbitrary<Buffer | undefined> {
  const fields = Object.entries(shape.fields ?? {});
  const ownFields = fc.record(
    Object.fromEntries([...fields.map(([name, hints]) => [name, fieldValue([...hints, ...real.names, ...real.refreshTokens])] as const), ["extra", fieldValue([])] as const]),
    { requiredKeys: [] },
  );
  const text = (arbitrary: fc.Arbitrary<string>) => arbitrary.map((value) => Buffer.from(value));
  return fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 2 },
    { arbitrary: text(ownFields.map((value) => JSON.stringify(value))), weight: 6 },
    { arbitrary: text(fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value))), weight: 2 },
    { arbitrary: text(ownFields.chain((value) => fc.nat().map((cut) => JSON.stringify(value).slice(0, cut % 20)))), weight: 1 },
    { arbitrary: fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)), weight: 1 },
    { arbitrary: fc.constant(Buffer.from(JSON.stringify({ pad: "x".repeat(17 * 1024) }))), weight: 1 },
  );
}

function segment(real: RealCredentials): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.string({ maxLength: 30 }).map(encodeURIComponent), weight: 3 },
    { arbitrary: fc.constantFrom(...real.names).map(encodeURIComponent), weight: 2 },
    { arbitrary: fc.constantFrom(...MALFORMED_SEGMENTS), weight: 1 },
    { arbitrary: fc.array(fc.webSegment(), { minLength: 1, maxLength: 3 }).map((parts) => parts.join("/")), weight: 1 },
  );
}

function queryFor(shape: RouteShape): fc.Arbitrary<string> {
  const value = fc.oneof(fc.constantFrom("//evil.example", "/\\evil.example", "https://evil.example", "/jwt/dashboard", "/jwt/../..//evil", "javascript:alert(1)"), junk);
  const pairs = fc.array(fc.tuple(fc.constantFrom(...(shape.query ?? []), "x"), value), { maxLength: 2 });
  return pairs.map((list) => (list.length === 0 ? "" : `?${list.map(([key, v]) => `${key}=${encodeURIComponent(v)}`).join("&")}`));
}

export function requestFor(shape: RouteShape, real: RealCredentials, baseURL: string): fc.Arbitrary<FuzzRequest> {
  const method = fc.oneof({ arbitrary: fc.constantFrom(...shape.methods), weight: 6 }, { arbitrary: fc.constantFrom(...ANY_METHOD), weight: 1 });
  return fc
    .record({ method, segment: segment(real), query: queryFor(shape), headers: headersFor(real, baseURL), body: bodyFor(shape, real) })
    .map(({ method, segment, query, headers, body }) => ({ method, path: shape.path.replace("{}", segment) + query, headers, body }))
    // "/api/.." is "/" (RFC 3986 §5.2.4): a page, not the API, once the server resolves it.
    .filter((request) => new URL(request.path, "http://x").pathname.startsWith("/api/"));
}

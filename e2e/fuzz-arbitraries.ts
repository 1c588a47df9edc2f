import fc from "fast-check";
import { authorization, cookieHeader, genuineLogin, junk, type RealCredentials } from "./fuzz-credentials.ts";
import type { FuzzRequest } from "./fuzz-http.ts";

export type { RealCredentials } from "./fuzz-credentials.ts";

/**
 * What the fuzzer sends: cookies, Bearer tokens, headers, paths and bodies, each drawn from
 * junk, near-misses of real credentials and the real credentials themselves, so the cases
 * reach past "not logged in" into the handlers' deep paths.
 */

export interface RouteShape {
  methods: readonly string[];
  /** The path, with `{}` where the fuzzed segment goes. */
  path: string;
  /** Field names of the JSON body the route reads, with values worth trying. */
  fields?: Record<string, readonly unknown[]>;
  /** Query string keys the route reads. */
  query?: readonly string[];
  /** Values of the fuzzed path segment the route knows by name (the labs' ids). */
  segments?: readonly string[];
}

/**
 * Methods Next can route, plus ones it cannot (WebDAV, QUERY). Not CONNECT/TRACE/TRACK (see
 * fuzz.spec.ts), nor made-up ones: Node's HTTP parser answers those 400 before Next sees them.
 */
const ANY_METHOD = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE", "PROPFIND", "MKCOL", "QUERY", "PURGE"];
const MALFORMED_SEGMENTS = ["%", "%zz", "%E0%A4%A", "%C0%AF", "%FF", "..", "%2e%2e", "a%2Fb", "%00", "%0d%0a"];

const CONTENT_TYPES = [
  "application/json; charset=utf-8", "APPLICATION/JSON", "application/jsonx", "text/plain",
  "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/octet-stream", "",
];

/** Present in `present` of `outOf` cases. */
function maybe<T>(arbitrary: fc.Arbitrary<T>, present: number, outOf: number): fc.Arbitrary<T | undefined> {
  return fc.oneof({ arbitrary, weight: present }, { arbitrary: fc.constant(undefined), weight: outOf - present });
}

/**
 * Optional headers: credentials, CSRF signals, proxy headers, junk. Weighted so most cases
 * get past the content-type and CSRF checks into the handler (a cross-site signal ends a
 * POST at 403 before anything else is read).
 */
export function headersFor(real: RealCredentials, baseURL: string): fc.Arbitrary<Record<string, string>> {
  const origins = fc.constantFrom(baseURL, "https://evil.example", "null", "http://127.0.0.1");
  const contentType = fc.oneof({ arbitrary: fc.constant("application/json"), weight: 6 }, { arbitrary: fc.constantFrom(...CONTENT_TYPES), weight: 2 }, { arbitrary: junk, weight: 1 });
  return fc
    .record({
      cookie: maybe(cookieHeader(real), 1, 2),
      authorization: maybe(authorization(real), 1, 2),
      "content-type": maybe(contentType, 4, 5),
      origin: maybe(fc.oneof({ arbitrary: fc.constant(baseURL), weight: 2 }, { arbitrary: origins, weight: 1 }, { arbitrary: junk, weight: 1 }), 1, 4),
      "sec-fetch-site": maybe(fc.oneof({ arbitrary: fc.constantFrom("same-origin", "none"), weight: 2 }, { arbitrary: fc.constantFrom("same-site", "cross-site"), weight: 1 }, { arbitrary: junk, weight: 1 }), 1, 4),
      "x-forwarded-for": maybe(fc.oneof(fc.ipV4(), fc.ipV6(), junk), 1, 4),
      "x-forwarded-host": maybe(fc.oneof(fc.constantFrom("evil.example", new URL(baseURL).host), junk), 1, 6),
      "x-forwarded-proto": maybe(fc.oneof(fc.constantFrom("https", "http"), junk), 1, 6),
      "user-agent": maybe(junk, 1, 2),
      accept: maybe(fc.constantFrom("application/json", "text/html", "*/*"), 1, 2),
      extra: maybe(fc.tuple(fc.stringMatching(/^x-[a-z-]{1,12}$/), junk), 1, 4),
      login: maybe(genuineLogin(real), 1, 3),
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
    { arbitrary: hints.length > 0 ? fc.constantFrom(...hints) : fc.constant(""), weight: 6 },
    { arbitrary: fc.jsonValue({ maxDepth: 2 }), weight: 2 },
    { arbitrary: fc.constantFrom("", " ", "x".repeat(2000), -1, 1e308, true, null, [], {}), weight: 1 },
  );
}

/** Nothing, the route's own fields (some missing, some extra), any JSON, broken JSON, raw bytes, or too much. */
export function bodyFor(shape: RouteShape, real: RealCredentials): fc.Arbitrary<Buffer | undefined> {
  const fields = Object.entries(shape.fields ?? {});
  const model = Object.fromEntries([...fields.map(([name, hints]) => [name, fieldValue([...hints, ...real.names, ...real.refreshTokens])] as const), ["extra", fieldValue([])] as const]);
  const complete = fc.record(model, { requiredKeys: fields.map(([name]) => name) });
  const ownFields = fc.oneof({ arbitrary: complete, weight: 2 }, { arbitrary: fc.record(model, { requiredKeys: [] }), weight: 1 });
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

function segment(shape: RouteShape, real: RealCredentials): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.string({ maxLength: 30 }).map(encodeURIComponent), weight: 3 },
    { arbitrary: fc.constantFrom(...real.names, ...(shape.segments ?? [])).map(encodeURIComponent), weight: 2 },
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
    .record({ method, segment: segment(shape, real), query: queryFor(shape), headers: headersFor(real, baseURL), body: bodyFor(shape, real) })
    .map(({ method, segment, query, headers, body }) => ({ method, path: shape.path.replace("{}", segment) + query, headers, body }))
    // "/api/.." is "/" (RFC 3986 §5.2.4): a page, not the API, once the server resolves it.
    .filter((request) => new URL(request.path, "http://x").pathname.startsWith("/api/"));
}

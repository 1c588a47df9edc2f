import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import { SignJWT } from "jose";
import { edKeyPair, forgeToken, type EdKeyPair } from "../auth/jwt/keys/test-keys.ts";
import { ACCESS_TOKEN_TYPE, signAccessToken } from "../auth/jwt/token/token.ts";
import { parseDownstreamConfig } from "./config.ts";
import { localKeySet, remoteKeySet, type DownstreamKeySet } from "./key-set.ts";
import { createDownstreamServer } from "./server.ts";
import { DOWNSTREAM_TOKEN_MAX_SECONDS } from "./token-kind.ts";

// The downstream service over real HTTP (an ephemeral port), with a local key set standing in
// for the app's JWKS and a frozen clock.

const NOW = new Date("2030-01-01T00:00:00Z");
const NOW_S = NOW.getTime() / 1000;
const ISSUER = "session-vs-jwt";
const AUDIENCE = "session-vs-jwt:downstream";
let pair: EdKeyPair;
let base: string;
const servers: Server[] = [];

async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function start(keySet: DownstreamKeySet): Promise<string> {
  const rules = { issuer: ISSUER, audience: AUDIENCE, clockSkewSeconds: 15, maxLifetimeSeconds: DOWNSTREAM_TOKEN_MAX_SECONDS };
  return listen(createDownstreamServer({ keySet, jwksUrl: "test://jwks", ...rules, now: () => NOW }));
}

const publishedKeys = () => ({ keys: [{ kid: pair.kid, ...pair.publicJwk, alg: "EdDSA", use: "sig" }] });

before(async () => {
  pair = await edKeyPair();
  base = await start(localKeySet(publishedKeys()));
});
after(() => servers.forEach((server) => server.close()));

/** A downstream token as the exchange mints it, with `claims` merged over (undefined removes one). */
function downstreamToken(claims: Record<string, unknown> = {}, header: Record<string, unknown> = {}): Promise<string> {
  const payload = { sub: "user-1", role: "user", ver: 0, src: "session", jti: "jti-1", iat: NOW_S, exp: NOW_S + 60, iss: ISSUER, aud: AUDIENCE, ...claims };
  return new SignJWT(payload).setProtectedHeader({ alg: "EdDSA", typ: ACCESS_TOKEN_TYPE, kid: pair.kid, ...header }).sign(pair.signing.key);
}

async function whoami(bearer: string | null, url = base) {
  const response = await fetch(`${url}/whoami`, { headers: bearer === null ? {} : { authorization: `Bearer ${bearer}` } });
  return { status: response.status, body: (await response.json()) as { claims?: { sub: string; aud: unknown }; error?: { code: string; message: string } } };
}

describe("GET /whoami", () => {
  test("a downstream token (from the exchange) → 200 with the verified claims", async () => {
    const { status, body } = await whoami(await downstreamToken());
    assert.equal(status, 200);
    assert.equal(body.claims?.sub, "user-1");
  });

  for (const [name, make, code] of [
    ["no Authorization header", async () => null, "no_credential"],
    ["junk", async () => "junk", "token_malformed"],
    ["an app access token (its audience is the app alone)", async () => (await signAccessToken({ userId: "u", role: "admin", tokenVersion: 0 }, { signingKey: pair.signing, issuer: ISSUER, audience: "session-vs-jwt:web", ttlSeconds: 60, now: NOW })).token, "token_wrong_aud"],
    ["a token for the app and the downstream at once", () => downstreamToken({ aud: ["session-vs-jwt:web", AUDIENCE] }), "token_wrong_aud"],
    ["exp = iat + 901", () => downstreamToken({ exp: NOW_S + 901 }), "token_lifetime_too_long"],
    ["exp = iat + 61 (longer than a downstream token lives)", () => downstreamToken({ exp: NOW_S + 61 }), "token_lifetime_too_long"],
    ["a huge exp", () => downstreamToken({ exp: NOW_S + 10 * 365 * 86400 }), "token_lifetime_too_long"],
    ["iat 60 s in the future", () => downstreamToken({ iat: NOW_S + 60, exp: NOW_S + 120 }), "token_issued_in_future"],
    ["no ver", () => downstreamToken({ ver: undefined }), "token_missing_ver"],
    ["no src", () => downstreamToken({ src: undefined }), "token_missing_src"],
    ["an expired token", () => downstreamToken({ iat: NOW_S - 3600, exp: NOW_S - 3540 }), "token_expired"],
    ["an HS256 token (no kid, a shared secret it does not have)", () => forgeToken({ claims: { aud: AUDIENCE, iss: ISSUER } }), "token_missing_kid"],
    ["a jku header", () => downstreamToken({}, { jku: "https://attacker.example/jwks" }), "token_header_not_allowed"],
    ["a kid the JWKS does not list", () => downstreamToken({}, { kid: "not-listed" }), "token_unknown_kid"],
  ] as const) {
    test(`${name} → 401 ${code}, in the error envelope`, async () => {
      const { status, body } = await whoami(await make());
      assert.equal(status, 401);
      assert.equal(body.error?.code, code);
      assert.equal(typeof body.error?.message, "string");
    });
  }

  test("other paths → 404 in the envelope", async () => {
    const response = await fetch(`${base}/nope`);
    assert.equal(response.status, 404);
    assert.equal(((await response.json()) as { error: { code: string } }).error.code, "not_found");
  });
});

describe("the cached JWKS and its maximum age", () => {
  const quietly = async <T>(run: () => Promise<T>): Promise<T> => {
    const warn = console.warn;
    console.warn = () => {};
    try {
      return await run();
    } finally {
      console.warn = warn;
    }
  };

  async function jwksServer(): Promise<{ url: string; stop: () => Promise<void> }> {
    const server = createServer((_request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify(publishedKeys()));
    });
    const origin = await listen(server);
    return {
      url: `${origin}/.well-known/jwks.json`,
      stop: async () => {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
      },
    };
  }

  test("a JWKS that cannot be fetched and was never cached → 503 jwks_unavailable, not a 500", async () => {
    const url = await start(remoteKeySet("http://127.0.0.1:1/.well-known/jwks.json"));
    const { status, body } = await quietly(() => whoami("placeholder", url).then(async () => whoami(await downstreamToken(), url)));
    assert.equal(status, 503);
    assert.equal(body.error?.code, "jwks_unavailable");
  });

  test("once fetched, the set keeps serving while its origin is away — up to its maximum age, then 503 jwks_stale", async () => {
    const jwks = await jwksServer();
    let offsetMs = 0;
    // Refetched on every request (refresh 0 s), so the fallback is what answers once the origin is gone.
    const url = await start(remoteKeySet(jwks.url, { refreshSeconds: 0, maxAgeSeconds: 300, clock: () => Date.now() + offsetMs }));
    assert.equal((await whoami(await downstreamToken(), url)).status, 200);
    await jwks.stop();
    offsetMs = 299_000;
    assert.equal((await quietly(async () => whoami(await downstreamToken(), url))).status, 200, "within the maximum age: the copy serves");
    offsetMs = 301_000;
    const stale = await quietly(async () => whoami(await downstreamToken(), url));
    assert.equal(stale.status, 503);
    assert.equal(stale.body.error?.code, "jwks_stale");
  });

  test("a key dropped from the JWKS (retired) is refused once the set is refetched", async () => {
    let keys = publishedKeys().keys;
    const server = createServer((_request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ keys }));
    });
    const origin = await listen(server);
    const url = await start(remoteKeySet(`${origin}/.well-known/jwks.json`, { refreshSeconds: 0 }));
    assert.equal((await whoami(await downstreamToken(), url)).status, 200);
    keys = [];
    assert.equal((await whoami(await downstreamToken(), url)).body.error?.code, "token_unknown_kid");
  });
});

describe("parseDownstreamConfig", () => {
  test("defaults: port 4000, the app's JWKS on 3000, its own audience, a 5-minute JWKS maximum age", () => {
    const config = parseDownstreamConfig({});
    assert.equal(config.DOWNSTREAM_PORT, 4000);
    assert.equal(config.JWKS_URL, "http://127.0.0.1:3000/.well-known/jwks.json");
    assert.equal(config.DOWNSTREAM_AUDIENCE, "session-vs-jwt:downstream");
    assert.equal(config.DOWNSTREAM_JWKS_MAX_AGE_SECONDS, 300);
  });

  test("refuses a JWKS_URL that is not http(s), a bad port, and a maximum age below the refresh interval", () => {
    assert.throws(() => parseDownstreamConfig({ JWKS_URL: "file:///etc/passwd" }), /JWKS_URL/);
    assert.throws(() => parseDownstreamConfig({ DOWNSTREAM_PORT: "99999" }), /DOWNSTREAM_PORT/);
    assert.throws(() => parseDownstreamConfig({ DOWNSTREAM_JWKS_MAX_AGE_SECONDS: "30" }), /DOWNSTREAM_JWKS_MAX_AGE_SECONDS/);
  });
});

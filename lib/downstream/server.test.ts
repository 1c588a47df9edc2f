import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import { createLocalJWKSet, type JWTVerifyGetKey } from "jose";
import { edKeyPair, forgeToken } from "../auth/jwt/test-keys.ts";
import { signAccessToken } from "../auth/jwt/token.ts";
import { parseDownstreamConfig } from "./config.ts";
import { createDownstreamServer } from "./server.ts";
import { remoteKeySet } from "./verify.ts";

// The downstream service over real HTTP (an ephemeral port), with a local key set standing in
// for the app's JWKS and a frozen clock.

const NOW = new Date("2030-01-01T00:00:00Z");
const ISSUER = "session-vs-jwt";
const AUDIENCE = "session-vs-jwt:downstream";
let pair: Awaited<ReturnType<typeof edKeyPair>>;
let base: string;
const servers: ReturnType<typeof createDownstreamServer>[] = [];

async function start(getKey: JWTVerifyGetKey): Promise<string> {
  const server = createDownstreamServer({ getKey, jwksUrl: "test://jwks", issuer: ISSUER, audience: AUDIENCE, clockSkewSeconds: 15, now: () => NOW });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

before(async () => {
  pair = await edKeyPair();
  base = await start(createLocalJWKSet({ keys: [{ kid: pair.kid, ...pair.publicJwk, alg: "EdDSA", use: "sig" }] }));
});
after(() => servers.forEach((server) => server.close()));

async function token(audience: string | string[] = ["session-vs-jwt:web", AUDIENCE], ttlSeconds = 900, now = NOW) {
  return (await signAccessToken({ userId: "user-1", role: "user", tokenVersion: 0 }, { signingKey: pair.signing, issuer: ISSUER, audience, ttlSeconds, now })).token;
}

async function whoami(bearer: string | null, url = base) {
  const response = await fetch(`${url}/whoami`, { headers: bearer === null ? {} : { authorization: `Bearer ${bearer}` } });
  return { status: response.status, body: (await response.json()) as { claims?: { sub: string; aud: unknown }; error?: { code: string; message: string } } };
}

describe("GET /whoami", () => {
  test("an app access token naming the downstream in aud → 200 with the verified claims", async () => {
    const { status, body } = await whoami(await token());
    assert.equal(status, 200);
    assert.equal(body.claims?.sub, "user-1");
  });

  test("a token whose only audience is the downstream (session-minted) → 200", async () => {
    assert.equal((await whoami(await token(AUDIENCE, 60))).status, 200);
  });

  for (const [name, make, code] of [
    ["no Authorization header", async () => null, "no_credential"],
    ["junk", async () => "junk", "token_malformed"],
    ["a token for the app alone", () => token("session-vs-jwt:web"), "token_wrong_aud"],
    ["an expired token", () => token(undefined, 60, new Date(NOW.getTime() - 3600_000)), "token_expired"],
    ["an HS256 token (no kid, a shared secret it does not have)", () => forgeToken({ claims: { aud: AUDIENCE, iss: ISSUER } }), "token_missing_kid"],
    ["a jku header", () => forgeToken({ header: { kid: "x", jku: "https://attacker.example/jwks" } }), "token_header_not_allowed"],
    ["a kid the JWKS does not list", async () => (await signAccessToken({ userId: "u", role: "user", tokenVersion: 0 }, { signingKey: (await edKeyPair()).signing, issuer: ISSUER, audience: AUDIENCE, ttlSeconds: 60, now: NOW })).token, "token_unknown_kid"],
  ] as const) {
    test(`${name} → 401 ${code}, in the error envelope`, async () => {
      const { status, body } = await whoami(await make());
      assert.equal(status, 401);
      assert.equal(body.error?.code, code);
      assert.equal(typeof body.error?.message, "string");
    });
  }

  test("a JWKS that cannot be fetched and was never cached → 503 jwks_unavailable, not a 500", async () => {
    const url = await start(remoteKeySet("http://127.0.0.1:1/.well-known/jwks.json"));
    const { status, body } = await whoami(await token(), url);
    assert.equal(status, 503);
    assert.equal(body.error?.code, "jwks_unavailable");
  });

  test("once fetched, the JWKS keeps serving when its origin goes away (the app, or its database, is down)", async () => {
    const jwksServer = createServer((_request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ keys: [{ kid: pair.kid, ...pair.publicJwk, alg: "EdDSA", use: "sig" }] }));
    });
    await new Promise<void>((resolve) => jwksServer.listen(0, "127.0.0.1", resolve));
    const jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/.well-known/jwks.json`;
    // A cache lifetime of zero: every request tries to refetch, so the fallback is what answers.
    const url = await start(remoteKeySet(jwksUrl, 0));
    assert.equal((await whoami(await token(), url)).status, 200);
    await new Promise<void>((resolve) => jwksServer.close(() => resolve()));
    jwksServer.closeAllConnections();
    const warn = console.warn;
    console.warn = () => {};
    try {
      assert.equal((await whoami(await token(), url)).status, 200);
    } finally {
      console.warn = warn;
    }
  });

  test("other paths → 404 in the envelope", async () => {
    const response = await fetch(`${base}/nope`);
    assert.equal(response.status, 404);
    assert.equal(((await response.json()) as { error: { code: string } }).error.code, "not_found");
  });
});

describe("parseDownstreamConfig", () => {
  test("defaults: port 4000, the app's JWKS on 3000, its own audience", () => {
    const config = parseDownstreamConfig({});
    assert.equal(config.DOWNSTREAM_PORT, 4000);
    assert.equal(config.JWKS_URL, "http://127.0.0.1:3000/.well-known/jwks.json");
    assert.equal(config.DOWNSTREAM_AUDIENCE, "session-vs-jwt:downstream");
  });

  test("refuses a JWKS_URL that is not http(s), and a bad port", () => {
    assert.throws(() => parseDownstreamConfig({ JWKS_URL: "file:///etc/passwd" }), /JWKS_URL/);
    assert.throws(() => parseDownstreamConfig({ DOWNSTREAM_PORT: "99999" }), /DOWNSTREAM_PORT/);
  });
});

import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { decodeProtectedHeader, generateKeyPair, SignJWT } from "jose";
import { secretBytes } from "../keys/crypto-keys.ts";
import { ACCESS_TOKEN_TYPE, signAccessToken, verifyAccessToken } from "./token.ts";
import { AUDIENCE, base64urlJson, forgeToken, hmacKey, ISSUER, NOW, NOW_S, OTHER_SECRET, rules, SECRET, SKEW_S, SUBJECT, tokenSettings, verifyAt } from "../keys/test-keys.ts";

async function signAt(now = NOW, ttlSeconds = 900) {
  return signAccessToken(SUBJECT, { ...(await tokenSettings()), ttlSeconds, now });
}

async function assertRejected(token: string, code: string, now = NOW) {
  const result = await verifyAt(token, now);
  assert.equal(result.ok, false, `expected ${code}, got a valid token`);
  if (!result.ok) assert.equal(result.code, code);
}

describe("signAccessToken → verifyAccessToken", () => {
  test("a fresh token verifies and yields the claims it was signed with", async () => {
    const { token, claims } = await signAt();
    const result = await verifyAt(token);
    assert.deepEqual(result, { ok: true, claims, kid: null });
    assert.equal(claims.sub, "user-1");
    assert.equal(claims.role, "user");
    assert.equal(claims.ver, 3);
    assert.equal(claims.iss, ISSUER);
    assert.equal(claims.aud, AUDIENCE);
    assert.equal(claims.iat, NOW_S);
    assert.equal(claims.exp, NOW_S + 900);
  });

  test("the header pins HS256 and the RFC 9068 typ", async () => {
    const { token } = await signAt();
    assert.deepEqual(decodeProtectedHeader(token), { alg: "HS256", typ: ACCESS_TOKEN_TYPE });
  });

  test("every token gets its own jti", async () => {
    const [a, b] = await Promise.all([signAt(), signAt()]);
    assert.notEqual(a.claims.jti, b.claims.jti);
  });

  test("a token signed under another secret does not verify", async () => {
    const { token } = await signAccessToken(SUBJECT, { ...(await tokenSettings(OTHER_SECRET)), ttlSeconds: 900, now: NOW });
    await assertRejected(token, "token_bad_signature");
  });
});

describe("expiry, with clock skew", () => {
  test("accepted until exp + skew, rejected from then on", async () => {
    const { token, claims } = await signAt(NOW, 60);
    assert.equal((await verifyAt(token, new Date((claims.exp + SKEW_S - 1) * 1000))).ok, true);
    await assertRejected(token, "token_expired", new Date((claims.exp + SKEW_S) * 1000));
    await assertRejected(token, "token_expired", new Date((claims.exp + 3600) * 1000));
  });

  test("with no skew, exp itself is already too late", async () => {
    const { token, claims } = await signAt(NOW, 60);
    const atExp = await verifyAccessToken(token, { ...rules, clockSkewSeconds: 0, keys: [await hmacKey()], now: new Date(claims.exp * 1000) });
    assert.equal(atExp.ok ? "ok" : atExp.code, "token_expired");
  });

  test("an nbf beyond the skew is not yet valid", async () => {
    await assertRejected(await forgeToken({ claims: { nbf: NOW_S + SKEW_S + 1 } }), "token_not_yet_valid");
    assert.equal((await verifyAt(await forgeToken({ claims: { nbf: NOW_S + SKEW_S - 1 } }))).ok, true);
  });
});

describe("pinned issuer, audience and typ", () => {
  test("the forger's baseline token is valid (so each rejection below is about one change)", async () => {
    assert.equal((await verifyAt(await forgeToken())).ok, true);
  });

  test("another issuer → token_wrong_iss", async () => {
    await assertRejected(await forgeToken({ claims: { iss: "someone-else" } }), "token_wrong_iss");
  });

  test("another audience → token_wrong_aud", async () => {
    await assertRejected(await forgeToken({ claims: { aud: "session-vs-jwt:other" } }), "token_wrong_aud");
  });

  test('an ordinary "JWT" or untyped token of the same key → token_wrong_typ', async () => {
    await assertRejected(await forgeToken({ header: { typ: "JWT" } }), "token_wrong_typ");
    await assertRejected(await forgeToken({ header: { typ: undefined } }), "token_wrong_typ");
  });
});

describe("signature and algorithm", () => {
  test("payload tampered to role=admin and re-encoded → token_bad_signature", async () => {
    const { token, claims } = await signAt();
    const [header, , signature] = token.split(".");
    const tampered = `${header}.${base64urlJson({ ...claims, role: "admin" })}.${signature}`;
    await assertRejected(tampered, "token_bad_signature");
  });

  test("signature stripped → token_bad_signature", async () => {
    const { token } = await signAt();
    await assertRejected(token.slice(0, token.lastIndexOf(".") + 1), "token_bad_signature");
  });

  test('an unsecured "alg: none" token → token_alg_not_allowed', async () => {
    const payload = { sub: "user-1", role: "admin", ver: 0, jti: "x", iat: NOW_S, exp: NOW_S + 900, iss: ISSUER, aud: AUDIENCE };
    const unsecured = `${base64urlJson({ alg: "none", typ: ACCESS_TOKEN_TYPE })}.${base64urlJson(payload)}.`;
    await assertRejected(unsecured, "token_alg_not_allowed");
  });

  test("HS512 with the same secret → token_alg_not_allowed", async () => {
    await assertRejected(await forgeToken({ header: { alg: "HS512" }, key: secretBytes(SECRET) }), "token_alg_not_allowed");
  });

  test("RS256 → token_alg_not_allowed", async () => {
    const { privateKey } = await generateKeyPair("RS256");
    await assertRejected(await forgeToken({ header: { alg: "RS256" }, key: privateKey }), "token_alg_not_allowed");
  });
});

describe("malformed input", () => {
  for (const [name, token] of [
    ["empty", ""],
    ["garbage", "not-a-token"],
    ["three empty parts", ".."],
    ["non-JSON header", "aGVsbG8.e30.c2ln"],
  ] as const) {
    test(`${name} → token_malformed`, async () => {
      await assertRejected(token, "token_malformed");
    });
  }

  test("over 4096 characters → token_malformed, even when correctly signed", async () => {
    const padded = await forgeToken({ claims: { pad: "x".repeat(3000) } });
    assert.ok(padded.length > 4096);
    await assertRejected(padded, "token_malformed");
  });
});

describe("claims this app never issues", () => {
  test("missing role → token_missing_role; a role it does not know → token_claims_invalid", async () => {
    await assertRejected(await forgeToken({ claims: { role: undefined } }), "token_missing_role");
    await assertRejected(await forgeToken({ claims: { role: "root" } }), "token_claims_invalid");
  });

  test("missing ver → token_missing_ver; a negative one → token_claims_invalid", async () => {
    await assertRejected(await forgeToken({ claims: { ver: undefined } }), "token_missing_ver");
    await assertRejected(await forgeToken({ claims: { ver: -1 } }), "token_claims_invalid");
  });

  test("missing exp, jti or sub → rejected as required claims", async () => {
    await assertRejected(await forgeToken({ claims: { exp: undefined } }), "token_missing_exp");
    await assertRejected(await forgeToken({ claims: { jti: undefined } }), "token_missing_jti");
    await assertRejected(await forgeToken({ claims: { sub: undefined } }), "token_missing_sub");
  });

  test("a correctly signed token with no claims at all is rejected", async () => {
    const token = await new SignJWT({}).setProtectedHeader({ alg: "HS256", typ: ACCESS_TOKEN_TYPE }).sign((await hmacKey()).key);
    assert.equal((await verifyAt(token)).ok, false);
  });
});

import assert from "node:assert/strict";
import { createPublicKey, verify as cryptoVerify } from "node:crypto";
import { describe, test } from "node:test";
import { decodeProtectedHeader, SignJWT } from "jose";
import { secretBytes } from "./crypto-keys.ts";
import { ACCESS_TOKEN_TYPE, signAccessToken, type TokenKey } from "../token/token.ts";
import { AUDIENCE, edKeyPair, forgeToken, hmacKey, ISSUER, MAX_LIFETIME_S, NOW, NOW_S, SECRET, SKEW_S, SUBJECT, verifyAt } from "./test-keys.ts";

// EdDSA with a kid allowlist, the headers we refuse, and the token-age bounds (issue 11 item 10).

async function codeOf(token: string, keys: Parameters<typeof verifyAt>[2], now = NOW) {
  const result = await verifyAt(token, now, keys);
  return result.ok ? "ok" : result.code;
}

async function edToken(signing: TokenKey, ttlSeconds = 900, now = NOW) {
  return signAccessToken(SUBJECT, { signingKey: signing, issuer: ISSUER, audience: AUDIENCE, ttlSeconds, now });
}

describe("EdDSA with a kid", () => {
  test("the header carries alg EdDSA, typ and the signing key's kid; it verifies against the allowlist", async () => {
    const pair = await edKeyPair();
    const { token, claims } = await edToken(pair.signing);
    assert.deepEqual(decodeProtectedHeader(token), { alg: "EdDSA", typ: ACCESS_TOKEN_TYPE, kid: pair.kid });
    assert.deepEqual(await verifyAt(token, NOW, [pair.verifying]), { ok: true, claims, kid: pair.kid });
    assert.equal(claims.aud, AUDIENCE);
  });

  test("Node's own crypto.verify accepts it with the public JWK (nothing jose-specific)", async () => {
    const pair = await edKeyPair();
    const { token } = await edToken(pair.signing);
    const [header, payload, signature] = token.split(".") as [string, string, string];
    const publicKey = createPublicKey({ key: { ...pair.publicJwk }, format: "jwk" });
    assert.equal(cryptoVerify(null, Buffer.from(`${header}.${payload}`), publicKey, Buffer.from(signature, "base64url")), true);
  });

  test("the key is chosen by kid among several", async () => {
    const [a, b] = await Promise.all([edKeyPair(), edKeyPair()]);
    assert.equal(await codeOf((await edToken(b.signing)).token, [a.verifying, b.verifying]), "ok");
  });

  test("a kid that is not in the allowlist (unknown or retired) → token_unknown_kid", async () => {
    const [a, b] = await Promise.all([edKeyPair(), edKeyPair()]);
    assert.equal(await codeOf((await edToken(b.signing)).token, [a.verifying]), "token_unknown_kid");
  });

  test("a kid of ours on a token signed by another key → token_bad_signature", async () => {
    const [a, b] = await Promise.all([edKeyPair(), edKeyPair()]);
    const forged = await signAccessToken(SUBJECT, { signingKey: { ...b.signing, kid: a.kid }, issuer: ISSUER, audience: AUDIENCE, ttlSeconds: 60, now: NOW });
    assert.equal(await codeOf(forged.token, [a.verifying]), "token_bad_signature");
  });

  test("no kid while only named keys are allowed → token_missing_kid", async () => {
    const a = await edKeyPair();
    assert.equal(await codeOf(await forgeToken(), [a.verifying]), "token_missing_kid");
  });

  test("alg confusion: HS256 under an EdDSA key's kid, MACed with its public x → token_alg_not_allowed", async () => {
    const a = await edKeyPair();
    const forged = await forgeToken({ header: { kid: a.kid }, key: secretBytes(a.publicJwk.x) });
    assert.equal(await codeOf(forged, [a.verifying]), "token_alg_not_allowed");
  });

  test("an HS256 key never accepts an EdDSA token, even one it could otherwise parse", async () => {
    const a = await edKeyPair();
    const { token } = await edToken(a.signing);
    assert.equal(await codeOf(token, [await hmacKey()]), "token_unknown_kid");
    const withoutKid = await new SignJWT({ role: "user", ver: 0 }).setProtectedHeader({ alg: "EdDSA", typ: ACCESS_TOKEN_TYPE }).setSubject("u").setJti("j").setIssuedAt(NOW_S).setExpirationTime(NOW_S + 60).setIssuer(ISSUER).setAudience(AUDIENCE).sign(a.signing.key);
    assert.equal(await codeOf(withoutKid, [await hmacKey()]), "token_alg_not_allowed");
  });
});

describe("headers that locate a key are refused, never followed", () => {
  for (const [name, value] of [
    ["jku", "https://attacker.example/jwks.json"],
    ["x5u", "https://attacker.example/cert.pem"],
    ["jwk", { kty: "OKP", crv: "Ed25519", x: "AAAA" }],
    ["x5c", ["MIIB"]],
  ] as const) {
    test(`${name} → token_header_not_allowed, even with a valid signature and kid`, async () => {
      const a = await edKeyPair();
      const token = await new SignJWT({ role: "user", ver: 0 })
        .setProtectedHeader({ alg: "EdDSA", typ: ACCESS_TOKEN_TYPE, kid: a.kid, [name]: value })
        .setSubject("u").setJti("j").setIssuedAt(NOW_S).setExpirationTime(NOW_S + 60).setIssuer(ISSUER).setAudience(AUDIENCE)
        .sign(a.signing.key);
      assert.equal(await codeOf(token, [a.verifying]), "token_header_not_allowed");
    });
  }

  test("the same holds in HS256 mode", async () => {
    assert.equal(await codeOf(await forgeToken({ header: { jku: "https://attacker.example/k" } }), [await hmacKey()]), "token_header_not_allowed");
  });

  test("a kid that is not a string → token_malformed", async () => {
    assert.equal(await codeOf(await forgeToken({ header: { kid: 7 } }), [await hmacKey()]), "token_malformed");
  });
});

describe("token age bounds (RFC 8725 §3), with a frozen clock", () => {
  test("iat up to the skew in the future is accepted; beyond it → token_issued_in_future", async () => {
    const key = await hmacKey(SECRET);
    const at = (iat: number) => forgeToken({ claims: { iat, exp: iat + 60 } });
    assert.equal(await codeOf(await at(NOW_S + SKEW_S), [key]), "ok");
    assert.equal(await codeOf(await at(NOW_S + SKEW_S + 1), [key]), "token_issued_in_future");
    assert.equal(await codeOf(await at(NOW_S + 3600), [key]), "token_issued_in_future");
  });

  test("exp - iat up to the configured lifetime is accepted; above → token_lifetime_too_long", async () => {
    const key = await hmacKey(SECRET);
    assert.equal(await codeOf(await forgeToken({ claims: { exp: NOW_S + MAX_LIFETIME_S } }), [key]), "ok");
    assert.equal(await codeOf(await forgeToken({ claims: { exp: NOW_S + MAX_LIFETIME_S + 1 } }), [key]), "token_lifetime_too_long");
    assert.equal(await codeOf(await forgeToken({ claims: { exp: NOW_S + 10 * 365 * 86400 } }), [key]), "token_lifetime_too_long");
  });

  test("the bounds hold for EdDSA tokens we sign ourselves with too long a TTL", async () => {
    const a = await edKeyPair();
    assert.equal(await codeOf((await edToken(a.signing, MAX_LIFETIME_S + 60)).token, [a.verifying]), "token_lifetime_too_long");
  });
});

import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { describe, test } from "node:test";
import { resetConfigForTests } from "../../../env.ts";
import { publishEdgeVerificationKeys } from "../keys/edge-keys.ts";
import { edKeyPair } from "../keys/test-keys.ts";
import { signAccessToken, type TokenKey } from "../token/token.ts";
import { accessTokenRules, hmacTokenKey, peekAccessToken, verifyAccessTokenWithKeys } from "./config.ts";

// The remembered verification must never outlive exp, must be per key, and the proxy's peek
// must work from the keys this process loaded (no database) — or fall back to structure.

process.env.SESSION_SECRET = randomBytes(32).toString("base64url");
process.env.JWT_SECRET = randomBytes(32).toString("base64url");
process.env.JWT_KEY_ENCRYPTION_SECRET = randomBytes(32).toString("base64url");
process.env.JWT_CLOCK_SKEW_SECONDS = "15";
process.env.JWT_ALG = "HS256";
resetConfigForTests();

const issuedAt = new Date("2026-01-01T00:00:00Z");
const seconds = (s: number) => new Date(issuedAt.getTime() + s * 1000);

async function hmacToken() {
  const { issuer, audience } = accessTokenRules();
  const signed = await signAccessToken({ userId: "u1", role: "user", tokenVersion: 0 }, { signingKey: await hmacTokenKey(), issuer, audience, ttlSeconds: 60, now: issuedAt });
  return signed.token;
}

const verifyHmac = async (token: string, now: Date) => verifyAccessTokenWithKeys(token, [await hmacTokenKey()], now);

describe("remembered verifications", () => {
  test("a remembered token is still refused once exp (plus skew) has passed", async () => {
    const value = await hmacToken();
    assert.equal((await verifyHmac(value, seconds(10))).ok, true);
    assert.equal((await verifyHmac(value, seconds(74))).ok, true); // within the 15 s skew
    const late = await verifyHmac(value, seconds(76));
    assert.equal(!late.ok && late.code, "token_expired");
  });

  test("a token remembered under one key is not accepted under another", async () => {
    const value = await hmacToken();
    assert.equal((await verifyHmac(value, seconds(1))).ok, true);
    process.env.JWT_SECRET = randomBytes(32).toString("base64url");
    resetConfigForTests();
    const other = await verifyHmac(value, seconds(2));
    assert.equal(!other.ok && other.code, "token_bad_signature");
  });

  test("a one-character change is verified afresh, not served from memory", async () => {
    const value = await hmacToken();
    assert.equal((await verifyHmac(value, seconds(1))).ok, true);
    const flipped = value.slice(0, -2) + (value.at(-2) === "A" ? "B" : "A") + value.at(-1);
    assert.equal((await verifyHmac(flipped, seconds(1))).ok, false);
  });

  test("a token remembered under a key that left the allowlist (retired) misses", async () => {
    const pair = await edKeyPair();
    const { issuer, audience } = accessTokenRules();
    const { token } = await signAccessToken({ userId: "u1", role: "user", tokenVersion: 0 }, { signingKey: pair.signing, issuer, audience, ttlSeconds: 60, now: issuedAt });
    assert.equal((await verifyAccessTokenWithKeys(token, [pair.verifying], seconds(1))).ok, true);
    const retired = await verifyAccessTokenWithKeys(token, [], seconds(2));
    assert.equal(!retired.ok && retired.code, "token_unknown_kid");
  });
});

describe("peekAccessToken (proxy.ts, no database)", () => {
  async function edToken(signing: TokenKey) {
    const { issuer, audience } = accessTokenRules();
    return (await signAccessToken({ userId: "u1", role: "user", tokenVersion: 0 }, { signingKey: signing, issuer, audience, ttlSeconds: 60, now: issuedAt })).token;
  }

  test("EdDSA: with loaded keys, a known kid is checked in full; an unknown kid is left to the DAL if it looks right", async () => {
    process.env.JWT_ALG = "EdDSA";
    resetConfigForTests();
    const [known, rotatedIn] = await Promise.all([edKeyPair(), edKeyPair()]);
    publishEdgeVerificationKeys([known.verifying]);
    const good = await edToken(known.signing);
    assert.equal(await peekAccessToken(good, seconds(1)), true);
    assert.equal(await peekAccessToken(good, seconds(120)), false, "expired");
    const flipped = good.slice(0, -2) + (good.at(-2) === "A" ? "B" : "A") + good.at(-1);
    assert.equal(await peekAccessToken(flipped, seconds(1)), false, "bad signature under a known kid");
    assert.equal(await peekAccessToken(await edToken(rotatedIn.signing), seconds(1)), true, "plausible: a key another instance made");
    assert.equal(await peekAccessToken(await edToken(rotatedIn.signing), seconds(120)), false, "but not once expired");
    assert.equal(await peekAccessToken(await hmacToken(), seconds(1)), false, "HS256 token in EdDSA mode");
    assert.equal(await peekAccessToken("junk", seconds(1)), false);
  });

  test("HS256: the full crypto check", async () => {
    process.env.JWT_ALG = "HS256";
    resetConfigForTests();
    assert.equal(await peekAccessToken(await hmacToken(), seconds(1)), true);
    assert.equal(await peekAccessToken(await hmacToken(), seconds(120)), false);
  });
});

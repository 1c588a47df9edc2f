import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { test } from "node:test";
import { resetConfigForTests } from "../../env.ts";
import { signAccessToken } from "./token.ts";
import { accessTokenSettings, verifyAccessTokenWithConfig } from "./verify-config.ts";

// The remembered verification must never outlive exp, and must be per key.

process.env.SESSION_SECRET = randomBytes(32).toString("base64url");
process.env.JWT_SECRET = randomBytes(32).toString("base64url");
process.env.JWT_CLOCK_SKEW_SECONDS = "15";
resetConfigForTests();

const issuedAt = new Date("2026-01-01T00:00:00Z");
const seconds = (s: number) => new Date(issuedAt.getTime() + s * 1000);

async function token() {
  const signed = await signAccessToken({ userId: "u1", role: "user", tokenVersion: 0 }, { ...(await accessTokenSettings()), ttlSeconds: 60, now: issuedAt });
  return signed.token;
}

test("a remembered token is still refused once exp (plus skew) has passed", async () => {
  const value = await token();
  assert.equal((await verifyAccessTokenWithConfig(value, seconds(10))).ok, true);
  assert.equal((await verifyAccessTokenWithConfig(value, seconds(74))).ok, true); // within the 15 s skew
  const late = await verifyAccessTokenWithConfig(value, seconds(76));
  assert.equal(late.ok, false);
  assert.equal(!late.ok && late.code, "token_expired");
});

test("a token remembered under one key is not accepted under another", async () => {
  const value = await token();
  assert.equal((await verifyAccessTokenWithConfig(value, seconds(1))).ok, true);
  process.env.JWT_SECRET = randomBytes(32).toString("base64url");
  resetConfigForTests();
  const other = await verifyAccessTokenWithConfig(value, seconds(2));
  assert.equal(!other.ok && other.code, "token_bad_signature");
});

test("a one-character change is verified afresh, not served from memory", async () => {
  const value = await token();
  assert.equal((await verifyAccessTokenWithConfig(value, seconds(1))).ok, true);
  const flipped = value.slice(0, -2) + (value.at(-2) === "A" ? "B" : "A") + value.at(-1);
  assert.equal((await verifyAccessTokenWithConfig(flipped, seconds(1))).ok, false);
});

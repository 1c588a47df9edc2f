import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { roleIn, secondsUntilExp, tokenLifetime } from "./credentials.ts";

const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const NOW = new Date("2031-01-01T00:00:00.000Z");

describe("secondsUntilExp", () => {
  test("reads exp without a key, as any holder can", () => {
    const token = `${part({ alg: "HS256" })}.${part({ exp: NOW.getTime() / 1000 + 897 })}.sig`;
    assert.equal(secondsUntilExp(token, NOW), 897);
  });

  test("never negative; null for junk or a missing exp", () => {
    assert.equal(secondsUntilExp(`${part({})}.${part({ exp: NOW.getTime() / 1000 - 5 })}.s`, NOW), 0);
    assert.equal(secondsUntilExp(`${part({})}.${part({})}.s`, NOW), null);
    assert.equal(secondsUntilExp("Fe26.2*1*abc", NOW), null);
  });
});

describe("tokenLifetime", () => {
  test("exp − iat, read without a key; null without both", () => {
    assert.equal(tokenLifetime(`${part({})}.${part({ iat: 100, exp: 160 })}.s`), 60);
    assert.equal(tokenLifetime(`${part({})}.${part({ exp: 160 })}.s`), null);
    assert.equal(tokenLifetime("Fe26.2*1*abc"), null);
  });
});

describe("roleIn", () => {
  test("user.role of a /me answer, else null", () => {
    assert.equal(roleIn({ user: { id: "1", role: "admin" } }), "admin");
    assert.equal(roleIn({ error: { code: "token_revoked" } }), null);
    assert.equal(roleIn(null), null);
  });
});

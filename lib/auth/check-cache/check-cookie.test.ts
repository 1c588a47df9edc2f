import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Principal } from "../types.ts";
import { checkCookieKey, openCheckCookie, sealCheckCookie } from "./check-cookie.ts";

const KEY = checkCookieKey("a-session-secret-of-at-least-32-bytes!!");
const NOW = new Date("2031-01-01T00:00:00.000Z");
const at = (ms: number) => new Date(NOW.getTime() + ms);
const PRINCIPAL: Principal = {
  mode: "session", userId: "u1", role: "user", expiresAt: at(3600_000), handles: { sessionId: "s1" },
  profile: { email: "u@example.test", name: "U" }, evidence: { created: "x" }, api: { id: "s1" }, failOpen: false,
};
const seal = (overrides: Partial<Parameters<typeof sealCheckCookie>[0]> = {}) =>
  sealCheckCookie({ principal: PRINCIPAL, credential: "the-seal", now: NOW, maxAgeSeconds: 30, key: KEY, ...overrides });
const open = (value: string, overrides: Partial<Parameters<typeof openCheckCookie>[1]> = {}) =>
  openCheckCookie(value, { mode: "session", credential: "the-seal", now: NOW, key: KEY, ...overrides });

describe("check cookie (SESSION_CACHE=cookie)", () => {
  test("answers with the principal it was sealed with while fresh", () => {
    assert.deepEqual(open(seal(), { now: at(29_999) }), PRINCIPAL);
  });

  test("answers nothing from its max age on: that max age is the revocation lag", () => {
    assert.equal(open(seal(), { now: at(30_000) }), null);
  });

  test("never outlives the credential it vouches for", () => {
    const shortLived = { ...PRINCIPAL, expiresAt: at(10_000) };
    assert.equal(open(seal({ principal: shortLived }), { now: at(10_000) }), null);
  });

  test("bound to the credential and the mode", () => {
    assert.equal(open(seal(), { credential: "another-seal" }), null);
    assert.equal(open(seal(), { mode: "jwt" }), null);
  });

  test("a changed payload, a foreign key or junk is refused", () => {
    const [version, body, tag] = seal().split(".");
    const forged = Buffer.from(Buffer.from(body!, "base64url").toString().replace('"role":"user"', '"role":"admin"')).toString("base64url");
    assert.equal(open(`${version}.${forged}.${tag}`), null);
    assert.equal(open(seal(), { key: checkCookieKey("another-secret-of-at-least-32-bytes!!!") }), null);
    for (const junk of ["", "c1", "c1..", "c2.a.b", "c1.a.b.c"]) assert.equal(open(junk), null);
  });
});

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { redactBody, redactRequestHeaders, relevantResponseHeaders, shortenCredential, shortenSetCookie } from "./redact.ts";

const TOKEN = `eyJhbGciOiJIUzI1NiJ9.${"a".repeat(300)}.${"s".repeat(43)}`;

describe("shortenCredential", () => {
  test("first 8 characters and the size in bytes", () => {
    assert.equal(shortenCredential(TOKEN), `eyJhbGci…(${TOKEN.length} bytes)`);
  });

  test("short values are shown as they are", () => {
    assert.equal(shortenCredential("abc"), "abc");
  });

  test("the size counts bytes, not characters", () => {
    assert.equal(shortenCredential("ééééééééé"), "éééééééé…(18 bytes)");
  });
});

describe("headers", () => {
  test("Cookie and Authorization are shortened, other request headers kept", () => {
    const shown = redactRequestHeaders({ cookie: `svj-session=${TOKEN}`, authorization: `Bearer ${TOKEN}`, "content-type": "application/json" });
    assert.deepEqual(shown, {
      cookie: `svj-session=eyJhbGci…(${TOKEN.length} bytes)`,
      authorization: `Bearer eyJhbGci…(${TOKEN.length} bytes)`,
      "content-type": "application/json",
    });
  });

  test("Set-Cookie keeps its attributes and loses its value", () => {
    const line = `__Host-svj-jwt=${TOKEN}; Path=/; Max-Age=900; Secure; HttpOnly; SameSite=lax`;
    assert.equal(shortenSetCookie(line), `__Host-svj-jwt=eyJhbGci…(${TOKEN.length} bytes); Path=/; Max-Age=900; Secure; HttpOnly; SameSite=lax`);
  });

  test("only the response headers a reader needs, every Set-Cookie on its own line", () => {
    const headers = new Headers({ "content-type": "application/json", "www-authenticate": 'Bearer error="invalid_token"', "x-powered-by": "x" });
    headers.append("set-cookie", `a=${TOKEN}; Path=/`);
    headers.append("set-cookie", "b=; Max-Age=0");
    assert.deepEqual(relevantResponseHeaders(headers), {
      "set-cookie": `a=eyJhbGci…(${TOKEN.length} bytes); Path=/\nb=; Max-Age=0`,
      "www-authenticate": 'Bearer error="invalid_token"',
    });
  });
});

describe("redactBody", () => {
  test("passwords are replaced, tokens shortened, nested, everything else untouched", () => {
    const body = { email: "lab-x@labs.invalid", password: "hunter2-but-longer", nested: [{ accessToken: TOKEN, refreshToken: "rt_0123456789abcdef" }], n: 1 };
    assert.deepEqual(redactBody(body), {
      email: "lab-x@labs.invalid",
      password: "(throwaway password, not shown)",
      nested: [{ accessToken: `eyJhbGci…(${TOKEN.length} bytes)`, refreshToken: "rt_01234…(19 bytes)" }],
      n: 1,
    });
  });

  test("no credential survives in full anywhere in a redacted body", () => {
    assert.ok(!JSON.stringify(redactBody({ a: { b: { accessToken: TOKEN } } })).includes(TOKEN));
  });

  test("the exchange's downstream token is shortened; a /me answer's token object is left as it is", () => {
    assert.deepEqual(redactBody({ token: TOKEN, expiresIn: 60 }), { token: `eyJhbGci…(${TOKEN.length} bytes)`, expiresIn: 60 });
    assert.deepEqual(redactBody({ token: { jti: "j", bytes: 300 } }), { token: { jti: "j", bytes: 300 } });
  });
});

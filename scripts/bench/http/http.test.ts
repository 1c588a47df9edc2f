import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { cookieHeaderFor, parseSetCookies } from "./http.ts";

describe("parseSetCookies / cookieHeaderFor", () => {
  const cookies = parseSetCookies([
    "__Host-jwt=aaa.bbb.ccc; Path=/; HttpOnly; Secure; SameSite=Lax",
    "__Secure-jwt_refresh=rrr; Path=/api/jwt; HttpOnly; Secure",
    "gone=; Path=/; Max-Age=0",
  ]);

  test("keeps name, value (with its own '=' signs) and path", () => {
    assert.deepEqual(cookies[0], { name: "__Host-jwt", value: "aaa.bbb.ccc", path: "/" });
    assert.equal(parseSetCookies(["a=b=c"])[0]?.value, "b=c");
    assert.equal(parseSetCookies(["a=b"])[0]?.path, "/");
  });

  test("sends what a browser would for each path, and no cleared cookie", () => {
    assert.equal(cookieHeaderFor(cookies, "/jwt/dashboard"), "__Host-jwt=aaa.bbb.ccc");
    assert.equal(cookieHeaderFor(cookies, "/api/jwt/me"), "__Host-jwt=aaa.bbb.ccc; __Secure-jwt_refresh=rrr");
    assert.equal(cookieHeaderFor(cookies, "/api/jwtx"), "__Host-jwt=aaa.bbb.ccc");
  });
});

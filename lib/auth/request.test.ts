import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { parseBearer } from "./request.ts";

describe("parseBearer (RFC 6750 §2.1)", () => {
  // null: no Bearer credential at all, so the cookie is consulted.
  for (const header of [null, "", "Basic dXNlcjpwYXNz", "Bearerabc", "Token abc"]) {
    test(`${JSON.stringify(header)} → null (not a Bearer header)`, () => {
      assert.equal(parseBearer(header), null);
    });
  }

  for (const [header, token] of [
    ["Bearer abc.def-ghi_jkl", "abc.def-ghi_jkl"],
    ["bearer abc", "abc"],
    ["BEARER abc", "abc"],
    ["Bearer   abc", "abc"],
    ["Bearer abc  ", "abc"],
    ["Bearer a+b/c~d==", "a+b/c~d=="],
  ] as const) {
    test(`${JSON.stringify(header)} → ${JSON.stringify(token)}`, () => {
      assert.equal(parseBearer(header), token);
    });
  }

  // "" rather than null: a broken Bearer header must fail, never fall back to the cookie.
  for (const header of ["Bearer", "Bearer ", "bearer ", "Bearer a b", "Bearer a=b", "Bearer\tabc", "Bearer abc\u0000"]) {
    test(`${JSON.stringify(header)} → "" (present but unusable)`, () => {
      assert.equal(parseBearer(header), "");
    });
  }
});

import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { newSessionSecret, sessionRowId } from "./ids.ts";

describe("newSessionSecret", () => {
  test("is base64url of at least 32 random bytes", () => {
    const secret = newSessionSecret();
    assert.match(secret, /^[A-Za-z0-9_-]+$/);
    assert.ok(Buffer.from(secret, "base64url").length >= 32);
  });

  test("does not repeat over 10,000 draws", () => {
    const seen = new Set(Array.from({ length: 10_000 }, newSessionSecret));
    assert.equal(seen.size, 10_000);
  });
});

describe("sessionRowId", () => {
  test("is the base64url SHA-256 of the secret (known vector)", () => {
    // SHA-256("abc"), FIPS 180-2 appendix B.1.
    const expected = Buffer.from("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", "hex").toString("base64url");
    assert.equal(sessionRowId("abc"), expected);
  });

  test("is deterministic, 32 bytes, and never the secret itself", () => {
    const secret = newSessionSecret();
    assert.equal(sessionRowId(secret), sessionRowId(secret));
    assert.equal(Buffer.from(sessionRowId(secret), "base64url").length, 32);
    assert.notEqual(sessionRowId(secret), secret);
  });

  test("different secrets give different row ids", () => {
    assert.notEqual(sessionRowId(newSessionSecret()), sessionRowId(newSessionSecret()));
  });
});

import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { accessTokenKey, importHmacKey, secretBytes } from "./crypto-keys.ts";
import { OTHER_SECRET, SECRET } from "./test-keys.ts";

describe("secretBytes", () => {
  test("a base64url secret is decoded to its bytes", () => {
    assert.deepEqual(Buffer.from(secretBytes(SECRET)), Buffer.alloc(32, 7));
  });

  test("anything else is taken as UTF-8", () => {
    const passphrase = "correct horse battery staple, 32+ bytes";
    assert.deepEqual(Buffer.from(secretBytes(passphrase)), Buffer.from(passphrase, "utf8"));
  });
});

describe("importHmacKey", () => {
  test("an HMAC SHA-256 key that cannot be exported and only signs and verifies", async () => {
    const key = await importHmacKey(SECRET);
    assert.deepEqual(key.algorithm, { name: "HMAC", hash: { name: "SHA-256" }, length: 256 });
    assert.equal(key.extractable, false);
    assert.deepEqual([...key.usages].sort(), ["sign", "verify"]);
  });
});

describe("accessTokenKey", () => {
  test("is imported once per secret", async () => {
    assert.equal(accessTokenKey(SECRET), accessTokenKey(SECRET));
    assert.equal(await accessTokenKey(SECRET), await accessTokenKey(SECRET));
  });

  test("different secrets get different keys", async () => {
    assert.notEqual(await accessTokenKey(SECRET), await accessTokenKey(OTHER_SECRET));
  });
});

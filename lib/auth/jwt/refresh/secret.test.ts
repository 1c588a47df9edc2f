import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { childRefreshSecret, looksLikeRefreshSecret, newRefreshSecret, refreshDerivationKey, refreshRowId } from "./secret.ts";
import { secretBytes } from "../keys/crypto-keys.ts";
import { OTHER_SECRET, SECRET } from "../keys/test-keys.ts";

const KEY = refreshDerivationKey(secretBytes(SECRET));
const OTHER_KEY = refreshDerivationKey(secretBytes(OTHER_SECRET));
const PARENT = "rt_" + "A".repeat(43);

describe("newRefreshSecret", () => {
  test("is rt_ and 32 random bytes in base64url, and recognised as ours", () => {
    const secret = newRefreshSecret();
    assert.match(secret, /^rt_[A-Za-z0-9_-]{43}$/);
    assert.equal(Buffer.from(secret.slice(3), "base64url").length, 32);
    assert.equal(looksLikeRefreshSecret(secret), true);
  });

  test("never repeats", () => {
    const secrets = new Set(Array.from({ length: 1000 }, newRefreshSecret));
    assert.equal(secrets.size, 1000);
  });
});

describe("refreshRowId", () => {
  test("is the SHA-256 of the secret in base64url, not the secret", () => {
    const secret = newRefreshSecret();
    assert.equal(refreshRowId(secret), createHash("sha256").update(secret).digest("base64url"));
    assert.equal(refreshRowId(secret), refreshRowId(secret));
    assert.notEqual(refreshRowId(secret), secret);
    assert.equal(looksLikeRefreshSecret(refreshRowId(secret)), false, "a stored id cannot be presented as a token");
  });
});

describe("childRefreshSecret", () => {
  test("is deterministic per parent and key: racing requests get the same successor", () => {
    assert.equal(childRefreshSecret(PARENT, KEY), childRefreshSecret(PARENT, KEY));
    assert.equal(childRefreshSecret(PARENT, KEY), childRefreshSecret(PARENT, refreshDerivationKey(secretBytes(SECRET))));
  });

  test("looks like any other refresh token, and differs from its parent", () => {
    const child = childRefreshSecret(PARENT, KEY);
    assert.equal(looksLikeRefreshSecret(child), true);
    assert.notEqual(child, PARENT);
    assert.notEqual(childRefreshSecret(child, KEY), child, "a grandchild is new too");
  });

  test("depends on the parent", () => {
    assert.notEqual(childRefreshSecret(PARENT, KEY), childRefreshSecret("rt_" + "B".repeat(43), KEY));
  });

  test("depends on the key: without it the successor cannot be predicted", () => {
    assert.notEqual(childRefreshSecret(PARENT, KEY), childRefreshSecret(PARENT, OTHER_KEY));
  });
});

describe("refreshDerivationKey", () => {
  test("is 32 bytes, deterministic, and not the signing secret itself", () => {
    assert.equal(KEY.length, 32);
    assert.deepEqual(refreshDerivationKey(secretBytes(SECRET)), KEY);
    assert.notDeepEqual(KEY, new Uint8Array(secretBytes(SECRET)));
    assert.notDeepEqual(KEY, OTHER_KEY);
  });
});

describe("looksLikeRefreshSecret", () => {
  for (const [value, expected] of [
    [PARENT, true],
    ["rt_" + "-_aZ09".repeat(7) + "x", true],
    ["rt_" + "A".repeat(42), false],
    ["rt_" + "A".repeat(44), false],
    ["RT_" + "A".repeat(43), false],
    ["xx_" + "A".repeat(43), false],
    ["rt_" + "A".repeat(42) + "=", false],
    ["rt_" + "A".repeat(42) + "+", false],
    ["", false],
    ["eyJhbGciOiJIUzI1NiIsInR5cCI6ImF0K2p3dCJ9.eyJzdWIiOiJ1In0.c2ln", false],
    [" rt_" + "A".repeat(43), false],
    ["rt_" + "A".repeat(43) + "\n", false],
  ] as const) {
    test(`${JSON.stringify(value)} → ${expected}`, () => {
      assert.equal(looksLikeRefreshSecret(value), expected);
    });
  }
});

import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { describe, test } from "node:test";
import { decryptPrivateKey, encryptPrivateKey } from "./encryption.ts";
import { OTHER_SECRET, SECRET } from "./test-keys.ts";

describe("private keys at rest (AES-256-GCM, kid as AAD)", () => {
  const plaintext = randomBytes(48);

  test("round-trips under the same secret and kid, and never stores the plaintext", () => {
    const sealed = encryptPrivateKey(plaintext, "kid-1", SECRET);
    assert.match(sealed, /^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    assert.ok(!sealed.includes(plaintext.toString("base64url")));
    assert.deepEqual(decryptPrivateKey(sealed, "kid-1", SECRET), { ok: true, plaintext });
  });

  test("a fresh IV each time: the same key encrypts differently", () => {
    assert.notEqual(encryptPrivateKey(plaintext, "kid-1", SECRET), encryptPrivateKey(plaintext, "kid-1", SECRET));
  });

  for (const [name, sealed, kid, secret] of [
    ["another secret", () => encryptPrivateKey(plaintext, "kid-1", SECRET), "kid-1", OTHER_SECRET],
    ["another row's kid", () => encryptPrivateKey(plaintext, "kid-1", SECRET), "kid-2", SECRET],
    ["a flipped ciphertext byte", () => { const [v, iv, c, t] = encryptPrivateKey(plaintext, "kid-1", SECRET).split("."); return [v, iv, (c![0] === "A" ? "B" : "A") + c!.slice(1), t].join("."); }, "kid-1", SECRET],
    ["an unknown format", () => "v0.abc", "kid-1", SECRET],
  ] as const) {
    test(`${name} → signing_key_undecryptable`, () => {
      const result = decryptPrivateKey(sealed(), kid, secret);
      assert.equal(result.ok ? "ok" : result.code, "signing_key_undecryptable");
    });
  }
});

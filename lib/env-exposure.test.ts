import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { assertInvalid, SECRETS, withSecrets } from "./env-fixtures.ts";

/** lib/env.ts, continued: where the server listens, which names it answers to, the hashing budget. */

describe("HOST", () => {
  test("loopback unless told otherwise", () => {
    assert.equal(withSecrets().HOST, "127.0.0.1");
    for (const host of ["0.0.0.0", "::", "[::1]", "192.168.1.20", "demo.lan"]) assert.equal(withSecrets({ HOST: host }).HOST, host);
  });

  test("anything that is not an address or a host name is refused at start", () => {
    for (const host of ["http://0.0.0.0", "0.0.0.0:3000/", "a b"]) assertInvalid({ ...SECRETS, HOST: host }, "HOST");
  });
});

describe("PUBLIC_ORIGINS", () => {
  test("unset: none (loopback names only)", () => {
    assert.deepEqual(withSecrets().PUBLIC_ORIGINS, []);
  });

  test("comma-separated origins, in the form a browser's Origin header takes", () => {
    assert.deepEqual(withSecrets({ PUBLIC_ORIGINS: " https://Auth.Example.com:443/ , http://192.0.2.20:3100" }).PUBLIC_ORIGINS, ["https://auth.example.com", "http://192.0.2.20:3100"]);
  });

  test("a path, query, credentials or another scheme is refused, naming the entry", () => {
    for (const bad of ["https://auth.example.com/app", "https://auth.example.com/?x=1", "https://user:pw@auth.example.com", "ftp://auth.example.com", "auth.example.com"]) {
      assert.throws(() => withSecrets({ PUBLIC_ORIGINS: `http://localhost:3000,${bad}` }), /^ {2}- PUBLIC_ORIGINS\.1: /m, bad);
    }
  });
});

describe("the password-hashing budget", () => {
  test("unset: derived from the machine (lib/password-budget.ts); set: positive numbers", () => {
    assert.equal(withSecrets().PASSWORD_HASHES_PER_SECOND, undefined);
    assert.equal(withSecrets({ PASSWORD_HASHES_PER_SECOND: "0.5", PASSWORD_HASH_BURST: "3" }).PASSWORD_HASHES_PER_SECOND, 0.5);
    assertInvalid({ ...SECRETS, PASSWORD_HASHES_PER_SECOND: "0" }, "PASSWORD_HASHES_PER_SECOND");
    assertInvalid({ ...SECRETS, PASSWORD_HASH_BURST: "1.5" }, "PASSWORD_HASH_BURST");
  });
});

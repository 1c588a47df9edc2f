import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { describe, test } from "node:test";
import { resetConfigForTests } from "../../env.ts";
import { principalOf } from "./principal.ts";
import type { AccessClaims } from "./token/token.ts";

process.env.SESSION_SECRET = randomBytes(32).toString("base64url");
process.env.JWT_SECRET = randomBytes(32).toString("base64url");
process.env.JWT_KEY_ENCRYPTION_SECRET = randomBytes(32).toString("base64url");
resetConfigForTests();

const claims = (): AccessClaims => ({ sub: "u1", role: "user", ver: 0, jti: "j1", fid: "f1", iat: 1_800_000_000, exp: 1_800_000_900, iss: "i", aud: "a" });

describe("principalOf: one principal per warm token", () => {
  test("the same claims object gives the very same principal, built from it", () => {
    const verified = claims();
    const first = principalOf(verified, "t".repeat(400), false);
    assert.equal(principalOf(verified, "t".repeat(400), false), first);
    assert.deepEqual([first.userId, first.api.jti, first.api.bytes, first.expiresAt.getTime()], ["u1", "j1", 400, 1_800_000_900_000]);
  });

  test("fail-open, or another revocation check configured, is a principal of its own", () => {
    const verified = claims();
    const closed = principalOf(verified, "token", false);
    const open = principalOf(verified, "token", true);
    assert.notEqual(open, closed);
    assert.equal(open.failOpen, true);
    process.env.JWT_REVOCATION_CHECK = "none";
    resetConfigForTests();
    try {
      assert.equal(principalOf(verified, "token", false).api.revocationCheck, "none");
    } finally {
      delete process.env.JWT_REVOCATION_CHECK;
      resetConfigForTests();
    }
    assert.equal(principalOf(verified, "token", false).api.revocationCheck, "denylist");
  });

  test("equal claims in another object (another token's verification) are not taken for the same", () => {
    assert.notEqual(principalOf(claims(), "token", false), principalOf(claims(), "token", false));
  });
});

import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { before, describe, test } from "node:test";
import { resetConfigForTests } from "../../env.ts";
import { signAccessToken } from "../../auth/jwt/token/token.ts";
import { verifyAccessTokenAuthoritatively } from "../../auth/jwt/verify/access-keys.ts";
import { hmacTokenKey } from "../../auth/jwt/verify/config.ts";
import { sealSessionId, unsealSessionId } from "../../auth/session/seal.ts";
import {
  editJwt,
  expiredJwt,
  flipSealCharacter,
  jwtSignedWithAnotherKey,
  sealOfUnknownSession,
  sealWithAnotherPassword,
  unsignedAdminJwt,
} from "./forgeries.ts";

/** Each forgery must be refused by the real verifiers for the reason the tampering lab names. */

const SUBJECT = { userId: "user-1", role: "user" as const };
const SESSION_SECRET = randomBytes(32).toString("base64url");
let genuine: string;

before(async () => {
  process.env.SESSION_SECRET = SESSION_SECRET;
  process.env.JWT_SECRET = randomBytes(32).toString("base64url");
  process.env.JWT_KEY_ENCRYPTION_SECRET = randomBytes(32).toString("base64url");
  // HS256: no database in a unit test. The EdDSA forgeries are checked in forgeries.integration.test.ts.
  process.env.JWT_ALG = "HS256";
  resetConfigForTests();
  genuine = (await signAccessToken({ ...SUBJECT, tokenVersion: 0 }, { signingKey: await hmacTokenKey(), issuer: "session-vs-jwt", audience: "session-vs-jwt:web", ttlSeconds: 900, now: new Date() })).token;
});

async function codeOf(token: string): Promise<string> {
  const verified = await verifyAccessTokenAuthoritatively(token, new Date());
  return verified.ok ? "accepted" : verified.code;
}

describe("JWT forgeries", () => {
  test("the genuine token is accepted (the control)", async () => {
    assert.equal(await codeOf(genuine), "accepted");
  });

  test("role edited to admin, signature kept → token_bad_signature", async () => {
    const forged = editJwt(genuine, { payload: { role: "admin" } });
    assert.equal(JSON.parse(Buffer.from(forged.split(".")[1]!, "base64url").toString()).role, "admin");
    assert.equal(forged.split(".")[2], genuine.split(".")[2]);
    assert.equal(await codeOf(forged), "token_bad_signature");
  });

  test("alg: none with no signature → token_alg_not_allowed", async () => {
    const forged = unsignedAdminJwt(genuine);
    assert.ok(forged.endsWith("."));
    assert.equal(JSON.parse(Buffer.from(forged.split(".")[0]!, "base64url").toString()).alg, "none");
    assert.equal(await codeOf(forged), "token_alg_not_allowed");
  });

  test("real key, exp beyond the clock leeway → token_expired", async () => {
    assert.equal(await codeOf(await expiredJwt(SUBJECT)), "token_expired");
  });

  test("another key → token_bad_signature", async () => {
    assert.equal(await codeOf(await jwtSignedWithAnotherKey(SUBJECT)), "token_bad_signature");
  });
});

describe("session forgeries", () => {
  test("one flipped character: same shape, same length, refused by the MAC", async () => {
    const seal = await sealSessionId("a-session-id", SESSION_SECRET, 600);
    const flipped = flipSealCharacter(seal);
    assert.equal(flipped.length, seal.length);
    assert.equal([...flipped].filter((char, index) => char !== seal[index]).length, 1);
    assert.equal(await unsealSessionId(flipped, SESSION_SECRET), null);
  });

  test("a seal made with another password does not unseal", async () => {
    assert.equal(await unsealSessionId(await sealWithAnotherPassword(), SESSION_SECRET), null);
  });

  test("a genuine seal of a made-up id unseals: only the row can refuse it", async () => {
    assert.match((await unsealSessionId(await sealOfUnknownSession(), SESSION_SECRET)) ?? "", /^[\w-]{43}$/);
  });

  test("something that is not a seal is refused loudly, not mangled", () => {
    assert.throws(() => flipSealCharacter("not-a-seal"), /not an iron seal/);
  });
});

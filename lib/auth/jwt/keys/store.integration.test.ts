import assert from "node:assert/strict";
import { decodeProtectedHeader } from "jose";
import { after, beforeEach, describe, test } from "node:test";
import { at, cleanUpTestDatabase, countQueries, SECOND, T0, overrideConfig } from "../../../test-database.ts";
import { mintDownstreamToken } from "../../downstream-token.ts";
import { publishedJwks } from "./admin.ts";
import { getDb } from "../../../db.ts";
import { getConfig } from "../../../env.ts";
import { verifyAccessTokenAuthoritatively, accessTokenSignSettings } from "../verify/access-keys.ts";
import { decryptPrivateKey } from "./encryption.ts";
import { PUBLISH_LEAD_SECONDS } from "./timeline.ts";
import { forgetLoadedKeys } from "./key-set.ts";
import { loadSigningKeys, readSigningKeys, rotateSigningKey } from "./store.ts";
import { ed25519SignKey } from "./crypto-keys.ts";
import { signAccessToken } from "../token/token.ts";

after(cleanUpTestDatabase);

// This file owns the SigningKey table while it runs (integration files run one at a time).
beforeEach(async () => {
  await getDb().signingKey.deleteMany({});
  forgetLoadedKeys();
});

const TAIL = 915;
const options = (now: Date) => ({ now, tailSeconds: TAIL, encryptionSecret: getConfig().JWT_KEY_ENCRYPTION_SECRET });
const stateOf = async () => Object.fromEntries((await readSigningKeys()).map((key) => [key.generation, key.state]));

describe("SigningKey store", () => {
  test("the first load creates one active key, its private half encrypted under the configured secret", async () => {
    const { keys } = await loadSigningKeys(options(T0));
    assert.equal(keys.length, 1);
    const [key] = keys;
    assert.equal(key!.state, "active");
    assert.equal(key!.generation, 1);
    assert.deepEqual(Object.keys(key!.publicJwk).sort(), ["crv", "kty", "x"]);
    assert.equal(decryptPrivateKey(key!.encryptedPrivateKey, key!.kid, getConfig().JWT_KEY_ENCRYPTION_SECRET).ok, true);
    const row = await getDb().signingKey.findUniqueOrThrow({ where: { kid: key!.kid } });
    assert.doesNotMatch(row.encryptedPrivateKey, /BEGIN|MC4CAQAw/, "no PEM or raw PKCS#8 at rest");
  });

  test("eight instances loading an empty table at once end with exactly one key", async () => {
    const loads = await Promise.all(Array.from({ length: 8 }, () => loadSigningKeys(options(T0))));
    const rows = await readSigningKeys();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.state, "active");
    for (const loaded of loads) assert.deepEqual(loaded.keys.map((key) => key.kid), [rows[0]!.kid]);
  });

  test("rotate → next; after the publish lead → active and the old one retiring; after the tail → retired", async () => {
    await loadSigningKeys(options(T0));
    const next = await rotateSigningKey({ now: at(10 * SECOND), encryptionSecret: getConfig().JWT_KEY_ENCRYPTION_SECRET });
    assert.equal(next.state, "next");
    assert.equal(next.activatesAt.getTime(), at(10 * SECOND + PUBLISH_LEAD_SECONDS * SECOND).getTime());
    await loadSigningKeys(options(at(11 * SECOND)));
    assert.deepEqual(await stateOf(), { 1: "active", 2: "next" });
    const switchAt = at(10 * SECOND + PUBLISH_LEAD_SECONDS * SECOND);
    await loadSigningKeys(options(switchAt));
    assert.deepEqual(await stateOf(), { 1: "retiring", 2: "active" });
    const old = (await readSigningKeys()).find((key) => key.generation === 1)!;
    assert.equal(old.retiresAt?.getTime(), switchAt.getTime() + TAIL * SECOND);
    await loadSigningKeys(options(at(TAIL * SECOND, switchAt)));
    assert.deepEqual(await stateOf(), { 1: "retired", 2: "active" });
  });

  test("applying the same transition twice, or from several instances at once, changes nothing more", async () => {
    await loadSigningKeys(options(T0));
    await rotateSigningKey({ now: T0, encryptionSecret: getConfig().JWT_KEY_ENCRYPTION_SECRET });
    const later = at(PUBLISH_LEAD_SECONDS * SECOND);
    await Promise.all([loadSigningKeys(options(later)), loadSigningKeys(options(later)), loadSigningKeys(options(later))]);
    const first = await readSigningKeys();
    await loadSigningKeys(options(later));
    assert.deepEqual(await readSigningKeys(), first);
    assert.deepEqual(await stateOf(), { 1: "retiring", 2: "active" });
  });

  test("a back-dated `now` (the labs' expired token) signs with an existing key and never creates one", async () => {
    const now = new Date();
    const first = await accessTokenSignSettings(now);
    const backDated = await accessTokenSignSettings(new Date(now.getTime() - 135 * SECOND));
    assert.equal(backDated.signingKey.kid, first.signingKey.kid);
    forgetLoadedKeys();
    const reloaded = await accessTokenSignSettings(new Date(now.getTime() - 135 * SECOND));
    assert.equal(reloaded.signingKey.kid, first.signingKey.kid);
    assert.equal(await getDb().signingKey.count(), 1);
  });

  test("two rotations at once make two keys with distinct generations, never a clash", async () => {
    await loadSigningKeys(options(T0));
    const secret = getConfig().JWT_KEY_ENCRYPTION_SECRET;
    const made = await Promise.all([rotateSigningKey({ now: T0, encryptionSecret: secret }), rotateSigningKey({ now: T0, encryptionSecret: secret })]);
    assert.deepEqual(made.map((key) => key.generation).sort(), [2, 3]);
  });
});

describe("authoritative verification against the stored key set", () => {
  test("a token signed by the active key verifies; after rotation and activation the old token still does", async () => {
    const now = new Date();
    const settings = await accessTokenSignSettings(now);
    assert.equal(settings.signingKey.alg, "EdDSA");
    assert.equal(settings.audience, getConfig().JWT_AUDIENCE, "the app alone: the downstream gets exchanged tokens");
    const { token } = await signAccessToken({ userId: "u", role: "user", tokenVersion: 0 }, { ...settings, ttlSeconds: 60 });
    assert.equal((await verifyAccessTokenAuthoritatively(token, now)).ok, true);
    // Another instance rotates, with its activation already due: this process learns of it by reloading.
    await getDb().signingKey.updateMany({ data: { activatesAt: new Date(now.getTime() - 60 * SECOND) } });
    await rotateSigningKey({ now: new Date(now.getTime() - PUBLISH_LEAD_SECONDS * SECOND), encryptionSecret: getConfig().JWT_KEY_ENCRYPTION_SECRET });
    const newSettings = await accessTokenSignSettings(now);
    assert.equal(newSettings.signingKey.kid, settings.signingKey.kid, "still the cached key before any reload");
    const fresh = await signAccessToken({ userId: "u", role: "user", tokenVersion: 0 }, { ...(await freshSettings(now)), ttlSeconds: 60 });
    assert.notEqual(decodeProtectedHeader(fresh.token).kid, settings.signingKey.kid);
    assert.equal((await verifyAccessTokenAuthoritatively(token, now)).ok, true, "the retiring key still verifies");
  });

  test("a kid this process has not loaded yet triggers one reload (rate-limited), and then verifies", async () => {
    const now = new Date();
    const secret = getConfig().JWT_KEY_ENCRYPTION_SECRET;
    await accessTokenSignSettings(now); // this process loads: one active key
    const rotated = await rotateSigningKey({ now: new Date(now.getTime() - PUBLISH_LEAD_SECONDS * SECOND), encryptionSecret: secret });
    // Another instance already signs with the new key.
    const plaintext = decryptPrivateKey(rotated.encryptedPrivateKey, rotated.kid, secret);
    assert.ok(plaintext.ok);
    const signingKey = { kid: rotated.kid, alg: "EdDSA" as const, key: await ed25519SignKey(rotated.kid, () => plaintext.plaintext) };
    const { issuer, audience } = { issuer: getConfig().JWT_ISSUER, audience: getConfig().JWT_AUDIENCE };
    const elsewhere = await signAccessToken({ userId: "u", role: "user", tokenVersion: 0 }, { signingKey, issuer, audience, ttlSeconds: 60, now });
    const first = await countQueries(() => verifyAccessTokenAuthoritatively(elsewhere.token, now));
    assert.equal(first.result.ok, true);
    assert.ok(first.queries >= 1, "it re-read the table");
    // A junk kid right after: refused without another read (at most one reload per few seconds).
    const junk = await signAccessToken({ userId: "u", role: "user", tokenVersion: 0 }, { signingKey: { ...signingKey, kid: "not-a-kid-of-ours" }, issuer, audience, ttlSeconds: 60, now });
    const second = await countQueries(() => verifyAccessTokenAuthoritatively(junk.token, now));
    assert.equal(!second.result.ok && second.result.code, "token_unknown_kid");
    assert.equal(second.queries, 0);
  });
});

describe("JWT_ALG=HS256 keeps the symmetric variant", () => {
  test("no kid, the app's audience alone, an empty JWKS, no downstream tokens, and no key rows needed", async () => {
    const restore = overrideConfig({ JWT_ALG: "HS256" });
    try {
      const now = new Date();
      const settings = await accessTokenSignSettings(now);
      assert.deepEqual([settings.signingKey.alg, settings.signingKey.kid, settings.audience], ["HS256", null, getConfig().JWT_AUDIENCE]);
      const { token } = await signAccessToken({ userId: "u", role: "user", tokenVersion: 0 }, { ...settings, ttlSeconds: 60 });
      assert.deepEqual(decodeProtectedHeader(token), { alg: "HS256", typ: "at+jwt" });
      assert.equal((await verifyAccessTokenAuthoritatively(token, now)).ok, true);
      assert.deepEqual(await publishedJwks(now), { keys: [] });
      const principal = { mode: "session", userId: "u", role: "user", expiresAt: now, handles: { tokenVersion: 0 } } as Parameters<typeof mintDownstreamToken>[0];
      const minted = await mintDownstreamToken(principal, now);
      assert.equal(minted.ok ? "ok" : minted.code, "eddsa_required");
      assert.equal(await getDb().signingKey.count(), 0);
    } finally {
      restore();
    }
  });

  test("an EdDSA token is refused in HS256 mode, and an HS256 token in EdDSA mode", async () => {
    const now = new Date();
    const eddsa = await signAccessToken({ userId: "u", role: "user", tokenVersion: 0 }, { ...(await accessTokenSignSettings(now)), ttlSeconds: 60 });
    const restore = overrideConfig({ JWT_ALG: "HS256" });
    let hs256: string;
    try {
      hs256 = (await signAccessToken({ userId: "u", role: "user", tokenVersion: 0 }, { ...(await accessTokenSignSettings(now)), ttlSeconds: 60 })).token;
      const refused = await verifyAccessTokenAuthoritatively(eddsa.token, now);
      assert.equal(!refused.ok && refused.code, "token_unknown_kid");
    } finally {
      restore();
    }
    const refused = await verifyAccessTokenAuthoritatively(hs256, now);
    assert.equal(!refused.ok && refused.code, "token_missing_kid");
  });
});

async function freshSettings(now: Date) {
  forgetLoadedKeys();
  const settings = await accessTokenSignSettings(now);
  return settings;
}

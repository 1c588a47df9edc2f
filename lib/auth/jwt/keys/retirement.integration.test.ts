import assert from "node:assert/strict";
import { after, beforeEach, describe, test } from "node:test";
import { decodeProtectedHeader } from "jose";
import { getDb } from "../../../db.ts";
import { getConfig } from "../../../env.ts";
import { cleanUpTestDatabase, countQueries, SECOND } from "../../../test-database.ts";
import { accessTokenSignSettings, verifyAccessTokenAuthoritatively } from "../verify/access-keys.ts";
import { retireSigningKeyNow } from "./admin.ts";
import { KEY_RELOAD_INTERVAL_SECONDS, PUBLISH_LEAD_SECONDS } from "./timeline.ts";
import { forgetLoadedKeys, verificationKeys, verifyTailSeconds } from "./key-set.ts";
import { readSigningKeys, rotateSigningKey } from "./store.ts";
import { signAccessToken } from "../token/token.ts";

// A key retired by hand — on /admin/keys or `npm run keys:rotate -- --retire` here, or in the
// table by another process — takes effect on the next check: at once on the instance that
// retired it, and on every other one with the first check after its key-set reload interval.
// Never "once more" from a stale copy (issue 18 item 7: it verified once after 65 s).

after(cleanUpTestDatabase);

// This file owns the SigningKey table while it runs (integration files run one at a time).
beforeEach(async () => {
  await getDb().signingKey.deleteMany({});
  forgetLoadedKeys();
});

const later = (from: Date, seconds: number) => new Date(from.getTime() + seconds * SECOND);

async function tokenAt(now: Date): Promise<{ token: string; kid: string }> {
  const { token } = await signAccessToken({ userId: "u", role: "user", tokenVersion: 0 }, { ...(await accessTokenSignSettings(now)), ttlSeconds: 600 });
  return { token, kid: String(decodeProtectedHeader(token).kid) };
}

const codeOf = async (token: string, now: Date) => {
  const result = await verifyAccessTokenAuthoritatively(token, now);
  return result.ok ? "ok" : result.code;
};

describe("a key retired in the table by another process (SQL, or keys:rotate on another host)", () => {
  test("is refused by the very first check once this copy is due — not served once more from it", async () => {
    const loaded = new Date();
    const { token, kid } = await tokenAt(loaded);
    assert.equal(await codeOf(token, later(loaded, 1)), "ok");
    await getDb().signingKey.updateMany({ where: { kid }, data: { state: "retired", retiresAt: later(loaded, 2) } });
    // Within the reload interval this instance has not looked: the documented bound.
    assert.equal(await codeOf(token, later(loaded, 10)), "ok");
    // The first check past it (here 65 s, as in the report) waits for the table and refuses.
    assert.equal(await codeOf(token, later(loaded, 65)), "token_unknown_kid");
    assert.equal(await codeOf(token, later(loaded, 66)), "token_unknown_kid");
  });

  test("the check that finds the copy due re-reads the table itself; a check just before it does not wait", async () => {
    const loaded = new Date();
    const { token } = await tokenAt(loaded);
    const early = await countQueries(() => verifyAccessTokenAuthoritatively(token, later(loaded, KEY_RELOAD_INTERVAL_SECONDS - 10)));
    assert.equal(early.queries, 0, "a fresh copy answers without the database");
    const due = await countQueries(() => verifyAccessTokenAuthoritatively(token, later(loaded, KEY_RELOAD_INTERVAL_SECONDS)));
    assert.ok(due.queries >= 1, "the due check read the table before answering");
    assert.equal(due.result.ok, true);
  });
});

describe("retireSigningKeyNow (the admin page, the API and keys:rotate --retire)", () => {
  test("this instance refuses the key on its very next check; a new key signs at once", async () => {
    const now = new Date();
    const { token, kid } = await tokenAt(now);
    assert.equal(await codeOf(token, now), "ok");
    const result = await retireSigningKeyNow(kid, now);
    assert.ok(result.ok);
    assert.equal(result.retired.state, "retired");
    assert.ok(result.replacement, "the signing key was retired, so another signs");
    assert.equal(await codeOf(token, now), "token_unknown_kid");
    const fresh = await tokenAt(now);
    assert.equal(fresh.kid, result.replacement.kid);
    assert.equal(await codeOf(fresh.token, now), "ok");
  });

  test("a published next key is the one made to sign, rather than a new unpublished one", async () => {
    const now = new Date();
    const { kid } = await tokenAt(now);
    const next = await rotateSigningKey({ now, encryptionSecret: getConfig().JWT_KEY_ENCRYPTION_SECRET });
    const result = await retireSigningKeyNow(kid, later(now, 5));
    assert.ok(result.ok);
    assert.equal(result.replacement?.kid, next.kid);
    assert.equal(result.replacement?.state, "active");
    assert.equal((await readSigningKeys()).length, 2, "no third key");
  });

  test("a retiring key is retired without touching the signer; unknown and retired kids are refused", async () => {
    const now = new Date();
    const { kid: old } = await tokenAt(now);
    await rotateSigningKey({ now: later(now, -200), encryptionSecret: getConfig().JWT_KEY_ENCRYPTION_SECRET });
    forgetLoadedKeys();
    const signer = (await tokenAt(now)).kid;
    assert.notEqual(signer, old);
    const result = await retireSigningKeyNow(old, now);
    assert.ok(result.ok);
    assert.equal(result.replacement, null);
    assert.equal((await tokenAt(now)).kid, signer);
    assert.deepEqual(await retireSigningKeyNow(old, now).then((again) => (again.ok ? "ok" : again.code)), "key_already_retired");
    assert.deepEqual(await retireSigningKeyNow("no-such-kid", now).then((again) => (again.ok ? "ok" : again.code)), "key_not_found");
  });
});

describe("the allowlist between reloads (built once, kept until a key's state turns by the clock)", () => {
  test("the same list serves check after check; a retiring key leaves it at its retiresAt, without a reload", async () => {
    const start = new Date();
    const { kid: oldKid } = await tokenAt(start);
    await rotateSigningKey({ now: start, encryptionSecret: getConfig().JWT_KEY_ENCRYPTION_SECRET });
    // Load a fresh copy 10 s before the old key's tail ends: it is retiring, and still verifies.
    const retiresAt = later(start, PUBLISH_LEAD_SECONDS + verifyTailSeconds());
    const loadedAt = later(retiresAt, -10);
    forgetLoadedKeys();
    const before = await verificationKeys(loadedAt);
    assert.equal(before.length, 2);
    assert.ok(before.some((key) => key.kid === oldKid), "the retiring key still verifies");
    assert.equal(await verificationKeys(later(loadedAt, 5)), before, "within a turn: the very same list, not rebuilt");
    // 15 s later: past the turn, well inside the reload interval. No query, a shorter list.
    const after = await countQueries(() => verificationKeys(later(loadedAt, 15)));
    assert.equal(after.queries, 0, "the copy was not reloaded");
    assert.deepEqual(after.result.map((key) => key.kid), before.filter((key) => key.kid !== oldKid).map((key) => key.kid));
  });
});

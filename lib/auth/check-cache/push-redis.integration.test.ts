import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { cleanUpTestDatabase, createTestUser, overrideConfig, REDIS_TEST_URL } from "../../test-database.ts";
import { getDb } from "../../db.ts";
import { useSharedStateForTests } from "../../state/index.ts";
import { createRedisState } from "../../state/redis.ts";
import { strategies } from "../registry.ts";
import type { RequestMeta } from "../types.ts";
import { checkCacheReady, checkTags, resetCheckCacheForTests } from "./index.ts";
import { createPushedCache, INVALIDATION_CHANNEL } from "./pushed-cache.ts";

/**
 * Two instances of a fleet, as two Redis state handles on one server: this process's check
 * cache, and "another instance" that ends a login in the database and publishes the eviction.
 * The next check here is refused. No timing: the test waits for the message itself, through a
 * probe subscribed after the cache on the same connection (Redis delivers in order, and
 * redis.ts calls a channel's handlers in the order they subscribed).
 */

const prefix = `svj-test:${randomUUID()}:`;
const here = createRedisState(REDIS_TEST_URL, prefix);
const elsewhere = createRedisState(REDIS_TEST_URL, prefix);
const otherInstance = createPushedCache({ messages: elsewhere.messages, maxEntries: 100, maxAgeMs: 60_000, retryAfterMs: 1000 });
const arrivals: (() => void)[] = [];
const nextArrival = () => new Promise<void>((resolve) => arrivals.push(resolve));

let restoreConfig: () => void;
before(async () => {
  restoreConfig = overrideConfig({ SESSION_CACHE: "push", JWT_REVOCATION_CHECK: "denylist" });
  useSharedStateForTests(here);
  await resetCheckCacheForTests();
  await checkCacheReady();
  await here.messages.subscribe(INVALIDATION_CHANNEL, () => arrivals.shift()?.());
  await otherInstance.ready();
});
after(async () => {
  await resetCheckCacheForTests();
  useSharedStateForTests();
  await otherInstance.close();
  await Promise.all([here.close(), elsewhere.close()]);
  const redis = new Redis(REDIS_TEST_URL);
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
  restoreConfig();
  await cleanUpTestDatabase();
});

const meta = (): RequestMeta => ({ now: new Date(), userAgent: "push-redis-test", ip: "192.0.2.8" });

test("a session ended on another instance is refused here on the next request", async () => {
  const issued = await strategies.session.signIn(await createTestUser(), meta());
  const seal = issued.cookies[0]!.value;
  const sessionId = issued.principal.handles.sessionId!;
  await strategies.session.verify(seal, meta());
  const warm = await strategies.session.verify(seal, meta());
  assert.equal(warm.ok && warm.servedFromCache, true, "served from this instance's cache before");

  // The other instance's logout: the row goes, then its eviction is published.
  await getDb().session.deleteMany({ where: { id: sessionId } });
  const arrived = nextArrival();
  await otherInstance.invalidate([checkTags.session(sessionId)]);
  await arrived;
  const next = await strategies.session.verify(seal, meta());
  assert.equal(next.ok, false);
  if (!next.ok) assert.equal(next.code, "session_unknown");
});

test("a JWT made stale on another instance (version bump) is refused here on the next request", async () => {
  const user = await createTestUser();
  const token = String((await strategies.jwt.signIn(user, meta())).apiFields.accessToken);
  await strategies.jwt.verify(token, meta());
  const warm = await strategies.jwt.verify(token, meta());
  assert.equal(warm.ok && warm.servedFromCache, true);

  await getDb().user.update({ where: { id: user.id }, data: { tokenVersion: { increment: 1 } } });
  const arrived = nextArrival();
  await otherInstance.invalidate([checkTags.user(user.id)]);
  await arrived;
  const next = await strategies.jwt.verify(token, meta());
  assert.equal(next.ok, false);
  if (!next.ok) assert.equal(next.code, "token_stale");
});

test("and the other way round: a logout here evicts what the other instance cached", async () => {
  const issued = await strategies.session.signIn(await createTestUser(), meta());
  const sessionId = issued.principal.handles.sessionId!;
  otherInstance.remember(`session:${sessionId}`, "its copy of the row", [checkTags.session(sessionId)], otherInstance.generation());
  assert.equal(otherInstance.get(`session:${sessionId}`), "its copy of the row");
  let signal = () => {};
  const arrived = new Promise<void>((resolve) => (signal = resolve));
  const probe = await elsewhere.messages.subscribe(INVALIDATION_CHANNEL, () => signal());
  await strategies.session.signOut({ credential: issued.cookies[0]!.value, companions: {} }, meta());
  await arrived;
  await probe.close();
  assert.equal(otherInstance.get(`session:${sessionId}`), undefined);
});

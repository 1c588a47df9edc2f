import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { cleanUpTestDatabase, countQueries, createTestUser, overrideConfig } from "../../test-database.ts";
import { strategies } from "../registry.ts";
import type { RequestMeta } from "../types.ts";
import { checkCacheReady, MAX_AGE_MS, resetCheckCacheForTests } from "./index.ts";

/**
 * SESSION_CACHE=push's max age against a real database: a copy is never made young again by
 * being served, so the bound an unpublished invalidation relies on holds under steady traffic.
 */

let restoreConfig: () => void;
before(async () => {
  restoreConfig = overrideConfig({ SESSION_CACHE: "push" });
  await resetCheckCacheForTests();
  await checkCacheReady();
});
after(async () => {
  await resetCheckCacheForTests();
  restoreConfig();
  await cleanUpTestDatabase();
});

const meta = (): RequestMeta => ({ now: new Date(), userAgent: "push-max-age-test", ip: "192.0.2.8" });

describe("SESSION_CACHE=push: a copy's age counts from its database read", () => {
  // The max age is the bound an unpublished invalidation relies on (pushed-cache.ts retries
  // it only that long): serving a copy must not make it young again, however busy the session.
  test("a session checked every few seconds is still read afresh once its copy is MAX_AGE_MS old", async (t) => {
    const restore = overrideConfig({ SESSION_TOUCH_INTERVAL_SECONDS: "3600" });
    t.mock.timers.enable({ apis: ["Date"], now: Date.now() });
    try {
      await resetCheckCacheForTests();
      await checkCacheReady();
      const issued = await strategies.session.signIn(await createTestUser(), meta());
      const seal = issued.cookies[0]!.value;
      const check = () => countQueries(() => strategies.session.verify(seal, meta()));
      assert.equal((await check()).queries, 1, "cold: the read");
      for (let elapsed = 5_000; elapsed < MAX_AGE_MS; elapsed += 5_000) {
        t.mock.timers.tick(5_000);
        const warm = await check();
        assert.deepEqual([warm.queries, warm.result.ok && warm.result.servedFromCache], [0, true], `${elapsed} ms after the read: served`);
      }
      t.mock.timers.tick(5_000);
      const aged = await check();
      assert.deepEqual([aged.queries, aged.result.ok && aged.result.servedFromCache === true], [1, false], "past the max age: read again");
    } finally {
      t.mock.timers.reset();
      restore();
      await resetCheckCacheForTests();
      await checkCacheReady();
    }
  });
});

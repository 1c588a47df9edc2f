import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { MAX_AGE_MS, MAX_ENTRIES } from "../auth/check-cache/index.ts";
import { REMEMBER_MAX as TOKEN_MEMO_MAX } from "../auth/jwt/verify/config.ts";
import { REMEMBER_MAX as SEAL_MEMO_MAX, REMEMBER_MS as SEAL_MEMO_MS } from "../auth/session/seal.ts";
import { withSecrets } from "../env-fixtures.ts";
import { RETAIN_AFTER_END_MS } from "../sweep/expired-rows.ts";
import { APP } from "./app-constants.ts";
import { DEFAULT_INPUTS } from "./inputs.ts";

describe("the model's copy of the app's constants", () => {
  test("cache and memo bounds are the code's", () => {
    assert.equal(APP.pushCacheMaxAgeSeconds * 1000, MAX_AGE_MS);
    assert.equal(APP.pushCacheMaxEntries, MAX_ENTRIES);
    assert.equal(APP.sealMemoSeconds * 1000, SEAL_MEMO_MS);
    assert.equal(APP.sealMemoMaxEntries, SEAL_MEMO_MAX);
    assert.equal(APP.tokenMemoMaxEntries, TOKEN_MEMO_MAX);
    assert.equal(APP.sweepRetentionSeconds * 1000, RETAIN_AFTER_END_MS);
  });

  test("configuration defaults are lib/env.ts's", () => {
    const config = withSecrets();
    assert.equal(APP.cookieCacheSeconds, config.SESSION_CACHE_COOKIE_SECONDS);
    assert.equal(APP.sessionTouchIntervalSeconds, config.SESSION_TOUCH_INTERVAL_SECONDS);
    assert.equal(APP.sessionAbsoluteSeconds, config.SESSION_ABSOLUTE_TIMEOUT_SECONDS);
    assert.equal(APP.refreshFamilySeconds, config.JWT_REFRESH_TTL_SECONDS);
    assert.equal(APP.clockSkewSeconds, config.JWT_CLOCK_SKEW_SECONDS);
    assert.equal(DEFAULT_INPUTS.sweepIntervalSeconds, config.SWEEP_INTERVAL_SECONDS);
  });
});

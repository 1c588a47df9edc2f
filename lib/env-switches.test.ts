import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { databaseProvider, DEFAULT_DATABASE_URL } from "./env.ts";
import { assertInvalid, SECRETS, withSecrets } from "./env-fixtures.ts";

/** lib/env.ts, continued: the database kind and the demo's switches (labs, the fleet's instances). */

describe("databaseProvider", () => {
  for (const [url, provider] of [
    ["postgres://u:p@db:5432/app", "postgresql"],
    ["postgresql://u:p@db:5432/app?schema=public", "postgresql"],
    [DEFAULT_DATABASE_URL, "sqlite"],
    ["file:/tmp/test.db", "sqlite"],
  ] as const) {
    test(`${url} → ${provider}`, () => {
      assert.equal(databaseProvider(url), provider);
    });
  }
});

describe("LABS_ENABLED", () => {
  test("unset unless given (labsEnabled() then follows DEMO_MODE), and DEMO_MODE defaults to off", () => {
    assert.equal(withSecrets().LABS_ENABLED, undefined);
    assert.equal(withSecrets({ LABS_ENABLED: "" }).LABS_ENABLED, undefined);
    assert.equal(withSecrets().DEMO_MODE, false);
  });

  test("LABS_ORIGIN must be an http(s) URL", () => {
    assert.equal(withSecrets({ LABS_ORIGIN: "http://127.0.0.1:3000" }).LABS_ORIGIN, "http://127.0.0.1:3000");
    assertInvalid({ ...SECRETS, LABS_ORIGIN: "file:///etc/passwd" }, "LABS_ORIGIN");
  });

  test("false / 0 / off switch the labs off", () => {
    for (const value of ["false", "0", "off"]) assert.equal(withSecrets({ LABS_ENABLED: value }).LABS_ENABLED, false, value);
  });

  test("anything else is refused rather than guessed", () => {
    assertInvalid({ ...SECRETS, LABS_ENABLED: "maybe" }, "LABS_ENABLED");
  });
});

describe("FLEET_INSTANCES", () => {
  test("unset: no fleet (an empty list)", () => {
    assert.deepEqual(withSecrets().FLEET_INSTANCES, []);
  });

  test("a comma-separated list of origins, spaces and trailing slashes trimmed", () => {
    assert.deepEqual(withSecrets({ FLEET_INSTANCES: "http://127.0.0.1:3931/, http://127.0.0.1:3932" }).FLEET_INSTANCES, ["http://127.0.0.1:3931", "http://127.0.0.1:3932"]);
  });

  test("anything that is not an http(s) URL is refused at start-up", () => {
    // Named with the position of the bad entry: FLEET_INSTANCES.1.
    assert.throws(() => withSecrets({ FLEET_INSTANCES: "http://127.0.0.1:3931,app-2" }), /^ {2}- FLEET_INSTANCES\.1: /m);
    assert.throws(() => withSecrets({ FLEET_INSTANCES: "file:///etc/passwd" }), /^ {2}- FLEET_INSTANCES\.0: /m);
  });
});

describe("FLEET_BALANCER_URL", () => {
  test("unset: no balancer (the sticky-sessions lab says how to start a fleet)", () => {
    assert.equal(withSecrets().FLEET_BALANCER_URL, undefined);
  });

  test("must be an http(s) URL", () => {
    assert.equal(withSecrets({ FLEET_BALANCER_URL: "http://127.0.0.1:3930" }).FLEET_BALANCER_URL, "http://127.0.0.1:3930");
    assertInvalid({ ...SECRETS, FLEET_BALANCER_URL: "file:///etc/passwd" }, "FLEET_BALANCER_URL");
  });
});

describe("SESSION_CACHE", () => {
  test("push by default where every process hears a revocation: SQLite, or any database with Redis", () => {
    assert.equal(withSecrets().SESSION_CACHE, "push");
    assert.equal(withSecrets({ DATABASE_URL: "file:./other.db" }).SESSION_CACHE, "push");
    assert.equal(withSecrets({ DATABASE_URL: "postgresql://u@h:5432/db", REDIS_URL: "redis://127.0.0.1:6379" }).SESSION_CACHE, "push");
  });

  test("off by default on PostgreSQL without Redis: processes sharing that database would have no channel", () => {
    assert.equal(withSecrets({ DATABASE_URL: "postgresql://u@h:5432/db" }).SESSION_CACHE, "off");
    assert.equal(withSecrets({ DATABASE_URL: "postgresql://u@h:5432/db", SESSION_CACHE: "push" }).SESSION_CACHE, "push");
  });

  test("off and cookie accepted; anything else refused; the cookie's max age bounded", () => {
    assert.equal(withSecrets({ SESSION_CACHE: "off" }).SESSION_CACHE, "off");
    assert.equal(withSecrets({ SESSION_CACHE: "cookie" }).SESSION_CACHE_COOKIE_SECONDS, 30);
    assertInvalid({ ...SECRETS, SESSION_CACHE: "memory" }, "SESSION_CACHE");
    assertInvalid({ ...SECRETS, SESSION_CACHE_COOKIE_SECONDS: "601" }, "SESSION_CACHE_COOKIE_SECONDS");
  });
});

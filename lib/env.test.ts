import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { DEFAULT_DATABASE_URL, parseConfig } from "./env.ts";
import { assertInvalid, SECRETS, withSecrets } from "./env-fixtures.ts";


describe("secrets", () => {
  test("all missing → one error listing each", () => {
    assertInvalid({}, "SESSION_SECRET", "JWT_SECRET", "JWT_KEY_ENCRYPTION_SECRET");
  });

  test("one missing → that one is named", () => {
    assertInvalid({ SESSION_SECRET: SECRETS.SESSION_SECRET, JWT_KEY_ENCRYPTION_SECRET: SECRETS.JWT_KEY_ENCRYPTION_SECRET }, "JWT_SECRET");
    assertInvalid({ SESSION_SECRET: SECRETS.SESSION_SECRET, JWT_SECRET: SECRETS.JWT_SECRET }, "JWT_KEY_ENCRYPTION_SECRET");
  });

  test("JWT_ALG: EdDSA by default, HS256 on request, nothing else", () => {
    assert.equal(withSecrets().JWT_ALG, "EdDSA");
    assert.equal(withSecrets({ JWT_ALG: "HS256" }).JWT_ALG, "HS256");
    assertInvalid({ ...SECRETS, JWT_ALG: "none" }, "JWT_ALG");
    assertInvalid({ ...SECRETS, JWT_ALG: "RS256" }, "JWT_ALG");
  });

  test("fewer than 32 bytes → refused, without echoing the value", () => {
    const short = Buffer.alloc(31, 3).toString("base64url");
    assertInvalid({ ...SECRETS, JWT_SECRET: short }, "JWT_SECRET");
    assert.throws(() => withSecrets({ JWT_SECRET: short }), (error: Error) => !error.message.includes(short));
  });

  test("base64url is measured decoded: 42 characters (31 bytes) is too short, 43 is enough", () => {
    assertInvalid({ ...SECRETS, SESSION_SECRET: "A".repeat(42) }, "SESSION_SECRET");
    assert.equal(withSecrets({ SESSION_SECRET: "A".repeat(43) }).SESSION_SECRET, "A".repeat(43));
  });

  test("any other string is measured in UTF-8 bytes", () => {
    assertInvalid({ ...SECRETS, SESSION_SECRET: "a passphrase of 31 bytes long!!" }, "SESSION_SECRET");
    assert.ok(withSecrets({ SESSION_SECRET: "a passphrase of 32 bytes long!!!" }));
  });
});

describe("defaults, safe for a local demo", () => {
  test("apply when nothing else is set", () => {
    const config = withSecrets();
    assert.equal(config.NODE_ENV, "development");
    assert.equal(config.DATABASE_URL, DEFAULT_DATABASE_URL);
    assert.equal(config.REDIS_URL, undefined);
    assert.equal(config.JWT_REVOCATION_CHECK, "denylist");
    assert.equal(config.JWT_ISSUER, "session-vs-jwt");
    assert.equal(config.JWT_AUDIENCE, "session-vs-jwt:web");
    assert.equal(config.JWT_CLOCK_SKEW_SECONDS, 15);
    assert.equal(config.JWT_ACCESS_TTL_SECONDS, 900);
    assert.equal(config.JWT_REFRESH_TTL_SECONDS, 14 * 24 * 3600);
    assert.equal(config.SESSION_IDLE_TIMEOUT_SECONDS, 2 * 3600);
    assert.equal(config.SESSION_ABSOLUTE_TIMEOUT_SECONDS, 7 * 24 * 3600);
    assert.equal(config.SESSION_TOUCH_INTERVAL_SECONDS, 60);
  });

  test("an empty variable (`FOO=` in an env file) means unset: the default applies", () => {
    const config = withSecrets({
      DATABASE_URL: "",
      REDIS_URL: "",
      JWT_REVOCATION_CHECK: "",
      JWT_DENYLIST_ON_ERROR: "",
      JWT_ACCESS_TTL_SECONDS: "",
      SESSION_TOUCH_INTERVAL_SECONDS: "",
    });
    assert.equal(config.DATABASE_URL, DEFAULT_DATABASE_URL);
    assert.equal(config.REDIS_URL, undefined);
    assert.equal(config.JWT_REVOCATION_CHECK, "denylist");
    assert.equal(config.JWT_REVOCATION_FAIL, "closed");
    assert.equal(config.JWT_ACCESS_TTL_SECONDS, 900);
    assert.equal(config.SESSION_TOUCH_INTERVAL_SECONDS, 60, "not coerced to 0");
  });

  test("an empty secret is missing, not a short one", () => {
    assertInvalid({ ...SECRETS, SESSION_SECRET: "" }, "SESSION_SECRET");
    assert.throws(() => parseConfig({ ...SECRETS, SESSION_SECRET: "" }), /SESSION_SECRET is required/);
  });
});

describe("numbers", () => {
  test("SWEEP_INTERVAL_SECONDS: hourly by default, 0 turns the sweeper off, anything else at least a minute", () => {
    assert.equal(withSecrets({}).SWEEP_INTERVAL_SECONDS, 3600);
    assert.equal(withSecrets({ SWEEP_INTERVAL_SECONDS: "0" }).SWEEP_INTERVAL_SECONDS, 0);
    assert.equal(withSecrets({ SWEEP_INTERVAL_SECONDS: "60" }).SWEEP_INTERVAL_SECONDS, 60);
    assertInvalid({ ...SECRETS, SWEEP_INTERVAL_SECONDS: "30" }, "SWEEP_INTERVAL_SECONDS");
    assertInvalid({ ...SECRETS, SWEEP_INTERVAL_SECONDS: "-1" }, "SWEEP_INTERVAL_SECONDS");
  });

  test("strings are coerced", () => {
    const config = withSecrets({ JWT_CLOCK_SKEW_SECONDS: "30", SESSION_IDLE_TIMEOUT_SECONDS: "600" });
    assert.equal(config.JWT_CLOCK_SKEW_SECONDS, 30);
    assert.equal(config.SESSION_IDLE_TIMEOUT_SECONDS, 600);
  });

  test("bounds are inclusive", () => {
    assert.equal(withSecrets({ JWT_CLOCK_SKEW_SECONDS: "0" }).JWT_CLOCK_SKEW_SECONDS, 0);
    assert.equal(withSecrets({ JWT_CLOCK_SKEW_SECONDS: "60" }).JWT_CLOCK_SKEW_SECONDS, 60);
  });

  for (const [name, value] of [
    ["JWT_CLOCK_SKEW_SECONDS", "61"],
    ["JWT_CLOCK_SKEW_SECONDS", "-1"],
    ["JWT_ACCESS_TTL_SECONDS", "9"],
    ["JWT_ACCESS_TTL_SECONDS", "1.5"],
    ["SESSION_IDLE_TIMEOUT_SECONDS", "two hours"],
    ["SESSION_ABSOLUTE_TIMEOUT_SECONDS", "59"],
    ["SESSION_TOUCH_INTERVAL_SECONDS", "3601"],
  ] as const) {
    test(`${name}=${value} → refused`, () => {
      assertInvalid({ ...SECRETS, [name]: value }, name);
    });
  }
});

describe("enums and URLs", () => {
  test("JWT_REVOCATION_CHECK takes only its listed values; strict is an alias of denylist", () => {
    for (const value of ["none", "denylist"] as const) {
      assert.equal(withSecrets({ JWT_REVOCATION_CHECK: value }).JWT_REVOCATION_CHECK, value);
    }
    assert.equal(withSecrets({ JWT_REVOCATION_CHECK: "strict" }).JWT_REVOCATION_CHECK, "denylist");
    assertInvalid({ ...SECRETS, JWT_REVOCATION_CHECK: "off" }, "JWT_REVOCATION_CHECK");
    assertInvalid({ ...SECRETS, JWT_REVOCATION_CHECK: "DENYLIST" }, "JWT_REVOCATION_CHECK");
  });

  test("JWT_REVOCATION_FAIL takes open or closed, defaulting to closed", () => {
    assert.equal(withSecrets().JWT_REVOCATION_FAIL, "closed");
    for (const value of ["open", "closed"] as const) {
      assert.equal(withSecrets({ JWT_REVOCATION_FAIL: value }).JWT_REVOCATION_FAIL, value);
    }
    assertInvalid({ ...SECRETS, JWT_REVOCATION_FAIL: "fail-open" }, "JWT_REVOCATION_FAIL");
  });

  test("JWT_DENYLIST_ON_ERROR, its earlier name, still counts when JWT_REVOCATION_FAIL is unset", () => {
    assert.equal(withSecrets({ JWT_DENYLIST_ON_ERROR: "open" }).JWT_REVOCATION_FAIL, "open");
    assert.equal(withSecrets({ JWT_DENYLIST_ON_ERROR: "open", JWT_REVOCATION_FAIL: "closed" }).JWT_REVOCATION_FAIL, "closed");
    assert.equal("JWT_DENYLIST_ON_ERROR" in withSecrets({ JWT_DENYLIST_ON_ERROR: "open" }), false, "one name in the parsed config");
    assertInvalid({ ...SECRETS, JWT_DENYLIST_ON_ERROR: "fail-open" }, "JWT_DENYLIST_ON_ERROR");
  });

  test("DATABASE_URL must be SQLite (file:) or PostgreSQL", () => {
    for (const url of ["file:/tmp/app.db", "postgres://u@db/app", "PostgreSQL://u@db/app"]) {
      assert.equal(withSecrets({ DATABASE_URL: url }).DATABASE_URL, url);
    }
    for (const url of ["mysql://u:p@db:3306/app", "sqlserver://db", "./dev.db", "https://db/app"]) {
      assertInvalid({ ...SECRETS, DATABASE_URL: url }, "DATABASE_URL");
    }
  });

  test("NODE_ENV outside development/production/test → refused", () => {
    assertInvalid({ ...SECRETS, NODE_ENV: "staging" }, "NODE_ENV");
  });

  test("REDIS_URL must be redis:// or rediss://", () => {
    assert.equal(withSecrets({ REDIS_URL: "rediss://cache:6380" }).REDIS_URL, "rediss://cache:6380");
    assertInvalid({ ...SECRETS, REDIS_URL: "http://cache:6379" }, "REDIS_URL");
  });

  test("every problem is reported at once", () => {
    assertInvalid({ JWT_CLOCK_SKEW_SECONDS: "99", REDIS_URL: "nope" }, "SESSION_SECRET", "JWT_SECRET", "JWT_CLOCK_SKEW_SECONDS", "REDIS_URL");
  });
});

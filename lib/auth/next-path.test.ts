import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { dashboardPath, loginPath, safeNextPath } from "./next-path.ts";

describe("safeNextPath: same-origin relative paths pass", () => {
  for (const path of ["/", "/jwt/dashboard", "/jwt/dashboard?x=1#y", "/session/devices?tab=all&x=%2F%2Fevil.com", "/a/%2F/evil.com"]) {
    test(JSON.stringify(path), () => {
      assert.equal(safeNextPath(path), path);
    });
  }

  test("dot segments are resolved", () => {
    assert.equal(safeNextPath("/jwt/../session/dashboard"), "/session/dashboard");
  });

  test("exactly 2048 characters is still accepted", () => {
    const path = "/" + "a".repeat(2047);
    assert.equal(safeNextPath(path), path);
  });
});

describe("safeNextPath: anything that could leave the origin is dropped", () => {
  const rejected = [
    null,
    undefined,
    "",
    "dashboard",
    "./dashboard",
    "//evil.com",
    "//evil.com/jwt/dashboard",
    "/\\evil.com",
    "\\\\evil.com",
    "https://evil.com",
    "http:/evil.com",
    "javascript:alert(1)",
    " /jwt/dashboard",
    "/\t/evil.com",
    "/\n/evil.com",
    "/\r\n/evil.com",
    "/\u0000",
    "/" + "a".repeat(2048),
    // Dot segments that collapse into a protocol-relative "//host" after normalisation.
    "/.//evil.com",
    "/..//evil.com",
    "/a/..//evil.com",
    "/%2e//evil.com",
    "/%2E%2E//evil.com",
  ];
  for (const next of rejected) {
    test(JSON.stringify(next?.length && next.length > 60 ? `${next.slice(0, 20)}… (${next.length} chars)` : next), () => {
      assert.equal(safeNextPath(next), null);
    });
  }

  test("whatever it returns never starts with // or contains a backslash", () => {
    const tricky = ["/./", "/.//", "/.///x", "/..", "/%5C%5Cevil.com", "/x/../../..//evil.com", "/%2e/%2e//evil.com"];
    for (const next of tricky) {
      const safe = safeNextPath(next);
      if (safe !== null) assert.ok(safe.startsWith("/") && !safe.startsWith("//") && !safe.includes("\\"), `${next} → ${safe}`);
    }
  });
});

describe("loginPath", () => {
  test("carries a safe next, URL-encoded", () => {
    assert.equal(loginPath("jwt", "/jwt/dashboard?x=1&y=2#z"), `/jwt/login?next=${encodeURIComponent("/jwt/dashboard?x=1&y=2#z")}`);
  });

  test("drops an unsafe next", () => {
    assert.equal(loginPath("session", "//evil.com"), "/session/login");
    assert.equal(loginPath("session", "https://evil.com"), "/session/login");
    assert.equal(loginPath("session", null), "/session/login");
  });

  test("drops the login page itself", () => {
    assert.equal(loginPath("jwt", "/jwt/login"), "/jwt/login");
    assert.equal(loginPath("session", "/session/login"), "/session/login");
  });

  test("keeps the other mode's pages (they are not this login page)", () => {
    assert.equal(loginPath("jwt", "/session/login"), `/jwt/login?next=${encodeURIComponent("/session/login")}`);
  });
});

describe("dashboardPath", () => {
  test("is per mode", () => {
    assert.equal(dashboardPath("session"), "/session/dashboard");
    assert.equal(dashboardPath("jwt"), "/jwt/dashboard");
  });
});

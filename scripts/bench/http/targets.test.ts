import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { authHeaders, benchTargets, labelWithAlgSeen, serverConfigurations } from "./targets.ts";

describe("serverConfigurations", () => {
  test("one server per check and alg, the denylist + first alg one first and default, on consecutive ports", () => {
    const configs = serverConfigurations({ basePort: 3800 });
    // Two checks × two algs, then the two other caches on the default check and alg.
    assert.equal(configs.length, 6);
    assert.deepEqual(configs[0], { key: "denylist-EdDSA", check: "denylist", alg: "EdDSA", cache: "push", port: 3800, isDefault: true });
    assert.deepEqual(configs.map((config) => config.port), [3800, 3801, 3802, 3803, 3804, 3805]);
    assert.equal(configs.filter((config) => config.isDefault).length, 1);
  });

  test("a fleet takes several ports per configuration", () => {
    const configs = serverConfigurations({ checks: ["none"], algs: ["HS256"], caches: ["push"], basePort: 3850, portStep: 3 });
    assert.deepEqual(configs.map((config) => [config.key, config.port]), [["none-HS256", 3850]]);
    assert.deepEqual(serverConfigurations({ checks: ["none", "denylist"], algs: ["HS256"], caches: ["push"], basePort: 3850, portStep: 3 }).map((config) => config.port), [3850, 3853]);
  });
});

describe("benchTargets", () => {
  const configs = serverConfigurations({ basePort: 3800 });
  const targets = benchTargets(configs);

  test("API routes, our uncredentialed one too, are divided by the framework's floor, dashboards by the public page", () => {
    const byKey = new Map(targets.map((target) => [target.key, target]));
    assert.equal(byKey.get("floor")?.baseline, null);
    assert.equal(byKey.get("floor")?.path, "/api/bench/floor");
    assert.equal(byKey.get("baseline")?.baseline, "floor");
    assert.equal(byKey.get("page")?.baseline, null);
    assert.equal(byKey.get("session-me")?.baseline, "floor");
    assert.equal(byKey.get("jwt-me-bearer-denylist-HS256")?.baseline, "floor");
    assert.equal(byKey.get("session-dashboard")?.baseline, "page");
    assert.equal(byKey.get("jwt-dashboard")?.baseline, "page");
  });

  test("JWT /me is measured by cookie and by Bearer on every configuration", () => {
    const jwtMe = targets.filter((target) => target.path === "/api/jwt/me");
    assert.equal(jwtMe.length, configs.length * 2);
    for (const config of configs) assert.equal(jwtMe.filter((target) => target.server === config.key).length, 2);
  });

  test("each target carries issue 20's goal against the floor: our route within 1.1×, every /me with revocation on, dashboards", () => {
    const goal = (key: string) => targets.find((target) => target.key === key)?.goal;
    assert.equal(goal("baseline"), 0.91);
    assert.equal(goal("jwt-me-cookie-denylist-EdDSA"), 0.9);
    assert.equal(goal("jwt-me-bearer-denylist-HS256"), 0.9);
    assert.equal(goal("jwt-me-bearer-none-HS256"), null);
    assert.equal(goal("session-me"), 0.9);
    assert.equal(goal("jwt-dashboard"), 0.85);
    assert.equal(goal("floor"), null);
    assert.equal(goal("page"), null);
  });

  test("the default configuration's /me's come first, each alternative's after it", () => {
    const configs = serverConfigurations({ checks: ["denylist", "none"], algs: ["EdDSA"], caches: ["push", "off"], basePort: 3800 });
    const me = benchTargets(configs).filter((t) => t.path.endsWith("/me")).map((t) => t.server);
    assert.deepEqual(me, ["denylist-EdDSA", "denylist-EdDSA", "denylist-EdDSA", "none-EdDSA", "none-EdDSA", "denylist-EdDSA-cache-off", "denylist-EdDSA-cache-off", "denylist-EdDSA-cache-off"]);
  });

  test("keys are unique", () => {
    assert.equal(new Set(targets.map((target) => target.key)).size, targets.length);
  });
});

describe("authHeaders", () => {
  const credentials = {
    session: { cookies: [{ name: "s", value: "1", path: "/" }] },
    jwt: { cookies: [{ name: "j", value: "2", path: "/" }, { name: "r", value: "3", path: "/api/jwt" }], accessToken: "tok" },
  };
  test("presents each credential the way its target says, with the cookies a browser would send there", () => {
    assert.deepEqual(authHeaders("none", credentials, "/x"), {});
    assert.deepEqual(authHeaders("session-cookie", credentials, "/session/dashboard"), { Cookie: "s=1" });
    assert.deepEqual(authHeaders("jwt-cookie", credentials, "/jwt/dashboard"), { Cookie: "j=2" });
    assert.deepEqual(authHeaders("jwt-cookie", credentials, "/api/jwt/me"), { Cookie: "j=2; r=3" });
    assert.deepEqual(authHeaders("jwt-bearer", credentials, "/api/jwt/me"), { Authorization: "Bearer tok" });
  });
  test("refuses an unknown kind", () => assert.throws(() => authHeaders("basic", credentials, "/"), /unknown auth kind/));
});

describe("labelWithAlgSeen", () => {
  const [config] = serverConfigurations({ checks: ["denylist"], algs: ["EdDSA"], basePort: 3800 });
  const [, , , cookie] = benchTargets([config!]);
  test("says so when a server signed with another alg than JWT_ALG asked for", () => {
    assert.equal(labelWithAlgSeen(cookie!, config!, "HS256").label, "JWT /me (cookie, denylist, EdDSA asked, HS256 signed)");
  });
  test("leaves the label alone when the alg matches, is unknown, or the target is not a JWT one", () => {
    assert.equal(labelWithAlgSeen(cookie!, config!, "EdDSA").label, "JWT /me (cookie, denylist, EdDSA)");
    assert.equal(labelWithAlgSeen(cookie!, config!, null).label, "JWT /me (cookie, denylist, EdDSA)");
    const session = benchTargets([config!]).find((target) => target.key === "session-me")!;
    assert.equal(labelWithAlgSeen(session, config!, "HS256"), session);
  });
});

describe("SESSION_CACHE dimension", () => {
  test("each other cache gets one server on the default check and alg, with its own session and JWT /me", () => {
    const configs = serverConfigurations({ checks: ["denylist"], algs: ["EdDSA"], caches: ["push", "off", "cookie"], basePort: 3800 });
    assert.deepEqual(configs.map((c) => [c.key, c.cache, c.isDefault]), [
      ["denylist-EdDSA", "push", true],
      ["denylist-EdDSA-cache-off", "off", false],
      ["denylist-EdDSA-cache-cookie", "cookie", false],
    ]);
    const targets = benchTargets(configs);
    const sessionMe = targets.filter((t) => t.path === "/api/session/me");
    assert.deepEqual(sessionMe.map((t) => t.label), ["session /me (cookie, SESSION_CACHE=push)", "session /me (cookie, SESSION_CACHE=off)", "session /me (cookie, SESSION_CACHE=cookie)"]);
    assert.ok(sessionMe.every((t) => t.goal === 0.9 && t.baseline === "floor"));
    assert.equal(targets.filter((t) => t.path === "/api/jwt/me" && t.server === "denylist-EdDSA-cache-cookie").length, 2);
  });
});

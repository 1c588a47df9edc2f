import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { DEMO_USERS } from "../demo-users.ts";
import { isLoopbackBind } from "./bind.ts";
import { checkExposure, type ExposureInput } from "./check.ts";

const base: ExposureInput = { host: "127.0.0.1", port: 3000, publicOrigins: [], labs: true, demoUsers: undefined, findPublishedDemoUsers: async () => [] };

describe("isLoopbackBind", () => {
  test("loopback names and 127/8 reach only this machine; the rest does not", () => {
    for (const host of ["127.0.0.1", "127.0.0.2", "localhost", "::1", "[::1]"]) assert.equal(isLoopbackBind(host), true, host);
    for (const host of ["0.0.0.0", "::", "[::]", "192.168.1.20", "demo.lan", "localhost.example"]) assert.equal(isLoopbackBind(host), false, host);
  });
});

describe("checkExposure", () => {
  test("on loopback: serve, say nothing, do not even ask the database", async () => {
    const verdict = await checkExposure({ ...base, findPublishedDemoUsers: () => assert.fail("no database look-up on loopback") });
    assert.deepEqual(verdict, { serve: true, notice: [] });
  });

  test("beyond loopback without demo users: serve, and say what is exposed and what protects it", async () => {
    const verdict = await checkExposure({ ...base, host: "0.0.0.0" });
    assert.equal(verdict.serve, true);
    const text = verdict.notice.join("\n");
    assert.match(text, /every network interface of this machine, port 3000/);
    assert.match(text, /run the labs/);
    assert.match(text, /logins are refused on any address but localhost/);
    assert.match(text, /PUBLIC_ORIGINS is empty/);
  });

  test("beyond loopback while demo users with published passwords exist: refused, saying how to remove them", async () => {
    const verdict = await checkExposure({ ...base, host: "0.0.0.0", findPublishedDemoUsers: async () => [DEMO_USERS[0]] });
    assert.equal(verdict.serve, false);
    const refusal = !verdict.serve ? verdict.refusal.join("\n") : "";
    assert.match(refusal, /alice@example\.com \(admin, password "alice-password"\)/);
    assert.match(refusal, /npm run demo-users:remove/);
    assert.match(refusal, /leave HOST unset/);
  });

  test("DEMO_USERS=true beyond loopback: refused before the database is asked", async () => {
    const verdict = await checkExposure({ ...base, host: "192.168.1.20", demoUsers: true, findPublishedDemoUsers: () => assert.fail("not needed") });
    assert.equal(verdict.serve, false);
  });

  test("configured public origins are named", async () => {
    const verdict = await checkExposure({ ...base, host: "0.0.0.0", publicOrigins: ["https://auth.example.com"] });
    assert.match(verdict.notice.join("\n"), /PUBLIC_ORIGINS \(https:\/\/auth\.example\.com\)/);
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CONFIGURATIONS, selectConfigurations, serverPlans } from "./configurations.ts";

describe("configurations", () => {
  const servers = serverPlans(3700);
  it("gives every server its own port from the base", () => {
    assert.deepEqual(servers.map((server) => server.port), [3700, 3701, 3702, 3703, 3704, 3705]);
  });
  it("runs every configuration on a server that exists", () => {
    for (const config of CONFIGURATIONS) assert.ok(servers.some((server) => server.key === config.server), config.key);
  });
  it("selects by app, server or configuration key", () => {
    assert.deepEqual(selectConfigurations(["authjs"], servers).map((c) => c.key), ["authjs-jwt"]);
    assert.deepEqual(selectConfigurations(["better-auth-jwt"], servers).map((c) => c.key), ["better-auth-jwt"]);
    assert.equal(selectConfigurations(["ours"], servers).length, 4);
    assert.equal(selectConfigurations([], servers).length, CONFIGURATIONS.length);
  });
  it("refuses an unknown name instead of measuring nothing", () => {
    assert.throws(() => selectConfigurations(["clerk"], servers), /unknown clerk/);
  });
});

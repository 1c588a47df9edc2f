import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { credentialBytes, merge } from "./clients.ts";
import { queriesFromServerTiming } from "./probes.ts";

describe("queriesFromServerTiming", () => {
  it("reads our auth-db entry", () => {
    assert.equal(queriesFromServerTiming('auth;dur=0.120;desc="session check (warm)", auth-db;desc="queries=0", auth-cookie;desc="bytes=120"'), 0);
    assert.equal(queriesFromServerTiming('auth-db;desc="queries=2"'), 2);
  });
  it("throws rather than report 0 when the entry is missing", () => {
    assert.throws(() => queriesFromServerTiming(null), /no auth-db/);
    assert.throws(() => queriesFromServerTiming('auth;dur=1'), /no auth-db/);
  });
});

describe("credentialBytes", () => {
  it("counts the Cookie header value, or the token after Bearer", () => {
    assert.equal(credentialBytes({ Cookie: "a=1; b=22" }), 9);
    assert.equal(credentialBytes({ Authorization: "Bearer abc.def.ghi" }), 11);
  });
});

describe("merge", () => {
  it("lets a later cookie replace an earlier one and drops emptied ones", () => {
    const earlier = [{ name: "a", value: "1", path: "/" }, { name: "b", value: "2", path: "/" }];
    const later = [{ name: "a", value: "9", path: "/" }, { name: "b", value: "", path: "/" }];
    assert.deepEqual(merge(earlier, later), [{ name: "a", value: "9", path: "/" }]);
  });
});

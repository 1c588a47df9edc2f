import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { haproxyConfig } from "./haproxy-config.mjs";

describe("haproxyConfig", () => {
  const config = haproxyConfig({ port: 3930, instances: [{ name: "app-1", port: 3931 }, { name: "app-2", port: 3932 }] });

  test("balances round robin over every instance, without stickiness", () => {
    assert.match(config, /balance roundrobin/);
    assert.match(config, /server app-1 127\.0\.0\.1:3931 check/);
    assert.match(config, /server app-2 127\.0\.0\.1:3932 check/);
    assert.doesNotMatch(config, /\bcookie\b|stick/);
  });

  test("listens on the fleet's port and names the answering instance", () => {
    assert.match(config, /bind :::3930 v4v6/);
    assert.match(config, /http-response set-header X-Instance %s/);
  });

  test("replaces a client's X-Forwarded-For instead of appending to it", () => {
    const del = config.indexOf("http-request del-header X-Forwarded-For");
    assert.ok(del >= 0 && del < config.indexOf("option forwardfor"));
  });
});

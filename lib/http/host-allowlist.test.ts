import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { withSecrets } from "../env-fixtures.ts";
import { configuredHostPolicy, hostPolicy, isAllowedHost, refuseMisaddressedRequest } from "./host-allowlist.ts";
import { readError } from "./test-responses.ts";

const none = hostPolicy([], 0);

describe("isAllowedHost: loopback names and configured origins only", () => {
  for (const host of ["localhost", "localhost:3000", "LOCALHOST:3100", "127.0.0.1", "127.0.0.1:3100", "[::1]", "[::1]:3100"]) {
    test(`${host}: loopback, allowed`, () => assert.equal(isAllowedHost(host, none), true));
  }

  for (const host of ["rebind.example:3000", "rebind.example", "192.168.1.20:3000", "10.0.0.1", "127.0.0.2:3000", "localhost.rebind.example", "localhost.:3000", "127.0.0.1.nip.io:3000", "[::ffff:127.0.0.1]:3000", "localhost:3000@evil"]) {
    test(`${host}: neither loopback nor configured, refused`, () => assert.equal(isAllowedHost(host, none), false));
  }

  test("no Host at all (HTTP/1.0 health checks) is no browser's, so no rebinding page's", () => {
    assert.equal(isAllowedHost(null, none), true);
  });

  test("a configured origin's host, its explicit default port, any case; not its other ports", () => {
    const policy = hostPolicy(["https://auth.example.com", "http://192.0.2.20:3100"], 0);
    for (const host of ["auth.example.com", "Auth.Example.com", "auth.example.com:443", "192.0.2.20:3100"]) assert.equal(isAllowedHost(host, policy), true, host);
    for (const host of ["auth.example.com:8443", "192.0.2.20", "192.0.2.20:80", "evil.auth.example.com"]) assert.equal(isAllowedHost(host, policy), false, host);
  });
});

describe("refuseMisaddressedRequest", () => {
  test("the issue's repro: Host rebind.example:3000 on the JSON login → 421 host_not_allowed", async () => {
    const headers = new Headers({ host: "rebind.example:3000", origin: "http://rebind.example:3000" });
    const response = refuseMisaddressedRequest(headers, none, "json");
    assert.ok(response);
    assert.equal((await readError(response, 421)).code, "host_not_allowed");
  });

  test("pages get a small HTML page that echoes nothing from the request", async () => {
    const response = refuseMisaddressedRequest(new Headers({ host: "<script>x</script>.example" }), none, "html");
    assert.ok(response);
    assert.equal(response.status, 421);
    assert.match(response.headers.get("content-type") ?? "", /^text\/html/);
    assert.match(response.headers.get("content-security-policy") ?? "", /default-src 'none'/);
    assert.doesNotMatch(await response.text(), /script/);
  });

  test("loopback passes untouched", () => {
    assert.equal(refuseMisaddressedRequest(new Headers({ host: "localhost:3100" }), none, "json"), null);
  });

  test("without a trusted proxy X-Forwarded-Host is the client's word: Host decides", () => {
    const forged = new Headers({ host: "rebind.example", "x-forwarded-host": "localhost:3000" });
    assert.ok(refuseMisaddressedRequest(forged, none, "json"));
  });

  test("behind TRUST_PROXY hops the forwarded host decides (the proxy may rewrite Host to its upstream's)", () => {
    const policy = hostPolicy(["https://auth.example.com"], 1);
    assert.equal(refuseMisaddressedRequest(new Headers({ host: "10.0.0.5:3001", "x-forwarded-host": "auth.example.com" }), policy, "json"), null);
    assert.ok(refuseMisaddressedRequest(new Headers({ host: "localhost:3001", "x-forwarded-host": "rebind.example" }), policy, "json"));
  });
});

describe("configuredHostPolicy", () => {
  test("PUBLIC_ORIGINS plus the origins the server is told it runs at (labs, fleet)", () => {
    const config = withSecrets({
      PUBLIC_ORIGINS: "https://auth.example.com, http://lan-demo.test:3100",
      LABS_ORIGIN: "http://10.1.2.3:3000",
      FLEET_INSTANCES: "http://app-1.internal:3001,http://app-2.internal:3002",
      FLEET_BALANCER_URL: "http://balancer.internal:3000",
    });
    const policy = configuredHostPolicy(config);
    for (const host of ["auth.example.com", "lan-demo.test:3100", "10.1.2.3:3000", "app-2.internal:3002", "balancer.internal:3000"]) {
      assert.equal(isAllowedHost(host, policy), true, host);
    }
    assert.equal(isAllowedHost("rebind.example", policy), false);
  });
});

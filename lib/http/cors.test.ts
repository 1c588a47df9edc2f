import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { corsPreflightHeaders, corsResponseHeaders, isAllowedOrigin, isLabOrigin, parseCorsAllowlist } from "./cors.ts";

const loopback = parseCorsAllowlist(undefined, true);
const listed = parseCorsAllowlist("https://app.example, https://other.example", false);

describe("isAllowedOrigin", () => {
  test("the demo allows the cross-origin lab's one origin: this server's other loopback name, same port", () => {
    assert.equal(isAllowedOrigin("http://127.0.0.1:3000", loopback, "localhost:3000"), true);
    assert.equal(isAllowedOrigin("http://localhost:3000", loopback, "127.0.0.1:3000"), true);
    assert.equal(isAllowedOrigin("http://localhost:3000", loopback, "[::1]:3000"), true);
  });

  test("not every loopback port, not another loopback name, not https, not itself, not a look-alike", () => {
    for (const origin of [
      "http://127.0.0.1:4000", // another port: whatever else runs on this machine
      "http://localhost:8080",
      "http://[::1]:3000", // a loopback name the lab does not open
      "https://127.0.0.1:3000",
      "http://localhost:3000", // the request's own origin needs no CORS
      "http://127.0.0.1.evil.example:3000",
      "http://evil.example",
      "null",
      null,
    ]) {
      assert.equal(isAllowedOrigin(origin, loopback, "localhost:3000"), false, String(origin));
    }
  });

  test("a request that did not come to a loopback name allows nothing", () => {
    for (const host of ["example.com", "192.168.1.10:3000", null]) assert.equal(isAllowedOrigin("http://127.0.0.1:3000", loopback, host), false, String(host));
  });

  test("a configured list matches exact origins only, whatever the host", () => {
    assert.equal(isAllowedOrigin("https://app.example", listed, "api.example"), true);
    assert.equal(isAllowedOrigin("https://app.example.evil", listed, "api.example"), false);
    assert.equal(isAllowedOrigin("http://app.example", listed, "api.example"), false);
    assert.equal(isAllowedOrigin("http://127.0.0.1:3000", listed, "localhost:3000"), false);
  });

  test("outside the demo, nothing is allowed unless configured", () => {
    assert.equal(isAllowedOrigin("http://127.0.0.1:3000", parseCorsAllowlist(undefined, false), "localhost:3000"), false);
  });
});

describe("isLabOrigin (the cookie probe's credentialed answer)", () => {
  test("exactly the lab's other origin for the port the request came to", () => {
    assert.equal(isLabOrigin("http://127.0.0.1:3100", "localhost:3100"), true);
    assert.equal(isLabOrigin("http://127.0.0.1:3101", "localhost:3100"), false);
    assert.equal(isLabOrigin("https://app.example", "localhost:3100"), false);
  });
});

describe("the headers", () => {
  test("an allowed origin is echoed, never with credentials, and the preflight allows Authorization", () => {
    const headers = corsPreflightHeaders("http://127.0.0.1:3000", loopback, "localhost:3000");
    assert.equal(headers["Access-Control-Allow-Origin"], "http://127.0.0.1:3000");
    assert.equal(headers["Access-Control-Allow-Headers"], "Authorization");
    assert.equal(headers["Access-Control-Allow-Credentials"], undefined);
    assert.equal(corsResponseHeaders("http://127.0.0.1:3000", loopback, "localhost:3000")["Access-Control-Allow-Credentials"], undefined);
  });

  test("a refused origin gets no Access-Control-* header at all", () => {
    for (const origin of ["http://evil.example", "http://127.0.0.1:4000"]) {
      assert.deepEqual(Object.keys(corsPreflightHeaders(origin, loopback, "localhost:3000")), ["Vary"]);
    }
  });
});

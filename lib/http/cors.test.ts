import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { corsPreflightHeaders, corsResponseHeaders, isAllowedOrigin, parseCorsAllowlist } from "./cors.ts";

const loopback = parseCorsAllowlist(undefined, true);
const listed = parseCorsAllowlist("https://app.example, https://other.example", false);

describe("isAllowedOrigin", () => {
  test("the demo allows loopback origins on any port, and nothing else", () => {
    for (const origin of ["http://localhost:3000", "http://127.0.0.1:4000", "http://[::1]:3000", "https://localhost"]) {
      assert.equal(isAllowedOrigin(origin, loopback), true, origin);
    }
    for (const origin of ["http://localhost.evil.example", "http://127.0.0.1.evil.example", "http://evil.example", "null", null]) {
      assert.equal(isAllowedOrigin(origin, loopback), false, String(origin));
    }
  });

  test("a configured list matches exact origins only", () => {
    assert.equal(isAllowedOrigin("https://app.example", listed), true);
    assert.equal(isAllowedOrigin("https://app.example.evil", listed), false);
    assert.equal(isAllowedOrigin("http://app.example", listed), false);
  });

  test("outside the demo, nothing is allowed unless configured", () => {
    assert.equal(isAllowedOrigin("http://localhost:3000", parseCorsAllowlist(undefined, false)), false);
  });
});

describe("the headers", () => {
  test("an allowed origin is echoed, never with credentials, and the preflight allows Authorization", () => {
    const headers = corsPreflightHeaders("http://127.0.0.1:3000", loopback);
    assert.equal(headers["Access-Control-Allow-Origin"], "http://127.0.0.1:3000");
    assert.equal(headers["Access-Control-Allow-Headers"], "Authorization");
    assert.equal(headers["Access-Control-Allow-Credentials"], undefined);
    assert.equal(corsResponseHeaders("http://127.0.0.1:3000", loopback)["Access-Control-Allow-Credentials"], undefined);
  });

  test("a refused origin gets no Access-Control-* header at all", () => {
    const headers = corsPreflightHeaders("http://evil.example", loopback);
    assert.deepEqual(Object.keys(headers), ["Vary"]);
  });
});

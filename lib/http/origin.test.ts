import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { isCrossSiteRequest, requestOrigin } from "./origin.ts";

function request(headers: Record<string, string>, url = "http://localhost:3000/api/logout") {
  return new Request(url, { method: "POST", headers });
}

describe("isCrossSiteRequest", () => {
  test("neither Sec-Fetch-Site nor Origin (curl, server to server) → false", () => {
    assert.equal(isCrossSiteRequest(request({}), 0), false);
  });

  describe("Sec-Fetch-Site", () => {
    for (const [value, cross] of [
      ["same-origin", false],
      ["none", false],
      ["same-site", true],
      ["cross-site", true],
    ] as const) {
      test(`${value} → ${cross}`, () => {
        assert.equal(isCrossSiteRequest(request({ "sec-fetch-site": value }), 0), cross);
      });
    }

    test("same-origin is still checked against a mismatched Origin", () => {
      assert.equal(isCrossSiteRequest(request({ "sec-fetch-site": "same-origin", origin: "http://evil.com" }), 0), true);
    });
  });

  describe("Origin", () => {
    for (const [origin, cross] of [
      ["http://localhost:3000", false],
      ["http://evil.com", true],
      ["https://localhost:3000", true],
      ["http://localhost:3001", true],
      ["http://sub.localhost:3000", true],
      ["null", true],
    ] as const) {
      test(`${origin} against http://localhost:3000 → ${cross}`, () => {
        assert.equal(isCrossSiteRequest(request({ origin }), 0), cross);
      });
    }

    test("the Host header names the origin the browser saw", () => {
      const headers = { host: "app.example.com:8080", origin: "http://app.example.com:8080" };
      assert.equal(isCrossSiteRequest(request(headers, "http://127.0.0.1:3000/api/logout"), 0), false);
      assert.equal(isCrossSiteRequest(request({ ...headers, origin: "http://127.0.0.1:3000" }, "http://127.0.0.1:3000/api/logout"), 0), true);
    });
  });

  describe("behind a proxy", () => {
    const internal = "http://127.0.0.1:3000/api/logout";
    const forwarded = { "x-forwarded-host": "app.example.com", "x-forwarded-proto": "https", host: "127.0.0.1:3000" };

    test("X-Forwarded-Host and -Proto are the expected origin", () => {
      assert.equal(isCrossSiteRequest(request({ ...forwarded, origin: "https://app.example.com" }, internal), 1), false);
    });

    test("the internal origin no longer matches", () => {
      assert.equal(isCrossSiteRequest(request({ ...forwarded, origin: "http://127.0.0.1:3000" }, internal), 1), true);
    });

    test("the forwarded scheme counts", () => {
      assert.equal(isCrossSiteRequest(request({ ...forwarded, origin: "http://app.example.com" }, internal), 1), true);
    });
  });
});

describe("requestOrigin", () => {
  test("behind a trusted proxy, forwarded host and scheme win over Host and the URL", () => {
    const headers = new Headers({ "x-forwarded-host": "app.example.com", "x-forwarded-proto": "https", host: "127.0.0.1:3000" });
    assert.equal(requestOrigin(headers, "http://127.0.0.1:3000/api/labs/tampering", 1), "https://app.example.com");
  });

  test("with TRUST_PROXY=0 they are the sender's own words: Host, plain http", () => {
    const headers = new Headers({ "x-forwarded-host": "attacker.example", "x-forwarded-proto": "https", host: "127.0.0.1:3000" });
    assert.equal(requestOrigin(headers, "https://127.0.0.1:3000/x", 0), "http://127.0.0.1:3000");
  });

  test("without a proxy: Host, then the URL's scheme", () => {
    assert.equal(requestOrigin(new Headers({ host: "localhost:3100" }), "http://0.0.0.0:3100/x", 0), "http://localhost:3100");
  });

  test("headers alone (a Server Action has no URL)", () => {
    assert.equal(requestOrigin(new Headers({ "x-forwarded-host": "localhost:3100", "x-forwarded-proto": "http" }), undefined, 1), "http://localhost:3100");
  });
});

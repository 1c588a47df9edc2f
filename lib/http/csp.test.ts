import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { BASE_DIRECTIVES, contentSecurityPolicy, HSTS_VALUE, newNonce, pageSecurityHeaders } from "./csp.ts";

const NONCE = "bm9uY2Utb2YtdGhpcy10ZXN0";
const directives = (policy: string) => new Map(policy.split("; ").map((directive) => [directive.split(" ")[0], directive]));

describe("pageSecurityHeaders", () => {
  test("production + https → HSTS for two years with subdomains", () => {
    assert.equal(pageSecurityHeaders({ nonce: NONCE, production: true, https: true })["Strict-Transport-Security"], HSTS_VALUE);
    assert.equal(HSTS_VALUE, "max-age=63072000; includeSubDomains");
  });

  for (const [label, options] of [
    ["production over plain http", { production: true, https: false }],
    ["development over https", { production: false, https: true }],
    ["development over http", { production: false, https: false }],
  ] as const) {
    test(`${label} → no HSTS`, () => {
      assert.equal(pageSecurityHeaders({ nonce: NONCE, ...options })["Strict-Transport-Security"], undefined);
    });
  }
});

describe("contentSecurityPolicy", () => {
  test("production: default-src 'self', the nonce with strict-dynamic, no eval, the base directives kept", () => {
    const policy = directives(contentSecurityPolicy({ nonce: NONCE, production: true, https: false }));
    assert.equal(policy.get("default-src"), "default-src 'self'");
    assert.equal(policy.get("script-src"), `script-src 'self' 'nonce-${NONCE}' 'strict-dynamic'`);
    assert.equal(policy.get("style-src"), `style-src 'self' 'nonce-${NONCE}'`);
    for (const base of BASE_DIRECTIVES) assert.equal(policy.get(base.split(" ")[0]), base);
    assert.equal(policy.has("upgrade-insecure-requests"), false);
    assert.doesNotMatch(contentSecurityPolicy({ nonce: NONCE, production: true, https: true }), /unsafe-(eval|inline)/);
  });

  test("https adds upgrade-insecure-requests; development allows eval for React's debugging", () => {
    assert.equal(directives(contentSecurityPolicy({ nonce: NONCE, production: true, https: true })).has("upgrade-insecure-requests"), true);
    assert.match(contentSecurityPolicy({ nonce: NONCE, production: false, https: false }), /script-src [^;]*'unsafe-eval'/);
  });
});

test("newNonce: 16 random bytes, base64, different every time", () => {
  const nonces = new Set(Array.from({ length: 100 }, newNonce));
  assert.equal(nonces.size, 100);
  for (const nonce of nonces) assert.equal(Buffer.from(nonce, "base64").length, 16);
});

test("extra connect sources widen connect-src for that page only, keeping 'self'", () => {
  const policy = contentSecurityPolicy({ nonce: "n", production: true, https: false, connectSources: ["http://localhost:*"] });
  assert.match(policy, /connect-src 'self' http:\/\/localhost:\*/);
  assert.doesNotMatch(contentSecurityPolicy({ nonce: "n", production: true, https: false }), /connect-src/);
});

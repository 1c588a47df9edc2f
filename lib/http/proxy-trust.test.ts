import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { addressedOrigin, clientAddress } from "./proxy-trust.ts";

const h = (init: Record<string, string>) => new Headers(init);

describe("clientAddress", () => {
  test("TRUST_PROXY=0: the socket address this process stamped; X-Forwarded-For is the sender's own words", () => {
    assert.equal(clientAddress(h({ "x-forwarded-for": "203.0.113.9", "x-svj-peer-address": "192.0.2.7" }), 0, true), "192.0.2.7");
  });

  test("TRUST_PROXY=0 where nothing stamps requests: a header of that name is the sender's, so unknown", () => {
    assert.equal(clientAddress(h({ "x-forwarded-for": "203.0.113.9", "x-svj-peer-address": "192.0.2.7" }), 0, false), null);
  });

  test("behind trusted hops the stamped address is the proxy's, not the client's", () => {
    assert.equal(clientAddress(h({ "x-forwarded-for": "203.0.113.9", "x-svj-peer-address": "127.0.0.1" }), 1, true), "203.0.113.9");
  });

  test("one trusted hop: the address our proxy appended, not what the client put before it", () => {
    assert.equal(clientAddress(h({ "x-forwarded-for": "6.6.6.6, 203.0.113.9" }), 1), "203.0.113.9");
  });

  test("two hops: second from the right; a shorter chain is not guessed at", () => {
    assert.equal(clientAddress(h({ "x-forwarded-for": "1.1.1.1, 203.0.113.9, 10.0.0.2" }), 2), "203.0.113.9");
    assert.equal(clientAddress(h({ "x-forwarded-for": "10.0.0.2" }), 2), null);
  });
});

describe("addressedOrigin", () => {
  const forwarded = { host: "127.0.0.1:3000", "x-forwarded-host": "app.example.com", "x-forwarded-proto": "https" };
  test("forwarded host and scheme count only behind a trusted proxy", () => {
    assert.deepEqual(addressedOrigin(h(forwarded), 1), { proto: "https", host: "app.example.com" });
    assert.deepEqual(addressedOrigin(h(forwarded), 0), { proto: "http", host: "127.0.0.1:3000" });
  });
});

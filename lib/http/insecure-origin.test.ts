import { test } from "node:test";
import assert from "node:assert/strict";
import { cookiesWillBeDropped } from "./insecure-origin.ts";

test("plain HTTP on a LAN address or a name drops Secure cookies", () => {
  for (const host of ["192.168.1.20:3000", "10.0.0.5", "myhost.lan:3000", "example.com"]) {
    assert.equal(cookiesWillBeDropped({ proto: "http", host }, true), true, host);
  }
});

test("localhost-like hosts, HTTPS, or cookies without Secure are fine", () => {
  for (const host of ["localhost:3000", "127.0.0.1:3000", "127.1.2.3", "[::1]:3000", "app.localhost:3000"]) {
    assert.equal(cookiesWillBeDropped({ proto: "http", host }, true), false, host);
  }
  assert.equal(cookiesWillBeDropped({ proto: "https", host: "192.168.1.20" }, true), false);
  assert.equal(cookiesWillBeDropped({ proto: "http", host: "192.168.1.20" }, false), false);
});

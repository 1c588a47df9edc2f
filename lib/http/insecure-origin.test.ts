import { test } from "node:test";
import assert from "node:assert/strict";
import { isPlainHttpOffLoopback, localhostUrl } from "./insecure-origin.ts";

test("plain HTTP on a LAN address or a name is off loopback (where Secure cookies are dropped)", () => {
  for (const host of ["192.168.1.20:3000", "10.0.0.5", "myhost.lan:3000", "example.com"]) {
    assert.equal(isPlainHttpOffLoopback({ proto: "http", host }), true, host);
  }
});

test("localhost-like hosts and HTTPS are fine", () => {
  for (const host of ["localhost:3000", "127.0.0.1:3000", "127.1.2.3", "[::1]:3000", "app.localhost:3000"]) {
    assert.equal(isPlainHttpOffLoopback({ proto: "http", host }), false, host);
  }
  assert.equal(isPlainHttpOffLoopback({ proto: "https", host: "192.168.1.20" }), false);
});

test("the localhost link keeps the port and the path", () => {
  assert.equal(localhostUrl({ proto: "http", host: "192.168.1.20:3100" }, "/jwt/login"), "http://localhost:3100/jwt/login");
  assert.equal(localhostUrl({ proto: "http", host: "demo.lan" }, "/session/login"), "http://localhost/session/login");
});

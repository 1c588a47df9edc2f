import { test } from "node:test";
import assert from "node:assert/strict";
import { otherLoopbackOrigin } from "./loopback-origin.ts";

test("localhost and 127.0.0.1 swap, keeping the port", () => {
  assert.deepEqual(otherLoopbackOrigin("localhost:3000"), { home: "http://localhost:3000", other: "http://127.0.0.1:3000" });
  assert.deepEqual(otherLoopbackOrigin("127.0.0.1:3100"), { home: "http://127.0.0.1:3100", other: "http://localhost:3100" });
  assert.deepEqual(otherLoopbackOrigin("[::1]:3000"), { home: "http://[::1]:3000", other: "http://localhost:3000" });
  assert.deepEqual(otherLoopbackOrigin("localhost"), { home: "http://localhost", other: "http://127.0.0.1" });
});

test("any other host is refused: the lab never redirects off this machine", () => {
  for (const host of ["example.com", "192.168.1.10:3000", "localhost.evil.example", "127.0.0.1.evil.example:3000", "", null]) {
    assert.equal(otherLoopbackOrigin(host), null, String(host));
  }
});

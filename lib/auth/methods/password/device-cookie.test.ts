import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { issueDeviceCookie, readDeviceCookie } from "./device-cookie.ts";

const SECRET = "s".repeat(43);

describe("device cookie", () => {
  test("round-trips the e-mail and device id it was issued for", () => {
    const { value, deviceId } = issueDeviceCookie("bob@example.com", SECRET);
    assert.deepEqual(readDeviceCookie(value, SECRET), { email: "bob@example.com", deviceId });
  });

  test("a tampered payload, another key or junk is no cookie", () => {
    const { value } = issueDeviceCookie("bob@example.com", SECRET);
    const [, signature] = value.split(".");
    const forged = `${Buffer.from(JSON.stringify({ e: "alice@example.com", d: "x" })).toString("base64url")}.${signature}`;
    assert.equal(readDeviceCookie(forged, SECRET), null);
    assert.equal(readDeviceCookie(value, "t".repeat(43)), null);
    for (const junk of [undefined, "", "a.b", "a.b.c", "x".repeat(600)]) assert.equal(readDeviceCookie(junk, SECRET), null);
  });
});

import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { describe, test } from "node:test";
import { issueDeviceCookie, trustedDeviceId } from "./trusted-browser.ts";

const SECRET = "s".repeat(43);

/** A cookie as the code before issue 18.7 wrote it (the e-mail readable in base64url JSON). */
function legacyCookie(email: string, deviceId: string, secret = SECRET): string {
  const payload = Buffer.from(JSON.stringify({ e: email, d: deviceId })).toString("base64url");
  const key = createHmac("sha256", secret).update("svj device cookie v1").digest();
  return `${payload}.${createHmac("sha256", key).update(payload).digest("base64url")}`;
}

describe("device cookie", () => {
  test("names nobody: no part of it decodes to the e-mail or any part of it", () => {
    // Random bytes read as latin1 hold a lone "@" about one time in six and "bob" now and then:
    // only runs of five or more of the e-mail's own characters count (chance: below 1 in 10^9).
    const { value } = issueDeviceCookie("bob.builder@example.com", SECRET);
    for (const part of value.split(".")) {
      for (const decoded of [part, Buffer.from(part, "base64url").toString("latin1")]) assert.doesNotMatch(decoded, /bob\.b|builder|r@exa|example/i);
    }
  });

  test("counts for the e-mail it was issued for, and for no other", () => {
    const { value, deviceId } = issueDeviceCookie("bob@example.com", SECRET);
    assert.equal(trustedDeviceId(value, SECRET, "bob@example.com"), deviceId);
    assert.equal(trustedDeviceId(value, SECRET, "alice@example.com"), null);
  });

  test("a tampered id, another key or junk is no cookie", () => {
    const { value } = issueDeviceCookie("bob@example.com", SECRET);
    const [format, , signature] = value.split(".");
    assert.equal(trustedDeviceId(`${format}.${"A".repeat(22)}.${signature}`, SECRET, "bob@example.com"), null);
    assert.equal(trustedDeviceId(value, "t".repeat(43), "bob@example.com"), null);
    for (const junk of [undefined, "", "a.b", "a.b.c", "d2.a.b", "x".repeat(600)]) assert.equal(trustedDeviceId(junk, SECRET, "bob@example.com"), null);
  });

  test("an old-format cookie still counts for its owner (replaced at the next login), not for anyone else", () => {
    const old = legacyCookie("bob@example.com", "old-device-id");
    assert.equal(trustedDeviceId(old, SECRET, "bob@example.com"), "old-device-id");
    assert.equal(trustedDeviceId(old, SECRET, "alice@example.com"), null);
    assert.equal(trustedDeviceId(legacyCookie("bob@example.com", "x", "t".repeat(43)), SECRET, "bob@example.com"), null);
  });
});

import assert from "node:assert/strict";
import { test } from "node:test";
import { elideSecret } from "./elide.ts";

test("keeps the first 6 and last 4 characters and counts the bytes left out", () => {
  const value = "abcdef" + "x".repeat(50) + "wxyz";
  assert.equal(elideSecret(value), "abcdef…wxyz (50 bytes elided)");
});

test("a short value is elided whole: its ends would be most of it", () => {
  assert.equal(elideSecret("short-secret"), "… (12 bytes elided)");
  assert.equal(elideSecret(""), "… (0 bytes elided)");
});

test("never contains the value itself", () => {
  const value = "Fe26.2*1*" + "s".repeat(300) + "~2";
  assert.ok(!elideSecret(value).includes(value));
});

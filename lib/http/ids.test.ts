import { test } from "node:test";
import assert from "node:assert/strict";
import { isPlausibleId } from "./ids.ts";

test("UUIDs and base64url hashes are plausible ids; NUL, path tricks and long junk are not", () => {
  for (const id of ["7f0c9a1e-5b7d-4c64-9d3c-2f5e8a1b9c0d", "Xq2m4xY0b3d1tG0fWc9Jb8lLJ2rj1VbQ4kR9u5s0Hn8"]) assert.equal(isPlausibleId(id), true, id);
  for (const id of ["", "\u0000", "a\u0000b", "../x", "a b", "é", "x".repeat(129)]) assert.equal(isPlausibleId(id), false, JSON.stringify(id));
});

import { test } from "node:test";
import assert from "node:assert/strict";
import { hashPassword, verifyPassword } from "./hash.ts";

test("a stored hash argon2 cannot read is a failed check, logged with its code and the user", async (t) => {
  const lines: string[] = [];
  t.mock.method(console, "error", (line: string) => lines.push(line));
  assert.equal(await verifyPassword("not-an-argon2-hash", "whatever", "user-1"), false);
  assert.equal(lines.length, 1);
  assert.match(lines[0]!, /^\[auth\] password_hash_unreadable \{"userId":"user-1",/);
  assert.doesNotMatch(lines[0]!, /whatever/, "never the password");
});

test("a readable hash answers true or false and logs nothing", async (t) => {
  const lines: string[] = [];
  t.mock.method(console, "error", (line: string) => lines.push(line));
  const stored = await hashPassword("right-password");
  assert.equal(await verifyPassword(stored, "right-password"), true);
  assert.equal(await verifyPassword(stored, "wrong-password"), false);
  assert.deepEqual(lines, []);
});

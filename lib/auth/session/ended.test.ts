import assert from "node:assert/strict";
import { test } from "node:test";
import { createMemoryState } from "../../state/memory.ts";
import { ENDED_NOTICE_TTL_MS, readEndedSession, recordEndedSessions } from "./ended.ts";

test("an ended session's row id reads back its notice; other rows read nothing", async () => {
  const { records } = createMemoryState();
  await recordEndedSessions(records, ["row-a", "row-b"], "password_changed");
  assert.equal(await readEndedSession(records, "row-a"), "password_changed");
  assert.equal(await readEndedSession(records, "row-b"), "password_changed");
  assert.equal(await readEndedSession(records, "row-c"), null);
});

test("a device revoked from another one is 'ended elsewhere'", async () => {
  const { records } = createMemoryState();
  await recordEndedSessions(records, ["row-a"], "device_ended");
  assert.equal(await readEndedSession(records, "row-a"), "ended_elsewhere");
});

test("the holder's own logout, and unknown reasons, store nothing", async () => {
  const { records } = createMemoryState();
  await recordEndedSessions(records, ["row-a"], "logout");
  await recordEndedSessions(records, ["row-b"], "something_new");
  assert.equal(await records.get("ended:session:row-a"), null);
  assert.equal(await records.get("ended:session:row-b"), null);
});

test("a stored value that is not a listed code reads as no notice", async () => {
  const { records } = createMemoryState();
  await records.set("ended:session:row-a", "<b>free text</b>", 60_000);
  await records.set("ended:session:row-b", { code: "user_disabled" }, 60_000);
  assert.equal(await readEndedSession(records, "row-a"), null);
  assert.equal(await readEndedSession(records, "row-b"), null);
});

test("the notice expires: it is not kept for ever", async () => {
  let now = 1_000_000;
  const { records } = createMemoryState(() => now);
  await recordEndedSessions(records, ["row-a"], "user_disabled");
  now += ENDED_NOTICE_TTL_MS - 1;
  assert.equal(await readEndedSession(records, "row-a"), "user_disabled");
  now += 2;
  assert.equal(await readEndedSession(records, "row-a"), null);
});

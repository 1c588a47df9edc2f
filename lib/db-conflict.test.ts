import { test } from "node:test";
import assert from "node:assert/strict";
import { isWriteConflict, withWriteConflictRetry } from "./db-conflict.ts";

test("P2034, SQLSTATE 40001 and a driver adapter's TransactionWriteConflict are write conflicts", () => {
  assert.equal(isWriteConflict({ code: "P2034" }), true);
  assert.equal(isWriteConflict({ code: "40001" }), true);
  assert.equal(isWriteConflict(Object.assign(new Error("DriverAdapterError: TransactionWriteConflict"), { name: "DriverAdapterError" })), true);
  assert.equal(isWriteConflict({ message: "outer", cause: { kind: "x", message: "could not serialize access due to concurrent update" } }), true);
  assert.equal(isWriteConflict(new Error("unique constraint failed")), false);
  assert.equal(isWriteConflict(null), false);
});

test("a conflict is retried until it succeeds; anything else is thrown at once", async () => {
  let calls = 0;
  const value = await withWriteConflictRetry(async () => {
    calls++;
    if (calls < 3) throw { code: "P2034" };
    return "done";
  });
  assert.deepEqual([value, calls], ["done", 3]);
  let other = 0;
  await assert.rejects(withWriteConflictRetry(async () => {
    other++;
    throw new Error("boom");
  }), /boom/);
  assert.equal(other, 1);
});

test("after the last attempt the conflict itself is thrown", async () => {
  let calls = 0;
  await assert.rejects(withWriteConflictRetry(async () => {
    calls++;
    throw { code: "40001" };
  }, 3), (error: unknown) => isWriteConflict(error));
  assert.equal(calls, 3);
});

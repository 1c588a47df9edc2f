import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { leavesNoAdmin, removesAnAdmin } from "./last-admin.ts";

const activeAdmin = { role: "admin" as const, disabled: false };
const activeUser = { role: "user" as const, disabled: false };

describe("leavesNoAdmin", () => {
  test("demoting or disabling the only active admin is refused", () => {
    assert.equal(leavesNoAdmin({ target: activeAdmin, otherActiveAdmins: 0 }, { kind: "role", role: "user" }), true);
    assert.equal(leavesNoAdmin({ target: activeAdmin, otherActiveAdmins: 0 }, { kind: "disable" }), true);
  });

  test("with another active admin left, both are allowed", () => {
    assert.equal(leavesNoAdmin({ target: activeAdmin, otherActiveAdmins: 1 }, { kind: "role", role: "user" }), false);
    assert.equal(leavesNoAdmin({ target: activeAdmin, otherActiveAdmins: 1 }, { kind: "disable" }), false);
  });

  test("changes that keep the admin's powers never trip it", () => {
    const census = { target: activeAdmin, otherActiveAdmins: 0 };
    assert.equal(leavesNoAdmin(census, { kind: "role", role: "admin" }), false);
    assert.equal(leavesNoAdmin(census, { kind: "end_all" }), false);
    assert.equal(leavesNoAdmin(census, { kind: "enable" }), false);
  });

  test("a user, or an admin already disabled, removes no admin", () => {
    assert.equal(removesAnAdmin(activeUser, { kind: "disable" }), false);
    assert.equal(removesAnAdmin({ role: "admin", disabled: true }, { kind: "role", role: "user" }), false);
    assert.equal(leavesNoAdmin({ target: activeUser, otherActiveAdmins: 0 }, { kind: "disable" }), false);
  });
});

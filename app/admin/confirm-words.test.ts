import { test } from "node:test";
import assert from "node:assert/strict";
import { confirmConsequence, confirmQuestion } from "./confirm-words.ts";

const defaults = { JWT_REVOCATION_CHECK: "denylist", JWT_ACCESS_TTL_SECONDS: 900 } as const;

test("each destructive action is asked as a question naming the user", () => {
  assert.equal(confirmQuestion({ op: "disable" }, "bob@example.com"), "Disable bob@example.com?");
  assert.equal(confirmQuestion({ op: "end_all" }, "bob@example.com"), "Log bob@example.com out everywhere?");
  assert.equal(confirmQuestion({ op: "role", role: "admin" }, "bob@example.com"), "Make bob@example.com an admin?");
});

test("what the user will see follows the revocation check this server runs", () => {
  assert.match(confirmConsequence({ op: "disable" }, defaults), /JWT access token is refused on its next request/);
  assert.match(confirmConsequence({ op: "end_all" }, { ...defaults, JWT_REVOCATION_CHECK: "none" }), /keeps working until it expires \(at most 15 min/);
  assert.match(confirmConsequence({ op: "role", role: "user" }, defaults), /lose the admin console\. They stay logged in/);
});

import assert from "node:assert/strict";
import { test } from "node:test";
import { ENDED_NOTICES, endedNoticeForReason, endedNoticeMessage, isEndedNoticeCode } from "./ended-notice.ts";

test("every reason a mode records when it ends a login maps to a fixed notice", () => {
  assert.equal(endedNoticeForReason("device_ended"), "ended_elsewhere");
  assert.equal(endedNoticeForReason("logout_everywhere"), "logged_out_everywhere");
  for (const reason of ["password_changed", "user_disabled", "ended_by_admin", "reuse_detected"]) {
    assert.equal(endedNoticeForReason(reason), reason);
  }
});

test("the holder's own logout, and anything unknown, is no notice", () => {
  for (const reason of ["logout", "", "LOGOUT_EVERYWHERE", "__proto__", "toString", null, undefined]) {
    assert.equal(endedNoticeForReason(reason), null, String(reason));
  }
});

test("only codes on the list have a message: nothing free-form is ever shown", () => {
  assert.equal(endedNoticeMessage("password_changed"), ENDED_NOTICES.password_changed);
  for (const code of ["<script>alert(1)</script>", "constructor", "__proto__", "hasOwnProperty", "", 42, null, undefined, {}, ["user_disabled"]]) {
    assert.equal(endedNoticeMessage(code), null, JSON.stringify(code));
    assert.equal(isEndedNoticeCode(code), false);
  }
});

import { test } from "node:test";
import assert from "node:assert/strict";
import { captureEvents, errorText, formatEvent, logEvent } from "./log.ts";

test("an event is its stable code first, then its fields as JSON", () => {
  assert.equal(formatEvent("touch_failed", { sessionId: "abc", attempt: 1 }), '[auth] touch_failed {"sessionId":"abc","attempt":1}');
  assert.equal(formatEvent("no_fields"), "[auth] no_fields {}");
});

test("errors become their message, anything else its string", () => {
  assert.equal(errorText(new Error("boom")), "boom");
  assert.equal(errorText(42), "42");
});

test("warn and error go to their own console streams", (t) => {
  const seen: string[] = [];
  t.mock.method(console, "warn", (line: string) => seen.push(`warn ${line}`));
  t.mock.method(console, "error", (line: string) => seen.push(`error ${line}`));
  logEvent("a_code", { x: 1 });
  logEvent("b_code", {}, "error");
  assert.deepEqual(seen, ['warn [auth] a_code {"x":1}', "error [auth] b_code {}"]);
});

test("captured events are handed back instead of printed; outside the capture they print again", async (t) => {
  const printed: string[] = [];
  t.mock.method(console, "warn", (line: string) => printed.push(line));
  const { result, events } = await captureEvents(async () => {
    await Promise.resolve();
    logEvent("expected_code", { id: "x" });
    return 7;
  });
  assert.equal(result, 7);
  assert.deepEqual(events, [{ code: "expected_code", fields: { id: "x" }, level: "warn" }]);
  assert.deepEqual(printed, []);
  logEvent("unexpected_code");
  assert.deepEqual(printed, ["[auth] unexpected_code {}"]);
});

test("a capture hears events logged by another copy of this module (Next's bundles each have one)", async () => {
  // A query string makes Node load a second, separate instance of the module, as a second bundle would.
  const otherCopy = (await import(`./log.ts?copy=${Date.now()}`)) as typeof import("./log.ts");
  assert.notEqual(otherCopy.logEvent, logEvent);
  const { events } = await captureEvents(async () => otherCopy.logEvent("session_store_unreachable", { error: "lab" }, "error"));
  assert.deepEqual(events.map((event) => event.code), ["session_store_unreachable"]);
});

import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { createOutageTracker, outageReason } from "./db-outage.ts";
import type { LoggedEvent } from "./log.ts";

/** A tracker on a fake clock whose events land in a list. */
function tracked() {
  let now = 1_000;
  const events: LoggedEvent[] = [];
  const states: boolean[] = [];
  let affected = 0;
  const tracker = createOutageTracker({
    clock: () => now,
    log: (code, fields, level) => events.push({ code, fields, level }),
    onStateChange: (up) => states.push(up),
    onAffected: () => affected++,
  });
  return { tracker, events, states, affected: () => affected, advance: (ms: number) => void (now += ms) };
}

const refused = Object.assign(new Error("\nInvalid `db.session.findUnique()` invocation in\n/app/lib/x.ts:8:23\n\n→ 8 await db.session.findUnique(\nCan't reach database server at 127.0.0.1:5432"), { code: "P1001" });

describe("the database outage, logged once per state change", () => {
  test("down once with the driver's reason in one line; every request counted; up once with the count and duration", () => {
    const { tracker, events, states, affected, advance } = tracked();
    tracker.unavailable("session_store_unreachable", refused);
    for (let i = 0; i < 3; i++) tracker.unavailable("session_store_unreachable", refused);
    tracker.unavailable("revocation_unreadable", refused);
    assert.deepEqual(events, [
      { code: "database_unreachable", fields: { first: "session_store_unreachable", reason: "P1001 Can't reach database server at 127.0.0.1:5432" }, level: "error" },
    ]);
    assert.equal(tracker.isDown(), true);
    advance(4_200);
    tracker.reachable();
    tracker.reachable();
    assert.deepEqual(events.slice(1), [
      { code: "database_reachable", fields: { downForMs: 4_200, affected: 5, sources: "session_store_unreachable=4 revocation_unreadable=1" }, level: "info" },
    ]);
    assert.deepEqual(states, [false, true]);
    assert.equal(affected(), 5);
    assert.equal(tracker.isDown(), false);
  });

  test("queries while up log nothing; a second outage is a new pair of events with its own count", () => {
    const { tracker, events } = tracked();
    tracker.reachable();
    assert.equal(events.length, 0);
    tracker.unavailable("store_unavailable", refused);
    tracker.reachable();
    tracker.unavailable("login_store_unavailable", undefined);
    tracker.unavailable("login_store_unavailable", undefined);
    tracker.reachable();
    assert.deepEqual(
      events.map((event) => [event.code, event.fields.first ?? event.fields.affected]),
      [["database_unreachable", "store_unavailable"], ["database_reachable", 1], ["database_unreachable", "login_store_unavailable"], ["database_reachable", 2]],
    );
    assert.equal(events[2]?.fields.reason, "unknown");
  });

  test("a driver's reason: its last line, with the code when there is one", () => {
    assert.equal(outageReason(refused), "P1001 Can't reach database server at 127.0.0.1:5432");
    assert.equal(outageReason(new Error("connect ECONNREFUSED 127.0.0.1:5432")), "connect ECONNREFUSED 127.0.0.1:5432");
    assert.equal(outageReason("x".repeat(400)).length, 300);
  });
});

import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, test } from "node:test";
import { createOutageGate } from "./window.ts";

/** A fake database switch that remembers what happened, in order. */
function fakeDatabase() {
  const events: string[] = [];
  let down = 0;
  let restoredOnce: () => void = () => {};
  /** Settles at the first restore: lets a test's work outlive the time limit without a sleep. */
  const restored = new Promise<void>((resolve) => (restoredOnce = resolve));
  return {
    events,
    restored,
    isDown: () => down > 0,
    breakDatabase: () => {
      down += 1;
      events.push("break");
      return {
        handle: "broken",
        restore: async () => {
          down -= 1;
          events.push("restore");
          restoredOnce();
        },
      };
    },
  };
}

const LIMITS = { maxMs: 1_000, cooldownMs: 10_000 };

describe("outage", () => {
  test("the database is down only while the work runs", async () => {
    const db = fakeDatabase();
    const gate = createOutageGate(db.breakDatabase, LIMITS);
    const window = await gate.outage(async (handle) => [db.isDown(), handle]);
    assert.deepEqual(window.result, [true, "broken"]);
    assert.equal(window.cutShort, false);
    assert.equal(db.isDown(), false);
    assert.deepEqual(db.events, ["break", "restore"]);
  });

  test("restored when the work throws", async () => {
    const db = fakeDatabase();
    const gate = createOutageGate(db.breakDatabase, LIMITS);
    await assert.rejects(gate.outage(async () => Promise.reject(new Error("boom"))), /boom/);
    assert.equal(db.isDown(), false);
  });

  test("restored at the time limit even while the work still runs, and said so", async () => {
    // Order and outcome, not speed: the work only ends after the limit's timer has restored the
    // database, and the fake clock says how long each part took.
    let now = 1_000;
    const db = fakeDatabase();
    const gate = createOutageGate(db.breakDatabase, { maxMs: 20, cooldownMs: 0 }, () => now);
    const window = await gate.outage(async () => {
      now += 20; // the database is down this long…
      await db.restored;
      now += 500; // …and the work goes on long after it is back
      db.events.push("work looked");
      return db.isDown();
    });
    assert.equal(window.result, false, "already back when the work looked");
    assert.equal(window.cutShort, true);
    assert.equal(window.outageMs, 20, "the outage ends at the restore, not when the work ends");
    assert.deepEqual(db.events, ["break", "restore", "work looked"], "restored once, not twice, before the work ended");
  });

  test("concurrent outages never overlap", async () => {
    const db = fakeDatabase();
    const gate = createOutageGate(db.breakDatabase, LIMITS);
    let most = 0;
    const work = async () => {
      for (let i = 0; i < 3; i += 1) {
        most = Math.max(most, db.events.filter((e) => e === "break").length - db.events.filter((e) => e === "restore").length);
        await sleep(5);
      }
    };
    await Promise.all([gate.outage(work), gate.outage(work), gate.outage(work)]);
    assert.equal(most, 1);
    assert.deepEqual(db.events, ["break", "restore", "break", "restore", "break", "restore"]);
  });
});

describe("exclusive", () => {
  test("runs one at a time", async () => {
    const gate = createOutageGate(fakeDatabase().breakDatabase, LIMITS);
    const log: string[] = [];
    const run = (name: string) => gate.exclusive(async () => {
      log.push(`${name} start`);
      await sleep(10);
      log.push(`${name} end`);
    });
    await Promise.all([run("a"), run("b")]);
    assert.deepEqual(log, ["a start", "a end", "b start", "b end"]);
  });

  test("refuses a run within the cooldown after an outage, as a value with the wait", async () => {
    let now = 1_000_000;
    const gate = createOutageGate(fakeDatabase().breakDatabase, LIMITS, () => now);
    assert.equal(await gate.exclusive(async () => (await gate.outage(async () => "ran")).result), "ran");
    now += 2_500;
    const refused = await gate.exclusive(async () => "ran again");
    assert.deepEqual(refused, { refused: true, code: "outage_cooling_down", retryAfterSeconds: 8 });
    now += 7_500;
    assert.equal(await gate.exclusive(async () => "ran again"), "ran again");
  });

  test("a failed run does not block the next one", async () => {
    const gate = createOutageGate(fakeDatabase().breakDatabase, LIMITS);
    await assert.rejects(gate.exclusive(async () => Promise.reject(new Error("first"))));
    assert.equal(await gate.exclusive(async () => "second"), "second");
  });
});

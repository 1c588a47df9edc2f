import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { activeKid, keyStatesAt, publishedKids, PUBLISH_LEAD_SECONDS, type KeyState, type KeyTimeline } from "./timeline.ts";

const T0 = new Date("2030-01-01T00:00:00Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const TAIL = 915; // access TTL 900 + skew 15

function key(kid: string, generation: number, activatesAtSeconds: number, state: KeyState = "next"): KeyTimeline {
  return { kid, generation, activatesAt: at(activatesAtSeconds), state };
}

function states(keys: KeyTimeline[], seconds: number) {
  return Object.fromEntries([...keyStatesAt(keys, at(seconds), TAIL)].map(([kid, status]) => [kid, status.state]));
}

describe("keyStatesAt (frozen clock)", () => {
  test("the first key, activating at once, is active", () => {
    assert.deepEqual(states([key("a", 1, 0)], 0), { a: "active" });
  });

  test("a rotated-in key is next (published, not signing) until its activatesAt", () => {
    const keys = [key("a", 1, 0), key("b", 2, 100 + PUBLISH_LEAD_SECONDS)];
    assert.deepEqual(states(keys, 100), { a: "active", b: "next" });
    assert.deepEqual(states(keys, 100 + PUBLISH_LEAD_SECONDS - 1), { a: "active", b: "next" });
  });

  test("then it signs, and the old key verifies for the tail after it stopped signing, then retires", () => {
    const switchAt = 100 + PUBLISH_LEAD_SECONDS;
    const keys = [key("a", 1, 0), key("b", 2, switchAt)];
    assert.deepEqual(states(keys, switchAt), { a: "retiring", b: "active" });
    assert.deepEqual(states(keys, switchAt + TAIL - 1), { a: "retiring", b: "active" });
    assert.deepEqual(states(keys, switchAt + TAIL), { a: "retired", b: "active" });
    assert.deepEqual(keyStatesAt(keys, at(switchAt), TAIL).get("a")?.retiresAt, at(switchAt + TAIL));
  });

  test("two rotations in a row: each key retires a tail after its own successor took over", () => {
    const keys = [key("a", 1, 0), key("b", 2, 200), key("c", 3, 300)];
    assert.deepEqual(states(keys, 250), { a: "retiring", b: "active", c: "next" });
    assert.deepEqual(states(keys, 300), { a: "retiring", b: "retiring", c: "active" });
    assert.deepEqual(states(keys, 200 + TAIL), { a: "retired", b: "retiring", c: "active" });
    assert.deepEqual(states(keys, 300 + TAIL), { a: "retired", b: "retired", c: "active" });
  });

  test("retired is final: a clock that goes back does not revive a key", () => {
    const keys = [key("a", 1, 0, "retired"), key("b", 2, 200)];
    assert.deepEqual(states(keys, 100), { a: "retired", b: "next" });
  });

  test("the highest generation wins, not the latest timestamp (a bootstrap key made in a hurry)", () => {
    const keys = [key("old-next", 1, 500), key("bootstrap", 2, 0)];
    assert.deepEqual(states(keys, 600), { "old-next": "retiring", bootstrap: "active" });
  });

  test("a successor retired by hand does not extend its predecessor's life; its replacement signs", () => {
    // a stopped signing when b activated at 200; b leaked and was retired at 300, c made to sign then.
    const keys = [key("a", 1, 0), key("b", 2, 200, "retired"), key("c", 3, 300)];
    assert.deepEqual(states(keys, 300), { a: "retiring", b: "retired", c: "active" });
    assert.deepEqual(keyStatesAt(keys, at(300), TAIL).get("a")?.retiresAt, at(200 + TAIL));
    assert.deepEqual(states(keys, 200 + TAIL), { a: "retired", b: "retired", c: "active" });
  });

  test("activeKid and publishedKids read the result", () => {
    const statuses = keyStatesAt([key("a", 1, 0), key("b", 2, 200), key("c", 3, 10_000, "retired")], at(300), TAIL);
    assert.equal(activeKid(statuses), "b");
    assert.deepEqual(publishedKids(statuses).sort(), ["a", "b"]);
    assert.equal(activeKid(keyStatesAt([key("n", 1, 500)], at(0), TAIL)), null);
  });
});

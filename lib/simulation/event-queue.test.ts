import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { EventQueue } from "./event-queue.ts";
import { seededRandom } from "./prng.ts";

describe("EventQueue", () => {
  test("events come out by time, whatever order they went in", () => {
    const queue = new EventQueue<number>();
    const random = seededRandom(5);
    const times = Array.from({ length: 500 }, () => random.next() * 100);
    times.forEach((at, index) => queue.push(at, index));
    const out: number[] = [];
    for (let next = queue.pop(); next; next = queue.pop()) out.push(next.at);
    assert.deepEqual(out, [...times].sort((a, b) => a - b));
  });

  test("events at the same instant come out in the order they were scheduled", () => {
    const queue = new EventQueue<string>();
    for (const name of ["a", "b", "c", "d"]) queue.push(1, name);
    queue.push(0, "first");
    assert.deepEqual([queue.pop(), queue.pop(), queue.pop(), queue.pop(), queue.pop()].map((entry) => entry?.event), ["first", "a", "b", "c", "d"]);
    assert.equal(queue.pop(), undefined);
  });

  test("a time that is not a number is refused", () => {
    assert.throws(() => new EventQueue<number>().push(Number.NaN, 1), /finite/);
  });
});

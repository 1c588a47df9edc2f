import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { fleetPortSpan, fleetStatsPort } from "./ports.ts";

describe("fleet ports", () => {
  test("two fleets spaced by the span share no port: balancer, instances and the metrics port", () => {
    for (const size of [1, 2, 3]) {
      const ports = (start: number) => [start, ...Array.from({ length: size }, (_, index) => start + index + 1), fleetStatsPort(start, size)];
      const first = ports(3800);
      const second = ports(3800 + fleetPortSpan(size));
      assert.deepEqual(first.filter((used) => second.includes(used)), [], `size ${size}`);
    }
  });
});

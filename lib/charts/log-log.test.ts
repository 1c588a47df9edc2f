import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { linePath, logLogLayout } from "./log-log.ts";

const label = (value: number) => value.toLocaleString("en-US");

describe("logLogLayout", () => {
  const layout = logLogLayout({ width: 320, fontSize: 12, plotHeight: 150, x: [1_000, 1_000_000], yValues: [40, 9_000], yLabel: label });

  test("the y axis spans whole decades around the values; the plot starts after its longest label", () => {
    assert.deepEqual(layout.y.ticks, [10, 100, 1_000, 10_000]);
    // "10,000": 6 characters × 12 × 0.6 = 43.2 → 44, + 6.
    assert.equal(layout.plot.left, 50);
    assert.equal(layout.x(1_000), 50);
    assert.equal(layout.x(1_000_000), 316);
  });

  test("larger values sit higher: the y scale runs from the bottom of the plot to its top", () => {
    assert.equal(layout.y(10), layout.plot.bottom);
    assert.equal(layout.y(10_000), layout.plot.top);
    assert.ok(layout.y(100) < layout.y(10));
  });

  test("no positive value at all still gives an axis", () => {
    const empty = logLogLayout({ width: 320, fontSize: 12, plotHeight: 100, x: [1, 10], yValues: [0, 0], yLabel: label });
    assert.deepEqual(empty.y.ticks, [1, 10]);
  });
});

describe("linePath", () => {
  const layout = logLogLayout({ width: 320, fontSize: 12, plotHeight: 150, x: [1, 100], yValues: [1, 100], yLabel: label });

  test("moves to the first point, draws to the next ones", () => {
    assert.match(linePath(layout, [{ x: 1, y: 1 }, { x: 10, y: 10 }, { x: 100, y: 100 }]), /^M[\d.]+,[\d.]+L[\d.]+,[\d.]+L[\d.]+,[\d.]+$/);
  });

  test("a zero breaks the line instead of drawing it to the floor", () => {
    assert.equal(linePath(layout, [{ x: 1, y: 1 }, { x: 10, y: 0 }, { x: 100, y: 100 }]).match(/M/g)?.length, 2);
    assert.equal(linePath(layout, [{ x: 1, y: 0 }]), "");
  });
});

describe("a linear axis", () => {
  test("runs from zero to a round top; zero is a value it can show", () => {
    const layout = logLogLayout({ width: 320, fontSize: 12, plotHeight: 100, x: [0, 70], yValues: [0, 480], yLabel: label, kinds: { x: "linear", y: "linear" } });
    // About four steps: 480 / 4 = 120, rounded up to a nice 200.
    assert.deepEqual(layout.y.ticks, [0, 200, 400, 600]);
    assert.equal(layout.y(0), layout.plot.bottom);
    assert.equal(linePath(layout, [{ x: 0, y: 0 }, { x: 70, y: 480 }], { x: "linear", y: "linear" }).match(/M/g)?.length, 1);
  });
});

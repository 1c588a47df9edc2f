import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { groupSlots } from "./slots.ts";

const options = { top: 10, labelHeight: 0, barHeight: 10, barGap: 2, groupGap: 8 };

describe("groupSlots", () => {
  test("bars stack within a group, groups are set apart by their gap", () => {
    const { groups, bottom } = groupSlots([2, 2], options);
    assert.deepEqual(groups.map((group) => group.bars), [[10, 22], [40, 52]]);
    assert.equal(bottom, 62);
    assert.equal(groups[0]?.middle, 21, "a side label is centred on its group's bars");
    assert.equal(groups[0]?.labelY, 21);
  });

  test("a label line above each group pushes its bars down and sits just above them", () => {
    const { groups, bottom } = groupSlots([1, 1, 1], { ...options, labelHeight: 16 });
    assert.deepEqual(groups.map((group) => group.bars[0]), [26, 60, 94]);
    assert.deepEqual(groups.map((group) => group.labelY), [22, 56, 90]);
    assert.equal(bottom, 104);
  });

  test("no bars at all: nothing but the top", () => {
    assert.deepEqual(groupSlots([], options), { groups: [], bottom: 10 });
  });

  test("no bar ever overlaps another, whatever the group sizes", () => {
    const { groups } = groupSlots([3, 1, 4, 1, 5], options);
    const tops = groups.flatMap((group) => group.bars);
    for (let index = 1; index < tops.length; index += 1) assert.ok(tops[index]! >= tops[index - 1]! + options.barHeight);
  });
});

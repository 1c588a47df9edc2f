import { test } from "node:test";
import assert from "node:assert/strict";
import { centredSpan, lanesInUse, layoutSequence } from "./sequence-layout.ts";

const LANES = ["browser", "proxy", "server", "database"] as const;

test("each lane is two columns, its lifeline on the line between them", () => {
  const layout = layoutSequence(LANES, [{ from: "browser", to: "server" }]);
  assert.equal(layout.columns, 8);
  assert.deepEqual(
    layout.lanes.map(({ lane, head, line }) => [lane, head.start, head.span, line]),
    [["browser", 1, 2, 2], ["proxy", 3, 2, 4], ["server", 5, 2, 6], ["database", 7, 2, 8]],
  );
});

test("an arrow runs from one lifeline to the other, in either direction", () => {
  const { messages } = layoutSequence(LANES, [
    { from: "browser", to: "server" },
    { from: "database", to: "server" },
  ]);
  assert.deepEqual(messages[0], { kind: "arrow", direction: "right", arrow: { start: 2, span: 4 }, label: { start: 2, span: 4 } });
  assert.deepEqual(messages[1], { kind: "arrow", direction: "left", arrow: { start: 6, span: 2 }, label: { start: 5, span: 4 } });
});

test("a label is at least two lanes wide, centred on its arrow, and stays inside the grid", () => {
  const { messages } = layoutSequence(LANES, [
    { from: "browser", to: "proxy" },
    { from: "server", to: "database" },
    { from: "browser", to: "database" },
  ]);
  // Neighbours: centred on line 3 it would start at 1 — exactly the edge.
  assert.deepEqual(messages[0]?.kind === "arrow" && messages[0].label, { start: 1, span: 4 });
  // Centred on line 7 it would end past column 8: pushed back to end at the last column.
  assert.deepEqual(messages[1]?.kind === "arrow" && messages[1].label, { start: 5, span: 4 });
  assert.deepEqual(messages[2]?.kind === "arrow" && messages[2].label, { start: 2, span: 6 });
});

test("a step a lane does alone is a note centred on that lane, inside the grid", () => {
  const { messages } = layoutSequence(LANES, [
    { from: "proxy", to: "proxy" },
    { from: "browser", to: "browser" },
    { from: "database", to: "database" },
  ]);
  assert.deepEqual(messages, [
    { kind: "note", label: { start: 2, span: 4 } },
    { kind: "note", label: { start: 1, span: 4 } },
    { kind: "note", label: { start: 5, span: 4 } },
  ]);
});

test("lanes no message touches are marked unused (drawn faded)", () => {
  const { lanes } = layoutSequence(LANES, [{ from: "browser", to: "server" }]);
  assert.deepEqual(lanes.filter((slot) => !slot.used).map((slot) => slot.lane), ["proxy", "database"]);
});

test("a wider minimum label, and one wider than the whole grid", () => {
  const wide = layoutSequence(LANES, [{ from: "proxy", to: "server" }], { minLabelLanes: 3 });
  assert.deepEqual(wide.messages[0]?.kind === "arrow" && wide.messages[0].label, { start: 2, span: 6 });
  assert.deepEqual(centredSpan(3, 10, 4), { start: 1, span: 4 });
});

test("misuse throws: an undrawn lane, a lane listed twice", () => {
  assert.throws(() => layoutSequence(["browser", "server"], [{ from: "browser", to: "database" as "server" }]), /not drawn/);
  assert.throws(() => layoutSequence(["browser", "browser"], []), /twice/);
});

test("the lanes of flows read side by side: their union, in the canonical order", () => {
  const session = [{ from: "browser", to: "server" }] as const;
  const jwt = [{ from: "server", to: "database" }, { from: "browser", to: "browser" }] as const;
  assert.deepEqual(lanesInUse(LANES, session, jwt), ["browser", "server", "database"]);
  assert.deepEqual(lanesInUse(LANES), []);
});

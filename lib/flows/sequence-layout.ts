/**
 * The geometry of a sequence diagram on a CSS grid, as whole grid columns: no pixel maths, no
 * inline styles (the page CSP allows no style attributes), and text that wraps by itself.
 *
 * Each lane is two columns wide and its lifeline runs on the grid line between them, so lane i
 * (0-based) has its line at grid line 2i + 2. An arrow spans from one lane's line to the
 * other's; its label is centred over it and at least `minLabelLanes` lanes wide (an arrow
 * between neighbours is too narrow for words), shifted back inside the grid at the edges.
 * A step a lane does by itself (from === to) is a note centred on that lane.
 */

export interface SequenceMessage<L extends string> {
  from: L;
  to: L;
}

/** A run of grid columns: `start` is 1-based, as grid-column-start counts. */
export interface ColumnSpan {
  start: number;
  span: number;
}

export interface LaneSlot<L extends string> {
  lane: L;
  /** The lane's header: its two columns. */
  head: ColumnSpan;
  /** The grid line its lifeline runs on. */
  line: number;
  /** Whether any message starts or ends here (the others are drawn faded). */
  used: boolean;
}

export type MessageLayout =
  | { kind: "arrow"; direction: "right" | "left"; arrow: ColumnSpan; label: ColumnSpan }
  | { kind: "note"; label: ColumnSpan };

export interface SequenceLayout<L extends string> {
  columns: number;
  lanes: LaneSlot<L>[];
  messages: MessageLayout[];
}

export interface LayoutOptions {
  /** The narrowest label, in lanes. */
  minLabelLanes: number;
}

const COLUMNS_PER_LANE = 2;

/** Centred on `centreLine`, `span` wide, moved back inside columns 1..columns. */
export function centredSpan(centreLine: number, span: number, columns: number): ColumnSpan {
  const width = Math.min(span, columns);
  const start = centreLine - width / 2;
  return { start: Math.min(Math.max(1, Math.floor(start)), columns - width + 1), span: width };
}

export function layoutSequence<L extends string>(
  lanes: readonly L[],
  messages: readonly SequenceMessage<L>[],
  options: LayoutOptions = { minLabelLanes: 2 },
): SequenceLayout<L> {
  if (new Set(lanes).size !== lanes.length) throw new Error(`layoutSequence: a lane is listed twice (${lanes.join(", ")})`);
  const columns = lanes.length * COLUMNS_PER_LANE;
  const indexOf = (lane: L) => {
    const index = lanes.indexOf(lane);
    if (index < 0) throw new Error(`layoutSequence: a message names the lane "${lane}", which is not drawn`);
    return index;
  };
  const lineOf = (index: number) => index * COLUMNS_PER_LANE + 2;
  const minLabel = options.minLabelLanes * COLUMNS_PER_LANE;
  const used = new Set(messages.flatMap((message) => [message.from, message.to]));

  const laidOut = messages.map((message): MessageLayout => {
    const [from, to] = [indexOf(message.from), indexOf(message.to)];
    if (from === to) return { kind: "note", label: centredSpan(lineOf(from), minLabel, columns) };
    const arrow = { start: lineOf(Math.min(from, to)), span: Math.abs(to - from) * COLUMNS_PER_LANE };
    const label = centredSpan(arrow.start + arrow.span / 2, Math.max(arrow.span, minLabel), columns);
    return { kind: "arrow", direction: to > from ? "right" : "left", arrow, label };
  });

  return {
    columns,
    lanes: lanes.map((lane, index) => ({ lane, head: { start: index * COLUMNS_PER_LANE + 1, span: COLUMNS_PER_LANE }, line: lineOf(index), used: used.has(lane) })),
    messages: laidOut,
  };
}

/**
 * The lanes to draw for flows meant to be read side by side: every lane any of them uses, in
 * the canonical order, so the same lane sits at the same place in each diagram.
 */
export function lanesInUse<L extends string>(order: readonly L[], ...flows: readonly (readonly SequenceMessage<L>[])[]): L[] {
  const used = new Set(flows.flat().flatMap((message) => [message.from, message.to]));
  return order.filter((lane) => used.has(lane));
}

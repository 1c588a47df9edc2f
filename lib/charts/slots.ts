/**
 * Where each bar of a chart goes, top to bottom: groups of bars (a percentile's bars, one per
 * series; or one row of a bar chart), each group optionally under a line for its label. The
 * SVG's height follows from it, so a chart is as tall as what it shows.
 */

export interface SlotOptions {
  top: number;
  /** Room for a label line above each group's bars; 0 when labels sit beside them. */
  labelHeight: number;
  barHeight: number;
  barGap: number;
  groupGap: number;
}

export interface GroupSlot {
  /** Baseline of the group's label line (labelHeight > 0), else its vertical middle. */
  labelY: number;
  /** Top of each bar. */
  bars: number[];
  /** Vertical middle of the group's bars. */
  middle: number;
}

export function groupSlots(sizes: number[], options: SlotOptions): { groups: GroupSlot[]; bottom: number } {
  const { top, labelHeight, barHeight, barGap, groupGap } = options;
  const groups: GroupSlot[] = [];
  let y = top;
  sizes.forEach((size, index) => {
    if (index > 0) y += groupGap;
    const barsTop = y + labelHeight;
    const bars = Array.from({ length: size }, (_, bar) => barsTop + bar * (barHeight + barGap));
    const barsHeight = size > 0 ? size * barHeight + (size - 1) * barGap : 0;
    const middle = barsTop + barsHeight / 2;
    // A label line's baseline sits a little above the bars; a side label is centred on them.
    groups.push({ labelY: labelHeight > 0 ? barsTop - 4 : middle, bars, middle });
    y = barsTop + barsHeight;
  });
  return { groups, bottom: y };
}

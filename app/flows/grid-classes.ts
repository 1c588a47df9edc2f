import type { ColumnSpan } from "@/lib/flows/sequence-layout";

/**
 * Tailwind finds classes by reading the source, so every one a layout can ask for is written
 * out here in full (a template string would never be generated). Up to six lanes: 12 columns.
 */
const START = ["", "col-start-1", "col-start-2", "col-start-3", "col-start-4", "col-start-5", "col-start-6", "col-start-7", "col-start-8", "col-start-9", "col-start-10", "col-start-11", "col-start-12"];
const SPAN = ["", "col-span-1", "col-span-2", "col-span-3", "col-span-4", "col-span-5", "col-span-6", "col-span-7", "col-span-8", "col-span-9", "col-span-10", "col-span-11", "col-span-12"];
const GRID: Record<number, string> = { 2: "grid-cols-2", 4: "grid-cols-4", 6: "grid-cols-6", 8: "grid-cols-8", 10: "grid-cols-10", 12: "grid-cols-12" };
/** About 4.25rem a lane: five lanes fit a 390 px screen; six scroll inside the diagram. */
const MIN_WIDTH: Record<number, string> = { 2: "min-w-[4.25rem]", 4: "min-w-[8.5rem]", 6: "min-w-[12.75rem]", 8: "min-w-[17rem]", 10: "min-w-[21.25rem]", 12: "min-w-[25.5rem]" };

function pick(table: Record<number, string> | string[], key: number): string {
  const found = Array.isArray(table) ? table[key] : table[key];
  if (!found) throw new Error(`grid-classes: no class for ${key} (at most six lanes)`);
  return found;
}

export const spanClasses = ({ start, span }: ColumnSpan): string => `${pick(START, start)} ${pick(SPAN, span)}`;
export const gridClasses = (columns: number): string => `grid ${pick(GRID, columns)}`;
export const minWidthClass = (columns: number): string => pick(MIN_WIDTH, columns);

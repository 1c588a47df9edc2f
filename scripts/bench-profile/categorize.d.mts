/** Types for categorize.mjs. */
export interface CallFrame { functionName: string; url: string }
export interface CpuProfile { nodes: { id: number; callFrame: CallFrame; children?: number[] }[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }
export function categoryOf(frame: CallFrame): string;
export function nodeCategories(nodes: CpuProfile["nodes"]): Map<number, string>;
export function selfTimeByCategory(profile: CpuProfile, windowMicros: number, tailMicros?: number): Record<string, number>;
export function perRequest(totals: Record<string, number>, requests: number): Record<string, number>;
export function markdownTable(columns: { label: string; perRequest: Record<string, number>; requests: number }[]): string;

// Where a request's CPU time goes, read off a V8 CPU profile (`node --cpu-prof`): self time per
// sample, attributed to the part of the stack that spent it. Pure functions; main.ts runs
// the server and the load.

export interface CallFrame {
  functionName: string;
  url: string;
}

export interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** Ordered: the first rule that matches a frame names it. Bundled chunks keep the package in their file name. */
const RULES: { category: string; test: (frame: CallFrame) => boolean }[] = [
  { category: "idle", test: (frame) => frame.functionName === "(idle)" },
  { category: "garbage collection", test: (frame) => frame.functionName === "(garbage collector)" },
  { category: "Prisma client and database driver", test: (frame) => /prisma|better[-_]sqlite3|node_modules\/pg|pg-protocol|pg-pool/i.test(frame.url) },
  { category: "React (rendering, Flight)", test: (frame) => /compiled\/react|react-server-dom|node_modules\/react/.test(frame.url) },
  { category: "Next.js server", test: (frame) => /node_modules\/next\//.test(frame.url) },
  { category: "app code and its bundled libraries", test: (frame) => /\.next\/server\//.test(frame.url) },
  { category: "Node.js (HTTP, streams, timers)", test: (frame) => frame.url.startsWith("node:") },
  { category: "V8 and native code", test: (frame) => frame.url === "" },
];
const OTHER = "other";

export function categoryOf(frame: CallFrame): string {
  return RULES.find((rule) => rule.test(frame))?.category ?? OTHER;
}

const PSEUDO_FRAME = /^\((program|garbage collector|idle|root)\)$/;

/**
 * Each node's category. A native function (no url: a C++ binding such as a socket write or
 * the SQLite driver's statement) counts for whoever called it, so the driver's own work lands
 * with the database and a socket write with Node, not in one anonymous native heap.
 */
export function nodeCategories(nodes: ProfileNode[]): Map<number, string> {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const categories = new Map<number, string>();
  const resolve = (id: number): string => {
    const known = categories.get(id);
    if (known) return known;
    const callFrame = byId.get(id)?.callFrame;
    if (!callFrame) return OTHER; // a child id with no node: a truncated profile
    const parent = parentOf.get(id);
    const native = callFrame.url === "" && !PSEUDO_FRAME.test(callFrame.functionName) && parent !== undefined;
    const category = native && parent !== undefined ? resolve(parent) : categoryOf(callFrame);
    categories.set(id, category);
    return category;
  };
  for (const node of nodes) resolve(node.id);
  return categories;
}

/**
 * Microseconds of self time per category over the load run: the `windowMicros` that ended
 * `tailMicros` before the profile did (the server is stopped as soon as the load ends; the tail
 * is its shutdown, and startup, login and warm-up fall before the window). Idle time is left out.
 */
export function selfTimeByCategory(profile: CpuProfile, windowMicros: number, tailMicros = 0): Record<string, number> {
  const categoryOfNode = nodeCategories(profile.nodes);
  const windowEnd = profile.endTime - tailMicros;
  const windowStart = windowEnd - windowMicros;
  const totals: Record<string, number> = {};
  let at = profile.startTime;
  for (let index = 0; index < profile.samples.length; index += 1) {
    // A sample's delta is the time since the previous one: the time it stands for.
    const delta = profile.timeDeltas[index] ?? 0;
    at += delta;
    if (at < windowStart || at > windowEnd) continue;
    const category = categoryOfNode.get(profile.samples[index] ?? -1) ?? OTHER;
    if (category === "idle") continue;
    totals[category] = (totals[category] ?? 0) + delta;
  }
  return totals;
}

/** Per request: each category's CPU µs divided by the requests served in the window. */
export function perRequest(totals: Record<string, number>, requests: number): Record<string, number> {
  if (!(requests > 0)) throw new Error("no requests in the profiled window");
  return Object.fromEntries(Object.entries(totals).map(([category, micros]) => [category, micros / requests]));
}

/** A Markdown table: one row per category, one column per target, whole µs; a total row last. */
export function markdownTable(columns: { label: string; perRequest: Record<string, number>; requests: number }[]): string {
  const categories = [...new Set(columns.flatMap((column) => Object.keys(column.perRequest)))].sort(
    (a, b) => Math.max(...columns.map((c) => c.perRequest[b] ?? 0)) - Math.max(...columns.map((c) => c.perRequest[a] ?? 0)),
  );
  const micros = (value: number | undefined) => (value == null ? "—" : String(Math.round(value)));
  const lines = [`| CPU µs per request | ${columns.map((column) => column.label).join(" | ")} |`, `|---|${columns.map(() => "---:").join("|")}|`];
  for (const category of categories) lines.push(`| ${category} | ${columns.map((column) => micros(column.perRequest[category])).join(" | ")} |`);
  const total = (column: { perRequest: Record<string, number> }) => Object.values(column.perRequest).reduce((sum, value) => sum + value, 0);
  lines.push(`| **total** | ${columns.map((column) => `**${micros(total(column))}**`).join(" | ")} |`);
  lines.push(`| requests profiled | ${columns.map((column) => String(column.requests)).join(" | ")} |`);
  return lines.join("\n");
}

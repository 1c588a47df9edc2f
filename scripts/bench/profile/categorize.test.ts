import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { categoryOf, markdownTable, nodeCategories, perRequest, selfTimeByCategory } from "./categorize.ts";

const frame = (functionName: string, url = "") => ({ functionName, url });

describe("categoryOf", () => {
  test("bundled Prisma chunks and the drivers are the database's share", () => {
    assert.equal(categoryOf(frame("a", "file:///app/.next/server/chunks/0d-b_@prisma_client_runtime_query_compiler_fast_bg_sqlite_mjs_1.js")), "Prisma client and database driver");
    assert.equal(categoryOf(frame("query", "file:///app/node_modules/pg/lib/client.js")), "Prisma client and database driver");
  });
  test("React inside Next's compiled folder is React, the rest of next/ is Next", () => {
    assert.equal(categoryOf(frame("render", "file:///app/node_modules/next/dist/compiled/react-server-dom-turbopack/cjs/x.js")), "React (rendering, Flight)");
    assert.equal(categoryOf(frame("handle", "file:///app/node_modules/next/dist/server/base-server.js")), "Next.js server");
  });
  test("our chunks, Node's internals, V8 and the idle and GC pseudo-frames", () => {
    assert.equal(categoryOf(frame("h", "file:///app/.next/server/chunks/ssr/app_api_jwt_me_route.js")), "app code and its bundled libraries");
    assert.equal(categoryOf(frame("write", "node:internal/stream_base_commons")), "Node.js (HTTP, streams, timers)");
    assert.equal(categoryOf(frame("(program)")), "V8 and native code");
    assert.equal(categoryOf(frame("(idle)")), "idle");
    assert.equal(categoryOf(frame("(garbage collector)")), "garbage collection");
    assert.equal(categoryOf(frame("x", "file:///elsewhere.js")), "other");
  });
});

test("a native function counts for its JS caller; V8's own pseudo-frames and orphans stay native", () => {
  const categories = nodeCategories([
    { id: 1, callFrame: frame("(root)"), children: [2, 5] },
    { id: 2, callFrame: frame("performIO", "file:///app/node_modules/@prisma/adapter-better-sqlite3/dist/index.mjs"), children: [3] },
    { id: 3, callFrame: frame("all"), children: [4] },
    { id: 4, callFrame: frame("(garbage collector)") },
    { id: 5, callFrame: frame("writev") },
  ]);
  assert.equal(categories.get(3), "Prisma client and database driver");
  assert.equal(categories.get(4), "garbage collection");
  assert.equal(categories.get(5), "V8 and native code");
  assert.equal(categories.get(1), "V8 and native code");
});

describe("selfTimeByCategory", () => {
  const profile = {
    nodes: [
      { id: 1, callFrame: frame("(idle)") },
      { id: 2, callFrame: frame("handle", "file:///app/node_modules/next/dist/server/base-server.js") },
      { id: 3, callFrame: frame("q", "file:///app/.next/server/chunks/x_@prisma_client.js") },
    ],
    // Times: 100 → 110 (next), 120 (idle), 150 (prisma), 160 (next).
    startTime: 100,
    endTime: 160,
    samples: [2, 1, 3, 2],
    timeDeltas: [10, 10, 30, 10],
  };
  test("counts only the samples inside the window ending at the profile's end, idle left out", () => {
    assert.deepEqual(selfTimeByCategory(profile, 45), { "Prisma client and database driver": 30, "Next.js server": 10 });
    assert.deepEqual(selfTimeByCategory(profile, 1000), { "Next.js server": 20, "Prisma client and database driver": 30 });
    // The last 10 µs were the shutdown: the window (115, 150] holds the idle and Prisma samples only.
    assert.deepEqual(selfTimeByCategory(profile, 35, 10), { "Prisma client and database driver": 30 });
  });
  test("per request divides by the requests served, and refuses none", () => {
    assert.deepEqual(perRequest({ a: 300 }, 3), { a: 100 });
    assert.throws(() => perRequest({ a: 1 }, 0), /no requests/);
  });
});

test("markdownTable: whole µs, biggest category first, a total and the request count", () => {
  const table = markdownTable([
    { label: "baseline", perRequest: { "Next.js server": 400.4, "Node.js (HTTP, streams, timers)": 100 }, requests: 5000 },
    { label: "session", perRequest: { "Next.js server": 410, "Prisma client and database driver": 600.6 }, requests: 4000 },
  ]);
  const lines = table.split("\n");
  assert.equal(lines[0], "| CPU µs per request | baseline | session |");
  assert.equal(lines[2], "| Prisma client and database driver | — | 601 |");
  assert.equal(lines[3], "| Next.js server | 400 | 410 |");
  assert.equal(lines.at(-2), "| **total** | **500** | **1011** |");
  assert.equal(lines.at(-1), "| requests profiled | 5000 | 4000 |");
});

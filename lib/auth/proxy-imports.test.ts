import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { walkImports } from "./import-graph.ts";

/**
 * proxy.ts is an optimistic filter: it must not reach the database, Redis or a mode's store,
 * not even through an import of an import (a roleSchema from lib/users.ts once dragged the
 * whole Prisma client in). The built trace is checked too, in e2e/proxy-trace.spec.ts.
 */
const FORBIDDEN_FILES = [/^lib\/db\.ts$/, /^lib\/generated\//, /^lib\/users\.ts$/, /^lib\/auth\/registry\.ts$/, /\/store\.ts$/, /^lib\/auth\/jwt\/key-(store|set|admin)\.ts$/, /^lib\/state\/(?!process-local\.ts$)/];
const FORBIDDEN_PACKAGES = [/^@prisma\//, /^pg$/, /^better-sqlite3$/, /^ioredis$/, /^next\/headers$/];

function violations(entry: string): string[] {
  const graph = walkImports(entry);
  const files = graph.files.filter((file) => FORBIDDEN_FILES.some((pattern) => pattern.test(file)));
  const packages = graph.packages.filter((name) => FORBIDDEN_PACKAGES.some((pattern) => pattern.test(name)));
  return [...files, ...packages].map((what) => `${what} (via ${graph.path(what).join(" → ")})`);
}

describe("the proxy's import graph", () => {
  test("proxy.ts reaches no database, Redis, store or request-scoped API", () => {
    assert.deepEqual(violations("proxy.ts"), []);
  });

  test("it reaches both modes' edge halves", () => {
    const { files } = walkImports("proxy.ts");
    assert.ok(files.includes("lib/auth/session/edge.ts"));
    assert.ok(files.includes("lib/auth/jwt/edge.ts"));
  });

  test("the walker does see a database import when there is one (this test can fail)", () => {
    const found = violations("lib/auth/registry.ts");
    assert.ok(found.some((line) => line.startsWith("lib/db.ts")), found.join("\n"));
  });
});

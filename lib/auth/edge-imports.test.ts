import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

// proxy.ts is optimistic and must never reach the database, not even transitively (STYLE.md):
// walk its static imports and refuse lib/db.ts, Prisma and the key store.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const FORBIDDEN = [/^lib\/db\.ts$/, /^lib\/generated\//, /^lib\/auth\/jwt\/key-(store|set|admin)\.ts$/, /^lib\/users\.ts$/];
const FORBIDDEN_PACKAGES = [/^@prisma\//, /^pg$/, /^ioredis$/];

function resolveLocal(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/") ? path.join(root, specifier.slice(2)) : specifier.startsWith(".") ? path.resolve(path.dirname(from), specifier) : null;
  if (base === null) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) if (existsSync(candidate) && candidate.match(/\.tsx?$/)) return candidate;
  return null;
}

function importGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const source = readFileSync(file, "utf8");
    // Type-only imports vanish at build time; they cannot pull a module into the bundle.
    for (const match of source.matchAll(/^\s*(?:import|export)\s+(?!type\s)(?:[^"';]*?\sfrom\s+)?["']([^"']+)["']/gm)) {
      const specifier = match[1]!;
      const local = resolveLocal(file, specifier);
      if (local) pending.push(local);
      else if (!specifier.startsWith(".") && !specifier.startsWith("@/")) packages.add(specifier);
    }
  }
  return { files, packages };
}

test("proxy.ts reaches neither the database, Prisma, Redis nor the signing-key store", () => {
  const { files, packages } = importGraph(path.join(root, "proxy.ts"));
  const relative = [...files].map((file) => path.relative(root, file));
  assert.ok(relative.includes("lib/auth/jwt/verify-config.ts"), "the walk follows the proxy into the JWT peek");
  assert.deepEqual(relative.filter((file) => FORBIDDEN.some((pattern) => pattern.test(file))), []);
  assert.deepEqual([...packages].filter((name) => FORBIDDEN_PACKAGES.some((pattern) => pattern.test(name))), []);
});

test("the walk would notice: the full JWT strategy does reach the database", () => {
  const { files } = importGraph(path.join(root, "lib/auth/jwt/strategy.ts"));
  assert.ok([...files].some((file) => path.relative(root, file) === "lib/db.ts"));
});

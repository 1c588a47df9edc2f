import { existsSync, readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";

/**
 * The built proxy's server trace lists every file its bundle can load at run time: the proof
 * that proxy.ts reaches no database driver, imports of imports included. Read here, in the e2e
 * tier, because this suite runs on the production build (lib/auth/proxy-imports.test.ts checks
 * the source graph in the unit tier).
 */
const DRIVERS = /@prisma|better-sqlite3|adapter-pg|node_modules\/pg\/|ioredis|lib\/generated/i;

function tracedFiles(bundle: string): string[] {
  const candidates = [`.next/server/${bundle}.js.nft.json`];
  const file = candidates.find((path) => existsSync(path));
  if (!file) throw new Error(`no trace for ${bundle} in .next/server: was the app built?`);
  return (JSON.parse(readFileSync(file, "utf8")) as { files: string[] }).files;
}

function proxyTrace(): string[] {
  // Next 16 still names the proxy's bundle "middleware" on disk; accept either name.
  return existsSync(".next/server/proxy.js.nft.json") ? tracedFiles("proxy") : tracedFiles("middleware");
}

test("the built proxy traces no database or Redis driver", () => {
  const files = proxyTrace();
  expect(files.length).toBeGreaterThan(0);
  expect(files.filter((file) => DRIVERS.test(file))).toEqual([]);
});

test("a route that verifies for real does trace the drivers (the check above can fail)", () => {
  const files = tracedFiles("app/api/session/me/route");
  expect(files.some((file) => DRIVERS.test(file))).toBe(true);
});

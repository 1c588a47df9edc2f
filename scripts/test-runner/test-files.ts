// Node 20's `--test` takes no globs, so test files are found here.
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";

// Generated, installed or produced by a run: never where our tests live.
const SKIPPED_DIRS = new Set(["node_modules", ".next", ".git", ".data", "test-results", "playwright-report"]);
const SKIPPED_PATHS = new Set(["lib/generated"]);

/**
 * @param wanted  gets paths relative to the project root
 * @returns sorted, relative to the project root, with "/" separators
 */
export function findTestFiles(wanted: (file: string) => boolean, root: string = process.cwd()): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      const rel = relative(root, path).split("\\").join("/");
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name) && !SKIPPED_PATHS.has(rel)) walk(path);
      } else if (entry.isFile() && wanted(rel)) {
        found.push(rel);
      }
    }
  };
  walk(root);
  return found.sort();
}

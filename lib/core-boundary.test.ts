import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { walkImports } from "./auth/import-graph.ts";

/**
 * The core (lib/auth, lib/http, the database modules and the seam itself) never imports lab
 * code, not even through an import of an import: labs hook in through lib/core-hooks.ts, which
 * the core owns, and register from app-level code (instrumentation.ts). Type-only imports count
 * too: a type pulled from a lab ties the core's shape to it.
 */
const CORE_FOLDERS = ["lib/auth", "lib/http"];
const CORE_FILES = /^lib\/(db[\w-]*|core-hooks)\.ts$/;
const LAB_CODE = /^lib\/labs\//;
const TYPE_IMPORT = /(?:^|[\s;])(?:import|export)\s+type\s+[^'"`;]*?\s+from\s+["'](\.[^"']+)["']/g;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: "utf8" })
    .map((name) => join(folder, name).split("\\").join("/"))
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file) && !file.includes("/test-"));
}

function coreFiles(): string[] {
  const top = readdirSync("lib").map((name) => `lib/${name}`).filter((file) => CORE_FILES.test(file) && !file.endsWith(".test.ts"));
  return [...CORE_FOLDERS.flatMap(sourceFiles), ...top];
}

/** Every way a file reaches lab code: runtime imports followed through, type imports at first hand. */
function labReaches(entry: string): string[] {
  const graph = walkImports(entry);
  const runtime = graph.files.filter((file) => LAB_CODE.test(file)).map((file) => `${file} (via ${graph.path(file).join(" → ")})`);
  const typeOnly = [...readFileSync(entry, "utf8").matchAll(TYPE_IMPORT)]
    .map((match) => join(entry, "..", match[1]!).split("\\").join("/"))
    .filter((file) => LAB_CODE.test(file))
    .map((file) => `${file} (type import in ${entry})`);
  return [...runtime, ...typeOnly];
}

describe("the core never imports lab code", () => {
  test("no file of lib/auth, lib/http or the database modules reaches lib/labs", () => {
    const files = coreFiles();
    assert.ok(files.includes("lib/auth/dal.ts") && files.includes("lib/http/json.ts") && files.includes("lib/db.ts"), files.join("\n"));
    assert.deepEqual(files.flatMap(labReaches), []);
  });

  test("the check sees a lab import when there is one (this test can fail)", () => {
    assert.ok(labReaches("lib/labs/core-hooks.ts").some((line) => line.startsWith("lib/labs/lab-user-id.ts")));
    assert.ok(labReaches("instrumentation.ts").length > 0);
  });
});

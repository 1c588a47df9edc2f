import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, describe, test } from "node:test";
import { findTestFiles } from "./test-files.ts";

describe("findTestFiles", () => {
  const root = mkdtempSync(join(tmpdir(), "test-files-"));
  after(() => rmSync(root, { recursive: true, force: true }));
  for (const file of [
    "lib/b.test.ts",
    "lib/a.test.ts",
    "lib/a.ts",
    "scripts/test-runner/report.test.ts",
    "lib/generated/client.test.ts",
    "node_modules/pkg/x.test.ts",
    ".next/server/y.test.ts",
    "test-results/z.test.ts",
    "app/generated/kept.test.ts",
  ]) {
    mkdirSync(join(root, dirname(file)), { recursive: true });
    writeFileSync(join(root, file), "");
  }

  test("what the filter wants, sorted, relative with forward slashes; never installed, built or generated code", () => {
    assert.deepEqual(findTestFiles((file) => file.endsWith(".test.ts"), root), [
      "app/generated/kept.test.ts",
      "lib/a.test.ts",
      "lib/b.test.ts",
      "scripts/test-runner/report.test.ts",
    ]);
  });

  test("the filter sees paths from the root, so a folder can be chosen", () => {
    assert.deepEqual(findTestFiles((file) => file.startsWith("scripts/"), root), ["scripts/test-runner/report.test.ts"]);
  });
});

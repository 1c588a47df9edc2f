// The README is a front door, and docs/ holds the rooms: this keeps the door short and every
// link between them pointing at something that exists (a split that moved a section must not
// leave a reader at a dead link).
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, test } from "node:test";

const ROOT = resolve(import.meta.dirname, "..");
const README = join(ROOT, "README.md");

function markdownFiles(): string[] {
  const docs = readdirSync(join(ROOT, "docs"), { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".md"))
    .map((file) => join(ROOT, "docs", file));
  return [README, ...docs];
}

/** Relative link targets of a Markdown text: `[x](path)` and `![x](path)`, not URLs or anchors. */
export function relativeLinks(markdown: string): string[] {
  const targets = [...markdown.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]!);
  return targets.filter((target) => !/^[a-z]+:/i.test(target) && !target.startsWith("#")).map((target) => target.split("#")[0]!);
}

describe("README and docs/", () => {
  test("every relative link in README.md and docs/ points at a file that exists", () => {
    const broken = markdownFiles().flatMap((file) =>
      relativeLinks(readFileSync(file, "utf8"))
        .filter((target) => !existsSync(resolve(dirname(file), target)))
        .map((target) => `${file.slice(ROOT.length + 1)} → ${target}`),
    );
    assert.deepEqual(broken, []);
  });

  test("the README's first screen has what a newcomer needs: a picture and the two commands", () => {
    const firstScreen = readFileSync(README, "utf8").split("\n").slice(0, 40).join("\n");
    assert.match(firstScreen, /!\[[^\]]+\]\([^)]+\.(png|svg)\)/, "a picture");
    assert.match(firstScreen, /npm install && npm start/);
    assert.match(firstScreen, /\bnpm test\b/);
  });

  test("the README stays a front door: short, with every topic on its own docs/ page", () => {
    const lines = readFileSync(README, "utf8").split("\n").length;
    assert.ok(lines <= 120, `README.md has ${lines} lines; topics belong in docs/`);
  });

  test("relativeLinks finds files and skips URLs and anchors", () => {
    assert.deepEqual(relativeLinks("[a](docs/A.md) ![b](x.png#y) [c](https://e.x) [d](#top) [e](mailto:x@y)"), ["docs/A.md", "x.png"]);
  });
});

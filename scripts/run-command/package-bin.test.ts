import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join, resolve } from "node:path";
import { after, describe, test } from "node:test";
import { packageBinCommand, packageBinScript } from "./package-bin.ts";

describe("packageBinScript", () => {
  // The installed packages `npm start` runs: the script is the one npm linked into node_modules/.bin.
  for (const pkg of ["next", "prisma", "tsx"]) {
    test(`${pkg}: the file node_modules/.bin/${pkg} points at`, () => {
      assert.equal(packageBinScript(pkg), realpathSync(resolve("node_modules", ".bin", pkg)));
    });
  }

  const root = mkdtempSync(join(tmpdir(), "package-bin-"));
  after(() => rmSync(root, { recursive: true, force: true }));
  const install = (name: string, manifest: object): void => {
    mkdirSync(join(root, "node_modules", name), { recursive: true });
    writeFileSync(join(root, "node_modules", name, "package.json"), JSON.stringify({ name, ...manifest }));
  };

  test("a bin given as one string", () => {
    install("single", { bin: "./cli.js" });
    assert.equal(packageBinScript("single", root), join(root, "node_modules", "single", "cli.js"));
  });

  test("a package without a bin of its own name is refused by name", () => {
    install("other-bin", { bin: { something: "x.js" } });
    assert.throws(() => packageBinScript("other-bin", root), /other-bin names no bin "other-bin"/);
  });
});

describe("packageBinCommand", () => {
  test("node runs the bin script itself, with node_modules/.bin first on PATH", () => {
    // Next declares NODE_ENV as always set; this environment is deliberately bare.
    const given: Record<string, string> = { PATH: "/usr/bin", KEEP: "1" };
    const { command, args, env } = packageBinCommand("next", ["start", "-p", "3000"], given as NodeJS.ProcessEnv);
    assert.equal(command, process.execPath);
    assert.deepEqual(args, [packageBinScript("next"), "start", "-p", "3000"]);
    assert.equal(env.PATH, `${resolve("node_modules", ".bin")}${delimiter}/usr/bin`);
    assert.equal(env.KEEP, "1");
  });
});

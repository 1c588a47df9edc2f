import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseOptions } from "./options.ts";

describe("parseOptions", () => {
  test("no options: unit, integration and e2e, with a build", () => {
    assert.deepEqual(parseOptions([]), { suites: new Set(["unit", "integration", "e2e"]), skipBuild: false, playwrightArgs: [] });
  });

  test("--only takes commas and repeats; engine and fleet run only when named", () => {
    assert.deepEqual(parseOptions(["--only", "unit,engine", "--only=fleet"]).suites, new Set(["unit", "engine", "fleet"]));
  });

  test("everything after -- goes to Playwright untouched, options included", () => {
    const options = parseOptions(["--only", "e2e", "--skip-build", "--", "e2e/x.spec.ts", "--project=chromium", "--only", "x"]);
    assert.deepEqual(options.suites, new Set(["e2e"]));
    assert.equal(options.skipBuild, true);
    assert.deepEqual(options.playwrightArgs, ["e2e/x.spec.ts", "--project=chromium", "--only", "x"]);
  });

  test("an unknown suite or option is refused by name", () => {
    assert.throws(() => parseOptions(["--only", "unit,e2ee"]), /unknown suite "e2ee"/);
    assert.throws(() => parseOptions(["--dev"]), /--dev/);
  });
});

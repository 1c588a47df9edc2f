import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { BENCH_FLOOR_PATH } from "../../lib/http/bench-floor.ts";

/**
 * The route table, read from the files: every API route answers every method Next routes
 * itself, the ones it does not serve with lib/http/method-refusal.ts. A route that forgot would
 * hand clients Next's bare 405 (no body, no `Allow`: RFC 9110 §15.5.6), and its OPTIONS would
 * list the refusals as methods. Read as text, not imported: importing every route would load the
 * database and the native hashing module into a unit test.
 */

const EVERY = ["DELETE", "GET", "OPTIONS", "PATCH", "POST", "PUT"];
const CATCH_ALL = "app/api/[...unknown]/route.ts";
// The bench's floor is Next alone on purpose (lib/http/bench-floor.ts): nothing of ours runs there.
const FLOOR = `app${BENCH_FLOOR_PATH}/route.ts`;

const routes = (readdirSync("app/api", { recursive: true, encoding: "utf8" }) as string[])
  .filter((file) => file.split(/[\\/]/).at(-1) === "route.ts")
  .map((file) => `app/api/${file.split("\\").join("/")}`)
  .sort();

function ownExports(source: string): string[] {
  return [...source.matchAll(/export (?:const|(?:async )?function) (GET|HEAD|OPTIONS|POST|PUT|PATCH|DELETE)\b/g)].map((match) => match[1]!).sort();
}

function methodList(text: string): string[] {
  return [...text.matchAll(/"([A-Z]+)"/g)].map((match) => match[1]!).sort();
}

describe("the API's route table", () => {
  test("is read from disk (the checks below are not vacuous)", () => {
    assert.ok(routes.length > 30, routes.join());
    assert.ok(routes.includes(CATCH_ALL) && routes.includes(FLOOR));
  });

  test("the catch-all answers every method itself (404), OPTIONS too", () => {
    assert.deepEqual(ownExports(readFileSync(CATCH_ALL, "utf8")), EVERY);
  });

  for (const file of routes.filter((route) => route !== CATCH_ALL && route !== FLOOR)) {
    test(`${file}: its own methods and its refusals are every method, once, and its Allow names its own`, () => {
      const source = readFileSync(file, "utf8");
      const own = ownExports(source);
      const refusal = /export const \{ ([A-Z, ]+) \} = refuseOtherMethods\(\[([^\]]*)\]/.exec(source);
      assert.ok(refusal, "no `export const { … } = refuseOtherMethods([…])`");
      const refused = refusal[1]!.split(", ").sort();
      assert.deepEqual([...own, ...refused].sort(), EVERY, `exports ${own.join()} + refusals ${refused.join()}`);
      const served = own.filter((method) => method !== "OPTIONS");
      assert.deepEqual(methodList(refusal[2]!), served, "refuseOtherMethods names other methods than the route exports");
      if (own.includes("OPTIONS")) {
        const preflight = /export const OPTIONS = corsPreflight\(\[([^\]]*)\]\)/.exec(source);
        assert.ok(preflight, "an own OPTIONS that is not corsPreflight([…]): does it send Allow?");
        assert.deepEqual(methodList(preflight[1]!), served);
      }
    });
  }
});

// The npm postinstall: `prisma generate` for both schema folders, through the stand-in engine.
import { test } from "node:test";
import assert from "node:assert/strict";
import { stat } from "node:fs/promises";
import path from "node:path";
import { describeRun, projectRoot, runNode, standInEngine } from "./engine/run-prisma-cli.ts";

test("scripts/prisma/generate.ts generates both clients, one line each", { timeout: 60_000 }, async () => {
  const started = Date.now();
  const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: standInEngine };
  const run = await runNode(["--import", "tsx", path.join(projectRoot, "scripts", "prisma", "generate.ts")], { cwd: projectRoot, env });

  assert.equal(run.code, 0, describeRun("generate.ts", run));
  const lines = run.output.trim().split("\n");
  assert.equal(lines.length, 2, describeRun("generate.ts", run));
  for (const [i, provider] of ["sqlite", "postgres"].entries()) {
    assert.match(lines[i] ?? "", new RegExp(`^prisma client \\(${provider}\\) generated into lib/generated/${provider} in `));
    const client = await stat(path.join(projectRoot, "lib", "generated", provider, "client.ts"));
    assert.ok(client.mtimeMs >= started - 1000, `lib/generated/${provider}/client.ts was not rewritten`);
  }
});

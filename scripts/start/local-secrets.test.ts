import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { ensureLocalSecrets, missingSecrets, SECRET_NAMES } from "./local-secrets.ts";

// Next declares NODE_ENV as always set; these environments are deliberately bare.
const env = (vars: Record<string, string>): NodeJS.ProcessEnv => vars as NodeJS.ProcessEnv;

describe("missingSecrets", () => {
  test("a value in the environment or the file counts; an empty assignment does not", () => {
    const file = "SESSION_SECRET=abc\nexport JWT_SECRET = def\nJWT_KEY_ENCRYPTION_SECRET=\n";
    assert.deepEqual(missingSecrets(file, env({ METRICS_TOKEN: "t" })), ["JWT_KEY_ENCRYPTION_SECRET"]);
  });

  test("a commented-out line is not a value", () => {
    assert.deepEqual(missingSecrets("# SESSION_SECRET=abc\n", env({})), SECRET_NAMES);
  });
});

describe("ensureLocalSecrets", () => {
  const dir = mkdtempSync(join(tmpdir(), "local-secrets-"));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test("appends only what is missing, on a line of its own, readable by the owner alone", () => {
    const file = join(dir, "partial.env");
    writeFileSync(file, "SESSION_SECRET=kept", { mode: 0o600 });
    assert.deepEqual(ensureLocalSecrets(file, env({})), ["JWT_SECRET", "JWT_KEY_ENCRYPTION_SECRET", "METRICS_TOKEN"]);
    const lines = readFileSync(file, "utf8").trimEnd().split("\n");
    assert.equal(lines[0], "SESSION_SECRET=kept");
    assert.deepEqual(lines.slice(1).map((line) => line.split("=")[0]), ["JWT_SECRET", "JWT_KEY_ENCRYPTION_SECRET", "METRICS_TOKEN"]);
    for (const line of lines.slice(1)) assert.match(line, /^[A-Z_]+=[A-Za-z0-9_-]{43}$/);
    assert.deepEqual(ensureLocalSecrets(file, env({})), [], "a second start adds nothing");
  });

  test("a new file is created with mode 0600", () => {
    const file = join(dir, "new.env");
    ensureLocalSecrets(file, env({}));
    assert.equal(statSync(file).mode & 0o777, 0o600);
  });

  test("production invents nothing: lib/env.ts must refuse to start instead", () => {
    const file = join(dir, "production.env");
    assert.deepEqual(ensureLocalSecrets(file, env({ NODE_ENV: "production" })), []);
    assert.throws(() => statSync(file), { code: "ENOENT" });
  });
});

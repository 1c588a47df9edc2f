import assert from "node:assert/strict";
import { afterEach, test } from "node:test";
import { resetConfigForTests } from "./lib/env.ts";
import { register } from "./instrumentation.ts";

// The server's start-up hook: with a missing or short secret it must throw, which stops
// `next start` before it serves a single request.

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  resetConfigForTests();
});

function withEnv(values: Record<string, string | undefined>) {
  process.env = { ...saved, NEXT_RUNTIME: "nodejs", NODE_ENV: "production", ...values };
  resetConfigForTests();
}

const strong = Buffer.alloc(32, 7).toString("base64url");

test("refuses to start without secrets, naming both", async () => {
  withEnv({ SESSION_SECRET: undefined, JWT_SECRET: undefined });
  await assert.rejects(register(), (error: Error) => /SESSION_SECRET/.test(error.message) && /JWT_SECRET/.test(error.message));
});

test("refuses a secret shorter than 32 bytes", async () => {
  withEnv({ SESSION_SECRET: strong, JWT_SECRET: "too-short" });
  await assert.rejects(register(), /JWT_SECRET must encode at least 32 bytes/);
});

test("starts with real secrets", async () => {
  withEnv({ SESSION_SECRET: strong, JWT_SECRET: Buffer.alloc(32, 9).toString("base64url") });
  await assert.doesNotReject(register());
});

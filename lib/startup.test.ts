import assert from "node:assert/strict";
import { afterEach, test } from "node:test";
import { resetConfigForTests } from "./env.ts";
import { checkConfigAtStartup } from "./startup.ts";

// With a missing or short secret the server process must exit, not serve 500s.

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  resetConfigForTests();
});

const strong = (fill: number) => Buffer.alloc(32, fill).toString("base64url");

function startWith(values: Record<string, string | undefined>): { code: number | null; logged: string } {
  process.env = { ...saved, NODE_ENV: "production", ...values };
  resetConfigForTests();
  let code: number | null = null;
  const original = console.error;
  let logged = "";
  console.error = (message: string) => {
    logged += message;
  };
  try {
    checkConfigAtStartup(((exitCode: number) => {
      code = exitCode;
      return undefined as never;
    }) as (code: number) => never);
  } finally {
    console.error = original;
  }
  return { code, logged };
}

test("exits 1 without secrets, naming each", () => {
  const { code, logged } = startWith({ SESSION_SECRET: undefined, JWT_SECRET: undefined, JWT_KEY_ENCRYPTION_SECRET: undefined });
  assert.equal(code, 1);
  assert.match(logged, /SESSION_SECRET/);
  assert.match(logged, /JWT_SECRET/);
  assert.match(logged, /JWT_KEY_ENCRYPTION_SECRET/);
});

test("exits 1 on a secret shorter than 32 bytes", () => {
  const { code, logged } = startWith({ SESSION_SECRET: strong(7), JWT_SECRET: "too-short" });
  assert.equal(code, 1);
  assert.match(logged, /JWT_SECRET must encode at least 32 bytes/);
});

test("starts with real secrets", () => {
  assert.equal(startWith({ SESSION_SECRET: strong(7), JWT_SECRET: strong(9), JWT_KEY_ENCRYPTION_SECRET: strong(11) }).code, null);
});

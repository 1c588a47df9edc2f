import assert from "node:assert/strict";
import { parseConfig, type Config } from "./env.ts";

/** Shared by the env tests: valid secrets, and an assertion that names the offending variables. */

// Values passed in directly: parseConfig never reads process.env.
export const SECRETS = {
  SESSION_SECRET: Buffer.alloc(32, 1).toString("base64url"),
  JWT_SECRET: Buffer.alloc(32, 2).toString("base64url"),
  JWT_KEY_ENCRYPTION_SECRET: Buffer.alloc(32, 4).toString("base64url"),
};
export const withSecrets = (extra: Record<string, string | undefined> = {}): Config => parseConfig({ ...SECRETS, ...extra });

/** parseConfig's error names each offending variable; asserted by name, not wording. */
export function assertInvalid(source: Record<string, string | undefined>, ...variables: string[]): void {
  assert.throws(
    () => parseConfig(source),
    (error: unknown) => {
      assert.ok(error instanceof Error);
      for (const name of variables) assert.match(error.message, new RegExp(`^  - ${name}:`, "m"), `${name} not listed`);
      return true;
    },
  );
}

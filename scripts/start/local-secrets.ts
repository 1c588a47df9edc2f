// A local demo should start with zero setup, so missing secrets are made up and kept in the
// git-ignored .env.local. Never in production: there lib/env.ts refuses to start without real
// secrets, and inventing them here would hide that.
import { randomBytes } from "node:crypto";
import { appendFileSync, existsSync, readFileSync } from "node:fs";

// METRICS_TOKEN is optional to the app (metrics off without it); the local demo gets one.
export const SECRET_NAMES = ["SESSION_SECRET", "JWT_SECRET", "JWT_KEY_ENCRYPTION_SECRET", "METRICS_TOKEN"];

/** The secrets neither the environment nor the env file (its text) gives a non-empty value. */
export function missingSecrets(envFileText: string, env: NodeJS.ProcessEnv): string[] {
  return SECRET_NAMES.filter(
    (name) => !env[name] && !new RegExp(`^\\s*(export\\s+)?${name}\\s*=\\s*\\S`, "m").test(envFileText),
  );
}

/** Appends a random value for each missing secret to `file`; returns the names it added. */
export function ensureLocalSecrets(file: string, env: NodeJS.ProcessEnv = process.env): string[] {
  if (env.NODE_ENV === "production") return [];
  const existing = existsSync(file) ? readFileSync(file, "utf8") : "";
  const missing = missingSecrets(existing, env);
  if (missing.length === 0) return [];
  const lines = missing.map((name) => `${name}=${randomBytes(32).toString("base64url")}`);
  const separator = existing === "" || existing.endsWith("\n") ? "" : "\n";
  appendFileSync(file, `${separator}${lines.join("\n")}\n`, { mode: 0o600 });
  return missing;
}

// Prisma 7 config: one schema folder per provider, chosen from DATABASE_URL (see prisma/models.prisma
// for why the models are shared but the datasources are not).
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";
// Not lib/env.ts: that one needs the secrets and is server-only; the CLI needs neither.
import { DEFAULT_DATABASE_URL } from "./lib/database-defaults.ts";

const projectRoot = path.dirname(fileURLToPath(import.meta.url));
const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
const provider = /^postgres(ql)?:\/\//.test(url) ? "postgres" : "sqlite";
const schemaFolder = path.join(projectRoot, "prisma", provider);

// The default SQLite file lives in .data/; SQLite creates the file but not its directory.
if (!process.env.DATABASE_URL) mkdirSync(path.join(projectRoot, ".data"), { recursive: true });

selectSchemaEngineFallbackIfNeeded();

export default defineConfig({
  schema: schemaFolder,
  migrations: {
    path: path.join(schemaFolder, "migrations"),
    // react-server: the seed uses lib/'s server modules, which start with `import "server-only"`.
    seed: "tsx --conditions=react-server prisma/seed.ts",
  },
  datasource: { url },
});

/**
 * Every prisma command first makes sure the native schema engine is on disk, and downloads it if
 * not. Where that download is impossible (no internet but the npm registry), point the CLI at our
 * stand-in (scripts/prisma/engine/), which runs the WebAssembly engine from npm instead. Where
 * @prisma/engines' postinstall did fetch the native binary, or the caller chose an engine, we stay
 * out of the way: the native engine is the real thing, the stand-in is only a fallback.
 */
function selectSchemaEngineFallbackIfNeeded(): void {
  if (process.env.PRISMA_SCHEMA_ENGINE_BINARY) return;
  if (nativeSchemaEngineIsInstalled()) return;
  process.env.PRISMA_SCHEMA_ENGINE_BINARY = path.join(
    projectRoot,
    "scripts",
    "prisma",
    "engine",
    "schema-engine.mjs",
  );
}

/** The CLI looks for `schema-engine-<platform>[.exe]` in @prisma/engines' folder, then in prisma's. */
function nativeSchemaEngineIsInstalled(): boolean {
  const require = createRequire(import.meta.url);
  const prismaDir = path.dirname(require.resolve("prisma/package.json"));
  const enginesDir = path.dirname(
    createRequire(path.join(prismaDir, "package.json")).resolve("@prisma/engines/package.json"),
  );
  const binaryName = /^schema-engine-[\w.-]+?(\.exe)?$/;
  return [enginesDir, prismaDir].some(
    (dir) =>
      existsSync(dir) &&
      readdirSync(dir).some((name) => binaryName.test(name) && !/\.(gz|sha256)$/.test(name)),
  );
}

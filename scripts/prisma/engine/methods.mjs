// The JSON-RPC methods the prisma CLI calls, mapped onto the wasm engine. Most pass straight
// through; the rest work around what the wasm build does differently from the native one.
import { evaluateDataLoss } from "./data-loss.mjs";
import { createAdapterFactory, createDatabase } from "./databases.mjs";
import { resetSqliteDatabase } from "./sqlite.mjs";

const PASS_THROUGH = [
  "applyMigrations",
  "dbExecute",
  "devDiagnostic",
  "ensureConnectionValidity",
  "introspect",
  "introspectSql",
  "markMigrationApplied",
  "markMigrationRolledBack",
  "schemaPush",
];

/**
 * @param {{ url: string, provider: "sqlite" | "postgres", factory: object,
 *           probe: { migrationsTableMissing: boolean }, getEngine: () => Promise<object>,
 *           createEngine: (factory: object) => Promise<object> }} context
 */
export function createMethods({ url, provider, factory, probe, getEngine, createEngine }) {
  const connectorType = provider === "postgres" ? "postgresql" : "sqlite";
  const methods = Object.fromEntries(
    PASS_THROUGH.map((name) => [name, async (params) => (await getEngine())[name](params)]),
  );

  return {
    ...methods,

    // Quirk 1, second half: the probe answered "no rows", so the engine believes the table exists.
    async diagnoseMigrationHistory(params) {
      probe.migrationsTableMissing = false;
      const result = await (await getEngine()).diagnoseMigrationHistory(params);
      return probe.migrationsTableMissing ? { ...result, hasMigrationsTable: false } : result;
    },

    // Quirk 6, first half: the wasm createMigration never asks the adapter for a shadow database
    // ("shadow DB must be provided through an external factory"); its `diff` does. So: diff the
    // migration history (replayed on a shadow database) against the schema, as natively.
    async createMigration({ draft, migrationName, migrationsList, schema, filters }) {
      const from = historyTarget(migrationsList, connectorType);
      const to = { tag: "schemaDatamodel", files: schema.files };
      const { exitCode, stdout } = await (await getEngine()).diff({ from, to, script: true, exitCode: true, filters });
      const changed = exitCode === 2;
      return {
        connectorType,
        generatedMigrationName: [utcTimestamp(), migrationName].filter(Boolean).join("_"),
        extension: "sql",
        migrationScript: changed || draft ? stdout : null,
      };
    },

    // Quirk 6, second half: see data-loss.mjs.
    async evaluateDataLoss({ migrationsList, schema, filters }) {
      return evaluateDataLoss({
        engine: await getEngine(),
        from: historyTarget(migrationsList, connectorType),
        schema,
        filters,
        createEngine,
        factory,
        readOnlyFactory: createAdapterFactory(url, { readOnly: true }),
      });
    },

    // The native engine hands `migrate diff` output to the CLI's `print` method (so that
    // --output can capture it); the wasm engine returns it instead.
    async diff(params, rpc) {
      const { exitCode, stdout } = await (await getEngine()).diff(params);
      if (stdout) rpc.print(stdout);
      return { exitCode };
    },

    // Quirk 3: see resetSqliteDatabase.
    async reset(params) {
      if (provider === "sqlite") return resetSqliteDatabase(url);
      return (await getEngine()).reset(params);
    },

    async createDatabase() {
      return { databaseName: await createDatabase(url) };
    },

    async getDatabaseVersion() {
      return (await getEngine()).version();
    },
  };
}

/**
 * The migration history as a diff source: replayed on a shadow database. Even an empty history:
 * that starts from what a new database has (PostgreSQL's `public` schema), not from nothing.
 * Without migration_lock.toml (before the first migration) the engine refuses it ("could not
 * determine the connector"), so we say which connector it is.
 */
function historyTarget(migrationsList, connectorType) {
  const { lockfile } = migrationsList;
  const content = lockfile.content ?? `provider = "${connectorType}"\n`;
  return { tag: "migrations", ...migrationsList, lockfile: { ...lockfile, content } };
}

/** The native engine's migration name prefix: UTC, YYYYMMDDHHMMSS. */
function utcTimestamp(now = new Date()) {
  return now.toISOString().replace(/\D/g, "").slice(0, 14);
}

// Quirk 6 (found here, not in NOTES-PRISMA.md): the wasm build's evaluateDataLoss, like its
// createMigration, never asks the adapter for a shadow database and fails on any migration
// history ("shadow DB must be provided through an external factory").
import { answerMissingMigrationsTable } from "./migrations-table-probe.mjs";

/** Thrown by the dry-run adapter at the first write: the push got past every check. */
class WriteAttempted extends Error {}

/**
 * Natively: replay the history on a shadow database, diff it against the schema, then check each
 * step against the main database's rows (a dropped column holding data is a warning; a required
 * column added to a non-empty table is unexecutable).
 *
 * Here: `diff` (which does use the shadow database) says whether there is a next migration, and
 * `schemaPush` without force, on a second engine over a read-only connection to the main database,
 * supplies the checks. That is the same migration: `migrate dev` calls this right after applying
 * the whole history to the main database, after devDiagnostic found no drift. A push without force
 * returns its warnings and unexecutable steps before writing; with none it goes on to write, and
 * that first write (refused twice over: by the adapter and by the read-only session) is our answer.
 *
 * @param {{ engine: object, from: object, schema: { files: object[] }, filters: object,
 *           createEngine: (factory: object) => Promise<object>, factory: object, readOnlyFactory: object }} input
 */
export async function evaluateDataLoss({ engine, from, schema, filters, createEngine, factory, readOnlyFactory }) {
  const to = { tag: "schemaDatamodel", files: schema.files };
  const { exitCode } = await engine.diff({ from, to, script: false, exitCode: true, filters });
  if (exitCode !== 2) return { migrationSteps: 0, warnings: [], unexecutableSteps: [] };

  await factory.releaseExclusiveLock?.(); // SQLite: see createSqliteFactory

  const dryRun = refusingWrites(answerMissingMigrationsTable(readOnlyFactory).factory);
  const checker = await createEngine(dryRun.factory);
  let outcome = { warnings: [], unexecutable: [] };
  try {
    outcome = await checker.schemaPush({ force: false, schema, filters });
  } catch (error) {
    if (!dryRun.writeAttempted) throw error;
  }
  // The CLI only asks whether migrationSteps > 0; the step count would need the native engine.
  return {
    migrationSteps: 1,
    warnings: outcome.warnings.map((message) => ({ message, stepIndex: 0 })),
    unexecutableSteps: outcome.unexecutable.map((message) => ({ message, stepIndex: 0 })),
  };
}

function refusingWrites(factory) {
  const state = { writeAttempted: false };
  const refuse = async () => {
    state.writeAttempted = true;
    throw new WriteAttempted("dry run: the data-loss check does not write");
  };
  state.factory = {
    ...factory,
    async connect() {
      const adapter = await factory.connect();
      adapter.executeRaw = refuse;
      adapter.executeScript = refuse;
      adapter.startTransaction = refuse;
      return adapter;
    },
  };
  return state;
}

// Quirk 1: before anything else, the engine reads `_prisma_migrations`. Natively a missing table
// means "not initialised yet" and the engine creates it; through a driver adapter the
// "table does not exist" error comes back as the hard error P1014 and every migrate command stops.

const readsMigrationsTable = (sql) => /^\s*SELECT\b[\s\S]*\bFROM\s+[`"]?_prisma_migrations[`"]?/i.test(sql);

/**
 * Wraps a factory so that this one probe answers "no rows" when the table is missing. The engine
 * then takes its normal path for an uninitialised database. What it can no longer tell is whether
 * the table exists, so the wrapper records it for `diagnoseMigrationHistory` (see methods.mjs).
 */
export function answerMissingMigrationsTable(factory) {
  const probe = { migrationsTableMissing: false };
  const wrapped = {
    ...factory,
    async connect() {
      const adapter = await factory.connect();
      const queryRaw = adapter.queryRaw.bind(adapter);
      adapter.queryRaw = async (query) => {
        try {
          const result = await queryRaw(query);
          if (readsMigrationsTable(query.sql)) probe.migrationsTableMissing = false;
          return result;
        } catch (error) {
          if (error?.cause?.kind !== "TableDoesNotExist" || !readsMigrationsTable(query.sql)) throw error;
          probe.migrationsTableMissing = true;
          return { columnNames: [], columnTypes: [], rows: [] };
        }
      };
      return adapter;
    },
  };
  return { factory: wrapped, probe };
}

// Which provider a URL is for, and the database-level operations the CLI asks for outside RPC
// (`schema-engine --datasource … cli <command>`), with the native engine's error codes.
import { UserFacingError } from "./errors.mjs";
import { createPostgresFactory, databaseName, quoteIdentifier, withClient, withDatabase } from "./postgres.mjs";
import { checkSqliteDatabase, createSqliteDatabase, createSqliteFactory } from "./sqlite.mjs";

/** @returns {"sqlite" | "postgres"} */
export function providerOf(url) {
  if (/^postgres(ql)?:\/\//.test(url)) return "postgres";
  if (url.startsWith("file:")) return "sqlite";
  throw new UserFacingError(
    "P1013",
    "The provided database string is invalid. This stand-in engine supports `file:` (SQLite) and `postgres://`/`postgresql://` URLs.",
  );
}

/** The driver adapter factory for the URL's provider. */
export function createAdapterFactory(url, { readOnly = false } = {}) {
  return providerOf(url) === "postgres"
    ? createPostgresFactory(url, { readOnly })
    : createSqliteFactory(url, { readOnly });
}

/** Throws P1003 when the database is missing (the CLI then asks us to create it), P1001/P1000 when unreachable. */
export async function checkDatabase(url) {
  if (providerOf(url) === "sqlite") return checkSqliteDatabase(url);
  await withClient(url, (client) => client.query("SELECT 1")).catch((error) => {
    throw postgresConnectionError(error, url);
  });
}

/** Creates the database the URL names; returns its name. */
export async function createDatabase(url) {
  if (providerOf(url) === "sqlite") return createSqliteDatabase(url);
  const name = databaseName(url);
  // CREATE DATABASE has to run from another database; `postgres` is the one that always exists.
  await withClient(withDatabase(url, "postgres"), (client) =>
    client.query(`CREATE DATABASE ${quoteIdentifier(name)}`),
  ).catch((error) => {
    throw postgresConnectionError(error, url);
  });
  return name;
}

function postgresConnectionError(error, url) {
  const { hostname, port } = new URL(url);
  const server = `${hostname}:${port || 5432}`;
  switch (error?.code) {
    case "3D000":
      return new UserFacingError(
        "P1003",
        `Database \`${databaseName(url)}\` does not exist on the database server at \`${server}\`.`,
      );
    case "28P01":
    case "28000":
      return new UserFacingError(
        "P1000",
        `Authentication failed against database server at \`${server}\`, the provided database credentials are not valid.`,
      );
    case "ECONNREFUSED":
    case "ENOTFOUND":
    case "ETIMEDOUT":
    case "EHOSTUNREACH":
      return new UserFacingError(
        "P1001",
        `Can't reach database server at \`${server}\`\n\nPlease make sure your database server is running at \`${server}\`.`,
      );
    default:
      return error;
  }
}

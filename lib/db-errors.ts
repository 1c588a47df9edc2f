/**
 * Is this error "the database cannot be reached right now" rather than a bug? The answer
 * decides between 503 (try again: the app recovers by itself when the database is back) and
 * 500 (our fault). Prisma's driver adapters report connection trouble with these codes
 * (PrismaClientKnownRequestError.code, https://www.prisma.io/docs/orm/reference/error-reference);
 * better-sqlite3 throws before Prisma sees anything when it cannot open its file.
 */
const UNAVAILABLE_PRISMA_CODES = new Set([
  "P1000", // authentication failed
  "P1001", // can't reach the database server
  "P1002", // the server was reached but timed out
  "P1003", // the database does not exist
  "P1008", // operation (socket) timed out
  "P1010", // access denied
  "P1011", // TLS connection error
  "P1017", // the server closed the connection
  "P2024", // timed out waiting for a connection from the pool
  "P2037", // too many database connections
]);

const UNAVAILABLE_SQLITE_CODES = /^SQLITE_(CANTOPEN|BUSY|LOCKED|IOERR|FULL|READONLY)/;

/**
 * A failed raw query ($queryRaw: the session join, the revocation statement) is P2010 whatever the
 * cause; the driver adapter's classification is in `meta.driverAdapterError.cause`.
 */
const UNAVAILABLE_ADAPTER_KINDS = new Set([
  "DatabaseNotReachable",
  "DatabaseDoesNotExist",
  "DatabaseAccessDenied",
  "AuthenticationFailed",
  "SocketTimeout",
  "ConnectionClosed",
  "TlsConnectionError",
  "TooManyConnections",
]);
/** PostgreSQL's own SQLSTATEs for the same: connection exceptions (08…), shutdowns (57P0…), too many connections. */
const UNAVAILABLE_SQLSTATES = /^(08|57P0|53300$)/;

function adapterCauseUnavailable(meta: unknown): boolean {
  const cause = (meta as { driverAdapterError?: { cause?: { kind?: unknown; code?: unknown } } } | null)?.driverAdapterError?.cause;
  if (typeof cause?.kind !== "string") return false;
  if (UNAVAILABLE_ADAPTER_KINDS.has(cause.kind)) return true;
  return cause.kind === "postgres" && typeof cause.code === "string" && UNAVAILABLE_SQLSTATES.test(cause.code);
}

/**
 * node-postgres' own errors, which reach us as plain Errors: the pool's, connect and query
 * timeouts lib/db.ts sets (so a silent database fails fast), and sockets refused or cut. How both
 * were found: docs/FLEET.md, 'When the database is unreachable'.
 */
const UNAVAILABLE_PG_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|timeout expired|Query read timeout|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH/;

export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { name, code, message, meta } = error as { name?: unknown; code?: unknown; message?: unknown; meta?: unknown };
  if (name === "PrismaClientInitializationError") return true;
  if (adapterCauseUnavailable(meta)) return true;
  if (typeof code === "string" && (UNAVAILABLE_PRISMA_CODES.has(code) || UNAVAILABLE_SQLITE_CODES.test(code))) return true;
  if (typeof message === "string" && UNAVAILABLE_PG_MESSAGES.test(message)) return true;
  // better-sqlite3's constructor, e.g. "Cannot open database because the directory does not exist".
  return name === "TypeError" && typeof message === "string" && message.startsWith("Cannot open database");
}

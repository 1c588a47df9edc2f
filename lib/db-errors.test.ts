import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { isDatabaseUnavailable } from "./db-errors.ts";

/** Shaped like what Prisma throws (the real ones are checked in auth/sign-in's integration test). */
function prismaError(code: string): Error {
  return Object.assign(new Error("Invalid `prisma.user.findUnique()` invocation"), { name: "PrismaClientKnownRequestError", code });
}

describe("isDatabaseUnavailable: 503 for an outage, 500 for a bug", () => {
  for (const code of ["P1001", "P1017", "P2024", "P1008"]) {
    test(`Prisma ${code} → unavailable`, () => assert.equal(isDatabaseUnavailable(prismaError(code)), true));
  }

  test("an initialisation error, a SQLite file that cannot be opened or is busy → unavailable", () => {
    assert.equal(isDatabaseUnavailable(Object.assign(new Error("x"), { name: "PrismaClientInitializationError" })), true);
    assert.equal(isDatabaseUnavailable(new TypeError("Cannot open database because the directory does not exist")), true);
    assert.equal(isDatabaseUnavailable(Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" })), true);
  });

  test("node-postgres' timeouts and cut sockets (a database that accepts and then says nothing) → unavailable", () => {
    for (const message of ["Connection terminated due to connection timeout", "timeout exceeded when trying to connect", "timeout expired", "Query read timeout", "connect ECONNREFUSED 127.0.0.1:5432"]) {
      assert.equal(isDatabaseUnavailable(new Error(message)), true, message);
    }
  });

  test("a raw query that failed (P2010) because the adapter could not reach the database → unavailable; for another reason → not", () => {
    const rawFailure = (cause: Record<string, unknown>) => Object.assign(prismaError("P2010"), { meta: { driverAdapterError: { name: "DriverAdapterError", cause } } });
    for (const kind of ["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]) {
      assert.equal(isDatabaseUnavailable(rawFailure({ kind, host: "127.0.0.1", port: 1 })), true, kind);
    }
    assert.equal(isDatabaseUnavailable(rawFailure({ kind: "postgres", code: "57P01", message: "terminating connection due to administrator command" })), true);
    assert.equal(isDatabaseUnavailable(rawFailure({ kind: "postgres", code: "08006" })), true);
    assert.equal(isDatabaseUnavailable(rawFailure({ kind: "postgres", code: "42P01", message: "relation does not exist" })), false);
    assert.equal(isDatabaseUnavailable(rawFailure({ kind: "UniqueConstraintViolation" })), false);
    assert.equal(isDatabaseUnavailable(prismaError("P2010")), false);
  });

  for (const code of ["P2002", "P2025", "P2034"]) {
    test(`Prisma ${code} (a constraint, a missing row, a lost race) → not an outage`, () => assert.equal(isDatabaseUnavailable(prismaError(code)), false));
  }

  test("ordinary errors and non-errors → not an outage", () => {
    for (const value of [new TypeError("x is undefined"), new Error("boom"), "P1001", null, undefined, 42]) {
      assert.equal(isDatabaseUnavailable(value), false);
    }
  });
});

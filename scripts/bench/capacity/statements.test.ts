import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { classifyStatement, inlineParameters, pgbenchScript, ROLE_EXPRESSIONS, sqlLiteral, type CapturedStatement } from "./statements.ts";

const population = { users: 10, sessions: 20, families: 30 };
const statement = (sql: string, params: unknown[], roles: Record<number, string> = {}, step = 1): CapturedStatement => ({ sql, params, roles, step });

/** pgbench's `:name` references outside its own \set lines: each must be a variable the script sets. */
function undeclaredVariables(script: string): string[] {
  const lines = script.split("\n");
  const declared = new Set(lines.filter((line) => line.startsWith("\\set ")).map((line) => line.split(" ")[1]));
  const used = lines.filter((line) => !line.startsWith("\\set ")).flatMap((line) => [...line.matchAll(/(?<!:):([A-Za-z_][A-Za-z0-9_]*)/g)].map((match) => match[1]!));
  return used.filter((name) => !declared.has(name));
}

describe("classifyStatement", () => {
  test("reads, writes and transaction control, whatever the leading whitespace", () => {
    assert.equal(classifyStatement("\n    SELECT 1"), "read");
    assert.equal(classifyStatement('INSERT INTO "public"."Session" …'), "write");
    assert.equal(classifyStatement("update x set y = 1"), "write");
    assert.equal(classifyStatement("DELETE FROM x"), "write");
    assert.equal(classifyStatement("COMMIT"), "transaction");
  });
});

describe("sqlLiteral", () => {
  test("strings quoted with quotes doubled; numbers, booleans and null as they are", () => {
    assert.equal(sqlLiteral("it's"), "'it''s'");
    assert.equal(sqlLiteral(3), "3");
    assert.equal(sqlLiteral(false), "false");
    assert.equal(sqlLiteral(null), "NULL");
  });

  test("a colon before a letter is escaped, so pgbench does not take it for a variable", () => {
    assert.equal(sqlLiteral("Mozilla bench:capacity"), "E'Mozilla bench\\072capacity'");
    assert.equal(sqlLiteral("2026-12-06T19:45:59Z"), "'2026-12-06T19:45:59Z'");
  });
});

describe("inlineParameters", () => {
  test("a role's parameter becomes its expression, the others their literal, $10 not mistaken for $1", () => {
    const params = ["s", 2, 3, 4, 5, 6, 7, 8, 9, "ten"];
    const sql = inlineParameters(statement("SELECT $1, $2,\n $10", params, { 0: "SESSION_ID" }));
    assert.equal(sql, `SELECT (${ROLE_EXPRESSIONS.SESSION_ID!.expression}), 2, 'ten';`);
  });

  test("a placeholder without a parameter is refused", () => {
    assert.throws(() => inlineParameters(statement("SELECT $2", ["one"])), /refers to \$2/);
  });

  test("an unknown role is refused", () => {
    assert.throws(() => inlineParameters(statement("SELECT $1", ["x"], { 0: "NOBODY" })), /no pgbench expression for the role NOBODY/);
  });
});

describe("pgbenchScript", () => {
  test("draws each variable the roles use once, from the population", () => {
    const script = pgbenchScript([statement("SELECT $1, $2", ["u", "e"], { 0: "USER_ID", 1: "USER_EMAIL" })], population);
    assert.match(script, /^\\set uid random\(1, 10\)\n/);
    assert.equal(script.match(/\\set/g)?.length, 1);
  });

  test("a step that committed begins a transaction before its first statement, and only that step", () => {
    const script = pgbenchScript(
      [statement("SELECT 1", [], {}, 1), statement("INSERT INTO a VALUES (1)", [], {}, 2), statement("INSERT INTO b VALUES (2)", [], {}, 2), statement("COMMIT", [], {}, 2)],
      population,
    );
    assert.deepEqual(script.trim().split("\n"), ["SELECT 1;", "BEGIN;", "INSERT INTO a VALUES (1);", "INSERT INTO b VALUES (2);", "COMMIT;"]);
  });

  test("every variable a role expression refers to is one the script sets", () => {
    for (const role of Object.keys(ROLE_EXPRESSIONS)) {
      const script = pgbenchScript([statement("SELECT $1", ["x"], { 0: role })], population);
      assert.deepEqual(undeclaredVariables(script), [], role);
    }
  });

  test("nothing to bench is refused", () => {
    assert.throws(() => pgbenchScript([], population), /nothing to bench/);
  });
});

// The statements an operation sent, as Prisma reported them, turned into a pgbench script that
// sends the same statements: every parameter whose value varies per operation (a user's id, a
// new row's id) becomes an expression over a pgbench random variable, drawn from the rows
// populate.ts inserted; every other parameter stays the literal that was sent. Pure.

export type StatementKind = "read" | "write" | "transaction";

export interface CapturedStatement {
  sql: string;
  params: unknown[];
  /** Parameter index (0-based) → the role its value played (see ROLE_EXPRESSIONS). */
  roles: Record<number, string>;
  /** Which step of the operation sent it: a transaction never spans two steps. */
  step: number;
}

export function classifyStatement(sql: string): StatementKind {
  const head = sql.trimStart().slice(0, 12).toUpperCase();
  if (/^(SELECT|WITH)\b/.test(head)) return "read";
  if (/^(INSERT|UPDATE|DELETE)\b/.test(head)) return "write";
  return "transaction";
}

export interface Population {
  users: number;
  sessions: number;
  families: number;
}

/** pgbench variables, each drawn once per transaction (so one user's id and e-mail agree). */
const VARIABLES: Record<string, (population: Population) => string> = {
  uid: (p) => `random(1, ${p.users})`,
  sid: (p) => `random(1, ${p.sessions})`,
  fam: (p) => `random(1, ${p.families})`,
  nid1: () => "random(1, 9000000000000000000)",
  nid2: () => "random(1, 9000000000000000000)",
};

/**
 * A role → the SQL expression that yields a value of that role. The rows populate.ts inserts
 * are named by the same formulas; keep the two in step (its tests check they do).
 */
export const ROLE_EXPRESSIONS: Record<string, { expression: string; variable: keyof typeof VARIABLES }> = {
  USER_ID: { expression: "'00000000-0000-4000-8000-' || lpad(:uid::text, 12, '0')", variable: "uid" },
  USER_EMAIL: { expression: "'bench-' || :uid::text || '@bench.test'", variable: "uid" },
  SESSION_ID: { expression: "'bench-session-' || lpad(:sid::text, 29, '0')", variable: "sid" },
  REFRESH_ID: { expression: "'bench-refresh-' || lpad(:fam::text, 29, '0')", variable: "fam" },
  FAMILY_ID: { expression: "'00000000-0000-4000-9000-' || lpad(:fam::text, 12, '0')", variable: "fam" },
  // The colon of "fid:" escaped (\072): pgbench would take ":new" for a variable, quotes or not.
  FID_OF_FAMILY: { expression: "E'fid\\07200000000-0000-4000-9000-' || lpad(:fam::text, 12, '0')", variable: "fam" },
  NEW_ID1: { expression: "'new-' || :nid1::text", variable: "nid1" },
  NEW_UUID1: { expression: "'new-family-' || :nid2::text", variable: "nid2" },
  FID_NEW: { expression: "E'fid\\072new-' || :nid2::text", variable: "nid2" },
};

export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  const text = String(value);
  // pgbench takes `:name` anywhere, quotes or not, for a variable: such a colon is written as an
  // escape (E'…\072…'), which PostgreSQL reads as the same string.
  if (/:[A-Za-z_]/.test(text)) return `E'${text.replaceAll("\\", "\\\\").replaceAll("'", "''").replaceAll(":", "\\072")}'`;
  return `'${text.replaceAll("'", "''")}'`;
}

/** One statement with its parameters written in: roles as expressions, the rest as literals. */
export function inlineParameters(statement: CapturedStatement): string {
  const sql = statement.sql.replace(/\$(\d+)/g, (_, digits: string) => {
    const index = Number(digits) - 1;
    if (index < 0 || index >= statement.params.length) throw new Error(`statement refers to $${digits} but sent ${statement.params.length} parameters`);
    const role = statement.roles[index];
    if (role === undefined) return sqlLiteral(statement.params[index]);
    const known = ROLE_EXPRESSIONS[role];
    if (!known) throw new Error(`no pgbench expression for the role ${role}`);
    return `(${known.expression})`;
  });
  // pgbench reads one statement per line unless it ends with a semicolon; keep each on one line.
  return `${sql.replace(/\s+/g, " ").trim()};`;
}

/**
 * The pgbench script of one operation. Prisma reports a transaction's COMMIT but not its BEGIN:
 * a step that committed began one before its first statement.
 */
export function pgbenchScript(statements: CapturedStatement[], population: Population): string {
  if (statements.length === 0) throw new Error("an operation without statements has nothing to bench");
  const used = new Set<string>();
  for (const statement of statements) for (const role of Object.values(statement.roles)) used.add(ROLE_EXPRESSIONS[role]?.variable ?? role);
  const lines = [...used].sort().map((name) => {
    const draw = VARIABLES[name];
    if (!draw) throw new Error(`no pgbench variable for the role ${name}`);
    return `\\set ${name} ${draw(population)}`;
  });
  const committed = new Set(statements.filter((statement) => /^COMMIT\b/i.test(statement.sql.trim())).map((statement) => statement.step));
  let previousStep: number | null = null;
  for (const statement of statements) {
    if (statement.step !== previousStep && committed.has(statement.step)) lines.push("BEGIN;");
    previousStep = statement.step;
    lines.push(inlineParameters(statement));
  }
  return `${lines.join("\n")}\n`;
}

import { test } from "node:test";
import assert from "node:assert/strict";
import net from "node:net";
import { createClient } from "./db.ts";
import { databaseProvider, databaseUrl } from "./env.ts";
import { checkCredentials } from "./auth/methods/password/credentials.ts";

/**
 * A PostgreSQL that accepts connections and never answers (a partition, a frozen server):
 * a login must end as "store unavailable" (503) on the client's own timeout, not hang.
 */
test("a silent database is an outage the login reports, not a request held open", async (t) => {
  const silent = net.createServer(() => {});
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  t.after(() => silent.close());
  const port = (silent.address() as net.AddressInfo).port;
  const db = createClient(`postgresql://nobody@127.0.0.1:${port}/silent`);
  t.after(() => db.$disconnect());
  const outcome = await checkCredentials("nobody@example.test", "whatever-password", db);
  assert.deepEqual(outcome, { ok: false, reason: "store_unavailable" });
});

/**
 * The other side of that bound: a request waiting for one of the pool's ten connections while
 * they are all busy is load, not an outage. Ten queries hold every connection for longer than a
 * connection attempt may take; an eleventh, queued behind them, must still be answered.
 */
test(
  "a query queued behind a busy pool waits for a connection longer than a connection attempt may take",
  { skip: databaseProvider(databaseUrl()) !== "postgresql" && "needs DATABASE_URL=postgresql://…" },
  async (t) => {
    const db = createClient(databaseUrl());
    t.after(() => db.$disconnect());
    // Prisma's queries start when awaited or then()-ed: start all ten, then the eleventh.
    const busy = Array.from({ length: 10 }, () => db.$queryRaw`SELECT 1 AS slept FROM pg_sleep(6)`.then(() => "slept"));
    const [answer] = await db.$queryRaw<{ answer: number }[]>`SELECT 1 AS answer`;
    assert.equal(answer?.answer, 1);
    assert.deepEqual(await Promise.all(busy), Array(10).fill("slept"));
  },
);

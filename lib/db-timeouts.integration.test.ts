import { test } from "node:test";
import assert from "node:assert/strict";
import net from "node:net";
import { createClient } from "./db.ts";
import { checkCredentials } from "./users.ts";

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

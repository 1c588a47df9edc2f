import assert from "node:assert/strict";
import { createServer, connect, type Server } from "node:net";
import { randomUUID } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { createClient, getDb } from "./db.ts";
import { databaseProvider, databaseUrl } from "./env.ts";
import { cleanUpTestDatabase, createTestUser } from "./test-database.ts";
import { checkCredentials } from "./auth/methods/password/credentials.ts";

after(cleanUpTestDatabase);

const PASSWORD = "a-password-for-this-test";

/** A port nothing listens on (the OS just handed it out and it was closed again). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Opens `port` and pipes every connection to the real database server: "it is back". */
async function forward(port: number, target: URL): Promise<Server> {
  const server = createServer((client) => {
    const upstream = connect(Number(target.port || 5432), target.hostname);
    client.pipe(upstream).pipe(client);
    client.on("error", () => upstream.destroy());
    upstream.on("error", () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return server;
}

describe("checkCredentials while the database is down (login answers 503, not 500)", () => {
  test("PostgreSQL on a port nothing listens on → store_unavailable, not an exception", async () => {
    const db = createClient(`postgresql://nobody@127.0.0.1:${await closedPort()}/unreachable`);
    try {
      assert.deepEqual(await checkCredentials("someone@example.com", PASSWORD, db), { ok: false, reason: "store_unavailable" });
    } finally {
      await db.$disconnect();
    }
  });

  test("a SQLite file in a directory that does not exist → store_unavailable", async () => {
    const db = createClient(`file:${join(tmpdir(), `svj-missing-${randomUUID()}`, "gone.db")}`);
    assert.deepEqual(await checkCredentials("someone@example.com", PASSWORD, db), { ok: false, reason: "store_unavailable" });
  });

  test("the reachable database answers as usual: the user, or invalid_credentials", async () => {
    const user = await createTestUser({ password: PASSWORD });
    const ok = await checkCredentials(user.email, PASSWORD);
    assert.equal(ok.ok && ok.user.id, user.id);
    assert.deepEqual(await checkCredentials(user.email, "wrong-password"), { ok: false, reason: "invalid_credentials" });
  });

  test("the same client recovers by itself once the server is reachable again", { skip: databaseProvider(databaseUrl()) !== "postgresql" && "needs DATABASE_URL=postgresql://…" }, async () => {
    const user = await createTestUser({ password: PASSWORD });
    const real = new URL(databaseUrl());
    const port = await closedPort();
    const viaPort = new URL(real);
    viaPort.hostname = "127.0.0.1";
    viaPort.port = String(port);
    const db = createClient(viaPort.toString());
    let server: Server | undefined;
    try {
      assert.deepEqual(await checkCredentials(user.email, PASSWORD, db), { ok: false, reason: "store_unavailable" });
      server = await forward(port, real);
      const back = await checkCredentials(user.email, PASSWORD, db);
      assert.equal(back.ok && back.user.id, user.id);
    } finally {
      await db.$disconnect();
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    }
  });
});

// getDb() is untouched by all of the above.
test("the app's own client is not affected", async () => {
  assert.equal(typeof (await getDb().user.count()), "number");
});

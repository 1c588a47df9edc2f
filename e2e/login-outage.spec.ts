import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { alice, expectApiError } from "./fixtures.ts";
import { startOwnServer, type OwnServer } from "./own-server.ts";
import { createClient, type Db } from "../lib/db.ts";

/**
 * Issue 18 (e), black-box: a login tried while the database cannot be read compared no
 * password, so it must not count against the account's login budget. A server of its own on a
 * fresh SQLite file, with no free failures (the first counted failure delays the next login by
 * 30 s); the "outage" is an exclusive lock this test holds on that file, so the server's reads
 * end in SQLITE_BUSY — what a database that is away looks like to it.
 */

test.describe.configure({ mode: "serial" });

let own: OwnServer;
let databaseUrl: string;
let locker: Db;

test.beforeAll(async ({ baseURL }) => {
  test.setTimeout(180_000);
  // Always SQLite (the lock is SQLite's), whatever the run's DATABASE_URL.
  const env = { ...process.env, DATABASE_URL: "" };
  databaseUrl = execFileSync(process.execPath, ["--import", "tsx", "scripts/fresh-database/main.ts", "--name", `e2e_outage_${process.pid}`], { encoding: "utf8", env }).trim();
  own = await startOwnServer(Number(new URL(baseURL!).port) + 5, { DATABASE_URL: databaseUrl, DEMO_USERS: "true", LOGIN_FREE_FAILURES: "0" });
  locker = createClient(databaseUrl);
});

test.afterAll(async () => {
  await locker?.$disconnect();
  await own?.stop();
  if (databaseUrl) execFileSync(process.execPath, ["--import", "tsx", "scripts/fresh-database/main.ts", "--drop", databaseUrl], { env: { ...process.env, DATABASE_URL: "" } });
});

test("a login during a database outage answers 503 and costs the account nothing: the owner logs in once it is back", async ({ playwright }) => {
  test.setTimeout(120_000);
  const client = await playwright.request.newContext({ baseURL: own.url });
  const login = () => client.post("/api/jwt/login", { data: { email: alice.email, password: alice.password } });
  await locker.$executeRawUnsafe("BEGIN EXCLUSIVE");
  try {
    await expectApiError(await login(), 503, expect.any(String));
  } finally {
    await locker.$executeRawUnsafe("ROLLBACK");
  }
  // Counted as a failure, this would be 429 for the next 30 s.
  const back = await login();
  expect(back.status(), await back.text()).toBe(200);
  await client.dispose();
});

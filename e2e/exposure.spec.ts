import { execFileSync } from "node:child_process";
import { connect } from "node:net";
import { networkInterfaces } from "node:os";
import { expect, test } from "@playwright/test";
import { runStart, startOwnServer } from "./own-server.ts";

/**
 * Issue 18 item 1 and issue 22 item 1, black-box: where `npm start` listens, what it says and
 * refuses when told to listen further, and that the demo users are advertised only where they
 * exist. The shared e2e server was started by `npm start` with no HOST (playwright.config.ts).
 */

function nonLoopbackAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((address) => address && address.family === "IPv4" && !address.internal)?.address;
}

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

test("npm start listens on loopback only by default: the machine's network address gets no connection", async ({ baseURL }) => {
  const port = Number(new URL(baseURL!).port);
  const address = nonLoopbackAddress();
  test.skip(!address, "this machine has no non-loopback IPv4 address to try");
  expect(await canConnect("127.0.0.1", port), "the control: loopback answers").toBe(true);
  expect(await canConnect(address!, port), `${address}:${port}`).toBe(false);
});

test("HOST=0.0.0.0 with the demo users in the database: says what it would expose and refuses to start", async ({ baseURL }) => {
  test.setTimeout(180_000);
  const port = Number(new URL(baseURL!).port) + 4;
  // The shared e2e database holds alice and bob with their published passwords.
  const run = await runStart({ HOST: "0.0.0.0", PORT: String(port), DATABASE_URL: process.env.E2E_DATABASE_URL! });
  expect(run.code, run.output).toBe(1);
  expect(run.output).toContain("HOST=0.0.0.0: listening on every network interface of this machine");
  expect(run.output).toMatch(/refusing to start\. This database still holds demo users whose passwords are published: alice@example\.com \(admin/);
  expect(run.output).toContain("npm run demo-users:remove");
  expect(run.output).not.toContain("Seeded the demo users");
  expect(await canConnect("127.0.0.1", port), "it never listened").toBe(false);
});

test.describe("a database without the demo users", () => {
  let databaseUrl: string;

  test.beforeAll(() => {
    databaseUrl = execFileSync(process.execPath, ["--import", "tsx", "scripts/fresh-database/main.ts", "--name", `e2e_nodemo_${process.pid}`], { encoding: "utf8" }).trim();
  });

  test.afterAll(() => {
    execFileSync(process.execPath, ["--import", "tsx", "scripts/fresh-database/main.ts", "--drop", databaseUrl]);
  });

  test("neither the home page nor the login pages advertise demo users that do not exist", async ({ baseURL, request, playwright }) => {
    test.setTimeout(180_000);
    // The control: where they exist (the shared server), the box lists them.
    expect(await (await request.get("/session/login")).text()).toContain("alice-password");
    const own = await startOwnServer(Number(new URL(baseURL!).port) + 3, { DATABASE_URL: databaseUrl, DEMO_USERS: "false" });
    try {
      expect(own.output()).toContain("Not seeding the demo users: DEMO_USERS=false");
      const client = await playwright.request.newContext({ baseURL: own.url });
      for (const path of ["/", "/session/login", "/jwt/login"]) {
        const page = await (await client.get(path)).text();
        expect(page, path).not.toContain("alice-password");
        expect(page, path).not.toContain("Demo users");
      }
      await client.dispose();
    } finally {
      await own.stop();
    }
  });
});

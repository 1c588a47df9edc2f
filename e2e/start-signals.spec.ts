import { connect } from "node:net";
import { expect, test } from "@playwright/test";
import { startOwnServer, type OwnServer } from "./own-server.ts";

/**
 * Issue 19: `npm start` told to stop, and nothing else, stops `next start` too. Playwright's
 * webServer and a terminal's Ctrl-C signal only the process they started; when `next start` ran
 * under npx, which does not pass SIGTERM on, it went on serving after `npm start` was gone.
 */

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

/** True while any process is left in the group (kill with signal 0 only asks). */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
    throw error;
  }
}

let own: OwnServer | undefined;

test.afterEach(async () => {
  if (!own) return;
  // Whatever the outcome, nothing of this server's group outlives the test: stop() leaves the
  // group alone once npm start has exited, which is exactly the case where `next start` may remain.
  await own.stop();
  if (groupAlive(own.pid)) process.kill(-own.pid, "SIGKILL");
  own = undefined;
});

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  test(`${signal} to npm start alone stops next start: the port closes and no process of its group is left`, async ({ baseURL }) => {
    test.setTimeout(180_000);
    const port = Number(new URL(baseURL!).port) + 6;
    own = await startOwnServer(port, {});
    expect(await canConnect(port), "the control: it serves").toBe(true);

    process.kill(own.pid, signal);

    expect(await own.exited, "a requested stop is a clean exit").toBe(0);
    await expect.poll(() => groupAlive(own!.pid), { timeout: 30_000, message: "processes left in npm start's group" }).toBe(false);
    expect(await canConnect(port)).toBe(false);
  });
}

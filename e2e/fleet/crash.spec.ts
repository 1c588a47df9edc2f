import { spawn } from "node:child_process";
import { bob } from "../fixtures.ts";
import { cookieHeader, expect, loginAt, test } from "./fleet-fixtures.ts";
import { listeningPid } from "./processes.ts";

/**
 * A crashed instance must not take the fleet down (issue 18 §6). These kill processes on
 * purpose, so they run alone, after every other fleet test (the fleet-crash project).
 */

test.describe.configure({ mode: "serial" });

interface Tally {
  sent: number;
  /** Refused, reset or answered with another status: what the balancer must have retried. */
  failed: string[];
  /** Answered, then cut: the instance died while its answer was on the way to the client. */
  cut: number;
}

/**
 * Requests in parallel streams until `until` settles: each stream sends one request at a time,
 * so at most one per stream is in flight — or on its way back — at any moment.
 */
async function stream(streams: number, send: () => Promise<Response>, expected: number, until: Promise<unknown>): Promise<Tally> {
  const tally: Tally = { sent: 0, failed: [], cut: 0 };
  let done = false;
  void until.finally(() => (done = true));
  await Promise.all(
    Array.from({ length: streams }, async () => {
      while (!done) {
        tally.sent += 1;
        let response: Response;
        try {
          response = await send();
        } catch (error) {
          tally.failed.push(String((error as Error).cause ?? error));
          continue;
        }
        try {
          await response.arrayBuffer();
        } catch {
          // The status line and headers had arrived, and were forwarded: no proxy can take half
          // an answer back and ask another instance. The client has to retry this one itself.
          tally.cut += 1;
          continue;
        }
        if (response.status !== expected) tally.failed.push(`${response.status} from ${response.headers.get("x-instance") ?? "the balancer"}`);
      }
    }),
  );
  return tally;
}

test("kill -9 of an instance under load: no idempotent request fails, and the instance comes back @crash", async ({ baseURL, instances }) => {
  test.setTimeout(180_000);
  const balancer = baseURL!;
  const victimPort = Number(new URL(instances[0]!).port);
  const session = await loginAt(instances[1]!, "session", bob);
  const jwt = await loginAt(instances[1]!, "jwt", bob);
  const pid = listeningPid(victimPort);
  expect(pid, `nothing listens on ${victimPort}`).not.toBeNull();

  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const idempotent = [
    stream(2, () => fetch(`${balancer}/api/health`), 200, finished),
    stream(2, () => fetch(`${balancer}/api/session/me`, { headers: cookieHeader("session", session.cookie) }), 200, finished),
    stream(2, () => fetch(`${balancer}/api/jwt/me`, { headers: { authorization: `Bearer ${jwt.accessToken}` } }), 200, finished),
  ];
  // A logout without a credential: a POST that changes nothing, so a lost one costs nothing here.
  const posts = stream(2, () => fetch(`${balancer}/api/session/logout`, { method: "POST", headers: { origin: balancer } }), 204, finished);

  try {
    // Both instances serve the stream, then app-1 is killed as a crash would: no goodbye.
    await expect.poll(async () => (await fetch(`${balancer}/api/health`)).headers.get("x-instance"), { timeout: 10_000 }).toBe("app-1");
    process.kill(pid!, "SIGKILL");
    // The supervisor starts a new process on the same port, and the balancer sends it traffic again.
    await expect.poll(() => listeningPid(victimPort), { timeout: 60_000 }).not.toBe(pid);
    await expect.poll(() => listeningPid(victimPort), { timeout: 60_000 }).not.toBeNull();
    await expect
      .poll(async () => (await fetch(`${balancer}/api/session/me`, { headers: cookieHeader("session", session.cookie) })).headers.get("x-instance"), { timeout: 60_000, intervals: [100] })
      .toBe("app-1");
  } finally {
    finish();
  }

  const tallies = await Promise.all(idempotent);
  const postTally = await posts;
  const sent = tallies.reduce((sum, tally) => sum + tally.sent, 0);
  const cut = tallies.reduce((sum, tally) => sum + tally.cut, 0);
  test.info().annotations.push({ type: "stream", description: `${sent} GETs (${cut} cut mid-answer), ${postTally.sent} POSTs (${postTally.failed.length} lost, ${postTally.cut} cut)` });
  expect(sent).toBeGreaterThan(6);
  // No GET failed: refused connections and exchanges the crash swallowed were retried elsewhere.
  expect(tallies.flatMap((tally) => tally.failed)).toEqual([]);
  // Only an answer already under way can be cut, one per stream at most (6 streams of GETs).
  expect(cut).toBeLessThanOrEqual(6);
  // A POST may have been inside the crashed instance when it died, and is not replayed (it may
  // have run); every one sent after that was refused and retried elsewhere. One per stream.
  expect(postTally.failed.length + postTally.cut).toBeLessThanOrEqual(2);
});

test("a crash loop stops the fleet, and says why @crash", async ({ baseURL }) => {
  test.setTimeout(240_000);
  // A fleet of its own, one instance, on ports of its own (the suite's fleet uses +1 … +9).
  const port = Number(new URL(baseURL!).port) + 20;
  const fleet = spawn(process.execPath, ["--import", "tsx", "scripts/fleet/main.ts", "--skip-build"], {
    env: {
      ...process.env,
      PORT: String(port),
      FLEET_SIZE: "1",
      DATABASE_URL: process.env.E2E_DATABASE_URL,
      REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
      DEMO_USERS: "true",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  for (const pipe of [fleet.stdout, fleet.stderr]) pipe.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  const exited = new Promise<number | null>((resolve) => fleet.on("exit", (code) => resolve(code)));
  try {
    await expect.poll(async () => (await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null))?.status ?? 0, { timeout: 180_000, intervals: [500] }).toBe(200);
    // Kill every process that comes up on the instance's port, until the supervisor gives up.
    const killed = new Set<number>();
    let code: number | null | undefined;
    while (code === undefined) {
      const pid = listeningPid(port + 1);
      // A process already killed may still be found for a moment while it dies.
      if (pid !== null && !killed.has(pid)) {
        process.kill(pid, "SIGKILL");
        killed.add(pid);
      }
      code = await Promise.race([exited, new Promise<undefined>((resolve) => setTimeout(resolve, 100))]);
    }
    expect(code, output).toBe(1);
    expect(killed.size).toBe(5);
    expect(output).toMatch(/app-1 exited \(SIGKILL\); restart 1 in this window, in 500 ms/);
    expect(output).toMatch(/fleet: app-1 crashed 5 times within 60 s \(last: SIGKILL\): a crash loop, not bad luck; stopping the fleet/);
    // Everything stopped with it: the balancer too.
    expect(await fetch(`http://127.0.0.1:${port}/api/health`).then(() => "answered", () => "refused")).toBe("refused");
  } finally {
    fleet.kill("SIGTERM");
  }
});

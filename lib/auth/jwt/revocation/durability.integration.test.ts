import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { cleanUpTestDatabase, createTestUser, overrideConfig } from "../../../test-database.ts";
import type { RequestMeta } from "../../types.ts";
import { jwtStrategy } from "../strategy.ts";

/**
 * Issue 11 §12: with REDIS_URL set, a logged-out token came back to life when Redis stopped
 * (fail-open) and for good when it restarted empty. Here a private Redis (never the shared
 * one) is stopped and restarted empty around a logged-out token, which must stay refused.
 */

after(cleanUpTestDatabase);

const PORT = Number(process.env.REDIS_PRIVATE_PORT || 3579);
const hasRedis = spawnSync("redis-server", ["--version"]).status === 0;

const cli = (...args: string[]) => spawnSync("redis-cli", ["-p", String(PORT), ...args], { encoding: "utf8" });
const answers = () => cli("ping").stdout.trim() === "PONG";

/** Polls for the state, bounded by attempts rather than a deadline: slowness only waits longer. */
async function until(wanted: boolean): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (answers() === wanted) return;
    await sleep(50);
  }
  throw new Error(`redis on port ${PORT} never became ${wanted ? "ready" : "gone"}`);
}

async function startEmptyRedis(): Promise<void> {
  const started = spawnSync("redis-server", ["--port", String(PORT), "--save", "", "--appendonly", "no", "--daemonize", "yes"], { encoding: "utf8" });
  assert.equal(started.status, 0, started.stderr);
  await until(true);
}

async function stopRedis(): Promise<void> {
  if (!answers()) return;
  cli("shutdown", "nosave");
  await until(false);
}

const meta = (): RequestMeta => ({ now: new Date(), userAgent: "durability-test", ip: null });

describe("a logged-out access token with REDIS_URL set", { skip: hasRedis ? false : "redis-server is not installed" }, () => {
  before(async () => {
    await stopRedis(); // a leftover of an aborted run on this private port
    await startEmptyRedis();
  });
  after(stopRedis);

  test("stays refused while Redis is down and after it comes back empty", async (t) => {
    t.after(overrideConfig({ REDIS_URL: `redis://127.0.0.1:${PORT}`, JWT_REVOCATION_CHECK: undefined, JWT_REVOCATION_FAIL: undefined, JWT_DENYLIST_ON_ERROR: undefined }));
    const issued = await jwtStrategy.signIn(await createTestUser(), meta());
    const token = String(issued.apiFields.accessToken);
    const codeNow = async () => {
      const result = await jwtStrategy.verify(token, meta());
      return result.ok ? "accepted" : result.code;
    };
    assert.equal(await codeNow(), "accepted");

    await jwtStrategy.signOut({ credential: token, companions: {} }, meta());
    assert.equal(await codeNow(), "token_revoked");

    await stopRedis();
    assert.equal(await codeNow(), "token_revoked", "Redis down must not bring it back");

    await startEmptyRedis();
    assert.equal(cli("dbsize").stdout.trim(), "0", "the restarted Redis holds nothing");
    assert.equal(await codeNow(), "token_revoked", "an emptied Redis must not bring it back");
  });
});

import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { cleanUpTestDatabase, createTestUser } from "./test-database.ts";
import { strategies } from "./auth/registry.ts";
import type { RequestMeta, VerifyResult } from "./auth/types.ts";
import { createUnreachableClient, getDb, runWithDatabase, type Db } from "./db.ts";
import { databaseOutageOngoing, reportDatabaseFailure } from "./db-outage.ts";
import { captureEvents } from "./log.ts";
import { renderPrometheusMetrics } from "./metrics/prometheus.ts";
import { replaceProcessLocal } from "./state/process-local.ts";

/**
 * The outage of the process's own database, through the real call sites: each request that
 * meets it used to log the driver's multi-line error; now the outage is logged when it starts
 * and when the first query succeeds again, with the count in between. Each file runs in a
 * process of its own, so this one's outage is nobody else's.
 */

after(cleanUpTestDatabase);

const meta = (): RequestMeta => ({ now: new Date(), userAgent: "outage-test", ip: "192.0.2.1" });
const codeOf = (result: VerifyResult) => (result.ok ? "accepted" : result.code);

/** Runs `work` while the process's client (not one request's, as the outage lab does) cannot connect. */
async function withProcessDatabaseDown<T>(work: () => Promise<T>): Promise<T> {
  const real: Db = getDb();
  const dead = createUnreachableClient();
  replaceProcessLocal("db:client", dead);
  try {
    return await work();
  } finally {
    replaceProcessLocal("db:client", real);
    await dead.$disconnect();
  }
}

const metricValue = (text: string, name: string) => Number(new RegExp(`^${name} (\\S+)$`, "m").exec(text)?.[1]);

describe("a database outage is logged once per state change", () => {
  test("down: one event; each request refused meanwhile only counted; up again at the first query that succeeds", async () => {
    const user = await createTestUser();
    const session = await strategies.session.signIn(user, meta());
    const jwt = await strategies.jwt.signIn(user, meta());
    const seal = String(session.cookies[0]?.value);
    const token = String(jwt.apiFields.accessToken);

    const { events } = await captureEvents(async () => {
      const during = await withProcessDatabaseDown(async () => {
        const answers = [];
        for (let i = 0; i < 3; i++) answers.push(codeOf(await strategies.session.verify(seal, meta())));
        for (let i = 0; i < 2; i++) answers.push(codeOf(await strategies.jwt.verify(token, meta())));
        return answers;
      });
      assert.deepEqual(during, [...Array(3).fill("session_store_unavailable"), ...Array(2).fill("revocation_check_unavailable")]);
      assert.equal(databaseOutageOngoing(), true);
      const metrics = (await renderPrometheusMetrics()).body;
      assert.equal(metricValue(metrics, "svj_db_up"), 0);
      assert.equal(metricValue(metrics, "svj_db_unavailable_total"), 5);
      assert.equal(codeOf(await strategies.session.verify(seal, meta())), "accepted");
    });

    assert.deepEqual(events.map((event) => event.code), ["database_unreachable", "database_reachable"]);
    const [down, up] = events;
    assert.equal(down?.level, "error");
    assert.equal(down?.fields.first, "session_store_unreachable");
    // One line: the driver's reason, not its multi-line report of where it was called from.
    assert.doesNotMatch(String(down?.fields.reason), /\n/);
    assert.equal(up?.level, "info");
    assert.equal(up?.fields.affected, 5);
    assert.equal(up?.fields.sources, "session_store_unreachable=3 revocation_unreadable=2");
    assert.equal(databaseOutageOngoing(), false);
    assert.equal(metricValue((await renderPrometheusMetrics()).body, "svj_db_up"), 1);
  });

  test("the outage lab's broken database, for its own requests only, is logged per request as before, and is no outage", async () => {
    const user = await createTestUser();
    const seal = String((await strategies.session.signIn(user, meta())).cookies[0]?.value);
    const unreachable = createUnreachableClient();
    try {
      const { events } = await captureEvents(() => runWithDatabase(unreachable, async () => {
        await strategies.session.verify(seal, meta());
        await strategies.session.verify(seal, meta());
      }));
      assert.deepEqual(events.map((event) => event.code), ["session_store_unreachable", "session_store_unreachable"]);
      assert.equal(databaseOutageOngoing(), false);
    } finally {
      await unreachable.$disconnect();
    }
  });

  test("an error that is not the database being unreachable is a bug: logged every time, with its text", async () => {
    const { events } = await captureEvents(async () => {
      reportDatabaseFailure("touch_failed", new Error("disk full"), { fields: { sessionId: "s1" }, level: "warn" });
      reportDatabaseFailure("touch_failed", new Error("disk full"), { fields: { sessionId: "s2" }, level: "warn" });
    });
    assert.deepEqual(events, [
      { code: "touch_failed", fields: { sessionId: "s1", error: "disk full" }, level: "warn" },
      { code: "touch_failed", fields: { sessionId: "s2", error: "disk full" }, level: "warn" },
    ]);
    assert.equal(databaseOutageOngoing(), false);
  });
});

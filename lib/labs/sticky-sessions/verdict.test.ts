import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { judgeStickyFailover, type PinnedAnswer, type StickyStore, type StoreObservation } from "./verdict.ts";

const at = (instance: string | null, code = "accepted"): PinnedAnswer => ({ instance, code });
const pinned = (store: StickyStore, after: PinnedAnswer, holder = "app-1"): StoreObservation => ({ store, before: [at(holder), at(holder)], after });

describe("judgeStickyFailover", () => {
  test("session column as it should go: the in-memory user is logged out on app-2, the database user is kept", () => {
    const { verdict, measures } = judgeStickyFailover({
      holder: "app-1",
      stores: [pinned("memory", at("app-2", "toy_session_unknown")), pinned("database", at("app-2"))],
    });
    assert.equal(verdict.outcome, "sticky_logged_out_shared_kept");
    assert.equal(verdict.tone, "safe");
    assert.deepEqual(verdict.reasonCodes, ["toy_session_unknown", "accepted"]);
    assert.match(verdict.headline, /app-1 crashed.*app-2.*toy_session_unknown.*database-store session was served by app-2/);
    assert.deepEqual(measures, { holder: "app-1", failedOverTo: "app-2", pinnedRequests: 4, unpinnedRequests: 0, stickyUserLoggedOut: true, sharedStoreUserKept: true });
  });

  test("JWT column: the other instance verifies the token alone", () => {
    const { verdict, measures } = judgeStickyFailover({ holder: "app-2", stores: [pinned("token", at("app-1"), "app-2")] });
    assert.equal(verdict.outcome, "stateless_kept");
    assert.equal(verdict.tone, "safe");
    assert.equal(measures.stickyUserLoggedOut, null);
    assert.equal(measures.failedOverTo, "app-1");
  });

  test("a shared-store user refused after the failover is exposed", () => {
    const { verdict } = judgeStickyFailover({
      holder: "app-1",
      stores: [pinned("memory", at("app-2", "toy_session_unknown")), pinned("database", at("app-2", "session_unknown"))],
    });
    assert.equal(verdict.outcome, "shared_store_lost_user");
    assert.equal(verdict.tone, "exposed");
    assert.match(verdict.headline, /session_unknown/);
  });

  test("an in-memory session known to the other instance is not process-local: inconclusive", () => {
    const { verdict } = judgeStickyFailover({ holder: "app-1", stores: [pinned("memory", at("app-2")), pinned("database", at("app-2"))] });
    assert.equal(verdict.outcome, "memory_survived");
    assert.equal(verdict.tone, "inconclusive");
  });

  test("no failover: the balancer still sent the pin to the crashed instance", () => {
    const { verdict } = judgeStickyFailover({ holder: "app-1", stores: [pinned("memory", at("app-1", "instance_down")), pinned("database", at("app-2"))] });
    assert.equal(verdict.outcome, "no_failover");
  });

  test("no answer after the crash", () => {
    const { verdict } = judgeStickyFailover({ holder: "app-1", stores: [pinned("token", at(null, "no_answer"))] });
    assert.equal(verdict.outcome, "no_answer");
  });

  test("requests that were not kept on the holder before the crash: there was no stickiness", () => {
    const { verdict, measures } = judgeStickyFailover({
      holder: "app-1",
      stores: [{ store: "memory", before: [at("app-1"), at("app-2")], after: at("app-2", "toy_session_unknown") }],
    });
    assert.equal(verdict.outcome, "not_pinned");
    assert.equal(measures.unpinnedRequests, 1);
  });

  test("a credential refused before the crash: nothing to conclude", () => {
    const { verdict } = judgeStickyFailover({
      holder: "app-1",
      stores: [{ store: "database", before: [at("app-1", "session_unknown")], after: at("app-2") }],
    });
    assert.equal(verdict.outcome, "never_worked");
    assert.equal(verdict.tone, "inconclusive");
  });
});

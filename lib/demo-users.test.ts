import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { decideDemoUsers } from "./demo-users.ts";
import { DEFAULT_DATABASE_URL } from "./env.ts";

const POSTGRES = "postgresql://app@db.internal:5432/app";

describe("decideDemoUsers: demo accounts only in the demo", () => {
  test("seeded into the embedded SQLite default, whether DATABASE_URL is unset, empty or spelled out", () => {
    for (const DATABASE_URL of [undefined, "", DEFAULT_DATABASE_URL]) assert.equal(decideDemoUsers({ DATABASE_URL }).seed, true);
  });

  test("not seeded into PostgreSQL or another SQLite file (how the README runs on PostgreSQL)", () => {
    for (const DATABASE_URL of [POSTGRES, "file:./.data/prod.db"]) {
      const decision = decideDemoUsers({ DATABASE_URL, DEMO_MODE: "true" });
      assert.equal(decision.seed, false);
      assert.match(decision.reason, /DEMO_USERS=true/);
    }
  });

  test("DEMO_USERS=true seeds anywhere; DEMO_USERS=false nowhere", () => {
    assert.deepEqual(decideDemoUsers({ DATABASE_URL: POSTGRES, DEMO_USERS: "true" }), { seed: true, reason: "DEMO_USERS=true" });
    assert.equal(decideDemoUsers({ DEMO_USERS: "false" }).seed, false);
  });

  test("production on the default database seeds only with DEMO_MODE=true or DEMO_USERS=true", () => {
    assert.equal(decideDemoUsers({ NODE_ENV: "production" }).seed, false);
    assert.equal(decideDemoUsers({ NODE_ENV: "production", DEMO_MODE: "true" }).seed, true);
    assert.equal(decideDemoUsers({ NODE_ENV: "production", DEMO_USERS: "true" }).seed, true);
  });

  test("a value that is not a boolean is refused, not guessed", () => {
    assert.throws(() => decideDemoUsers({ DEMO_USERS: "yes please" }), /DEMO_USERS must be true or false/);
  });
});

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { DEFAULT_DATABASE_URL } from "./database-defaults.ts";
import { decideDemoUsers } from "./demo-users.ts";

const POSTGRES = "postgresql://app@db.internal:5432/app";

describe("decideDemoUsers: demo accounts only where only this machine can log in", () => {
  test("seeded into the embedded SQLite default, whether DATABASE_URL is unset, empty or spelled out", () => {
    for (const DATABASE_URL of [undefined, "", DEFAULT_DATABASE_URL]) assert.equal(decideDemoUsers({ DATABASE_URL }).seed, true);
  });

  test("another SQLite file is still the embedded database a newcomer means: seeded, and said so", () => {
    const decision = decideDemoUsers({ DATABASE_URL: "file:./other.db", DEMO_MODE: "true" });
    assert.equal(decision.seed, true);
    assert.match(decision.reason, /file:\.\/other\.db/);
  });

  test("not seeded into PostgreSQL unless asked (how docs/CONFIGURATION.md runs on PostgreSQL)", () => {
    const decision = decideDemoUsers({ DATABASE_URL: POSTGRES, DEMO_MODE: "true" });
    assert.equal(decision.seed, false);
    assert.match(decision.reason, /DEMO_USERS=true/);
  });

  test("DEMO_USERS=true seeds on PostgreSQL too; DEMO_USERS=false nowhere", () => {
    assert.deepEqual(decideDemoUsers({ DATABASE_URL: POSTGRES, DEMO_USERS: "true" }), { seed: true, reason: "DEMO_USERS=true" });
    assert.equal(decideDemoUsers({ DEMO_USERS: "false" }).seed, false);
  });

  test("never while the server is to listen beyond loopback, even when asked", () => {
    for (const HOST of ["0.0.0.0", "::", "192.168.1.20"]) {
      for (const DEMO_USERS of [undefined, "true"]) {
        const decision = decideDemoUsers({ HOST, DEMO_USERS });
        assert.equal(decision.seed, false, `${HOST} ${DEMO_USERS}`);
        assert.match(decision.reason, /beyond this machine/);
      }
    }
    for (const HOST of ["127.0.0.1", "localhost", "::1", "[::1]"]) assert.equal(decideDemoUsers({ HOST }).seed, true, HOST);
  });

  test("production seeds only with DEMO_MODE=true or DEMO_USERS=true", () => {
    assert.equal(decideDemoUsers({ NODE_ENV: "production" }).seed, false);
    assert.equal(decideDemoUsers({ NODE_ENV: "production", DEMO_MODE: "true" }).seed, true);
    assert.equal(decideDemoUsers({ NODE_ENV: "production", DEMO_USERS: "true" }).seed, true);
  });

  test("a value that is not a boolean is refused, not guessed", () => {
    assert.throws(() => decideDemoUsers({ DEMO_USERS: "yes please" }), /DEMO_USERS must be true or false/);
  });
});

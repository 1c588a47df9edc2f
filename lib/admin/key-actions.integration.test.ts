import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { listRecentAudit, type AuditActor } from "../audit/log.ts";
import { readSigningKeys } from "../auth/jwt/keys/store.ts";
import { at, cleanUpTestDatabase, createTestUser, SECOND } from "../test-database.ts";
import { adminRotateKeys } from "./key-actions.ts";

after(cleanUpTestDatabase);

describe("a key rotation by an admin", () => {
  test("stores a next key and writes one audit entry naming it, with who, when and from where", async () => {
    const admin = await createTestUser({ role: "admin" });
    const actor: AuditActor = { userId: admin.id, mode: "session", ip: "198.51.100.4", userAgent: "integration-test" };
    const now = at(7 * SECOND);
    const { created, keys } = await adminRotateKeys(actor, now);
    assert.equal(keys[0]!.kid, created.kid, "the newest key");
    assert.equal(created.state, "next");
    assert.ok((await readSigningKeys()).some((key) => key.kid === created.kid));

    const entries = (await listRecentAudit(50)).filter((entry) => entry.actorId === admin.id);
    assert.equal(entries.length, 1);
    const [entry] = entries;
    assert.deepEqual(
      { action: entry!.action, targetUserId: entry!.targetUserId, actorMode: entry!.actorMode, ip: entry!.ip, at: entry!.at.getTime(), detail: entry!.detail },
      { action: "keys.rotate", targetUserId: null, actorMode: "session", ip: "198.51.100.4", at: now.getTime(), detail: { kid: created.kid, signsFrom: created.activatesAt } },
    );
  });
});

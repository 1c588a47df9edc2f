import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { cachedPrincipal } from "./principal.ts";
import type { SessionWithUser } from "./store.ts";

const at = (iso: string) => new Date(iso);
const row = (): SessionWithUser => ({
  id: "s1", userId: "u1", createdAt: at("2026-01-01T00:00:00Z"), lastSeenAt: at("2026-01-01T00:10:00Z"), expiresAt: at("2026-01-08T00:00:00Z"),
  userAgent: "ua", ip: "192.0.2.1",
  user: { email: "bob@example.com", name: "Bob", role: "user", tokenVersion: 0, disabledAt: null },
});

describe("cachedPrincipal: one principal per cached row", () => {
  test("the same row and deadline give the very same principal, built from them", () => {
    const cached = row();
    const deadline = at("2026-01-01T02:10:00Z");
    const first = cachedPrincipal(cached, deadline);
    assert.equal(cachedPrincipal(cached, new Date(deadline)), first);
    assert.deepEqual([first.userId, first.handles.sessionId, first.profile?.email, first.api.expiresAt], ["u1", "s1", "bob@example.com", deadline.toISOString()]);
  });

  test("another deadline, or the row replaced (a touch stores a new object), is built afresh", () => {
    const cached = row();
    const first = cachedPrincipal(cached, at("2026-01-01T02:10:00Z"));
    const later = cachedPrincipal(cached, at("2026-01-01T02:20:00Z"));
    assert.notEqual(later, first);
    assert.equal(later.api.expiresAt, "2026-01-01T02:20:00.000Z");
    const touched = { ...cached, lastSeenAt: at("2026-01-01T00:20:00Z") };
    assert.equal(cachedPrincipal(touched, at("2026-01-01T02:20:00Z")).api.lastSeenAt, "2026-01-01T00:20:00.000Z");
  });
});

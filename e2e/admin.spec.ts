import { expect } from "@playwright/test";
import { alice, expectApiError } from "./fixtures.ts";
import { test } from "./throwaway.ts";

// Admin endpoints read the user row, never the token's role claim: an admin demoted or
// disabled after their access token was issued cannot use that token to act as admin.

test.describe("admin privilege comes from the database, not from the token", () => {
  test("a demoted admin's earlier JWT is refused by admin endpoints", async ({ makeUser, apiLogin }) => {
    const formerAdmin = await makeUser("admin");
    const bystander = await makeUser();
    const held = await apiLogin("jwt", formerAdmin);
    // Works while the row says admin.
    expect((await held.api.post(`/api/admin/users/${bystander.id}/enable`)).status()).toBe(200);

    const admin = await apiLogin("session", alice);
    expect((await admin.api.post(`/api/admin/users/${formerAdmin.id}/role`, { data: { role: "user" } })).status()).toBe(200);

    // The token still says admin, but the demotion bumped the token version: the default
    // revocation check refuses it everywhere, and the admin endpoints would read the row anyway.
    await expectApiError(await held.api.get("/api/jwt/me"), 401, "token_stale");
    await expectApiError(await held.api.post(`/api/admin/users/${formerAdmin.id}/role`, { data: { role: "admin" } }), 401, "token_stale");
    await expectApiError(await held.api.post(`/api/admin/users/${bystander.id}/disable`), 401, "token_stale");
  });

  test("a disabled admin cannot re-enable themselves with a token they still hold", async ({ makeUser, apiLogin }) => {
    const target = await makeUser("admin");
    const held = await apiLogin("jwt", target);
    const admin = await apiLogin("session", alice);
    expect((await admin.api.post(`/api/admin/users/${target.id}/disable`)).status()).toBe(200);
    await expectApiError(await held.api.post(`/api/admin/users/${target.id}/enable`), 401, "user_disabled");
  });

  test("a user promoted after login acts as admin on the next request in session mode", async ({ makeUser, apiLogin }) => {
    const promoted = await makeUser();
    const bystander = await makeUser();
    const session = await apiLogin("session", promoted);
    await expectApiError(await session.api.post(`/api/admin/users/${bystander.id}/disable`), 403, "forbidden");
    const admin = await apiLogin("session", alice);
    expect((await admin.api.post(`/api/admin/users/${promoted.id}/role`, { data: { role: "admin" } })).status()).toBe(200);
    expect((await session.api.post(`/api/admin/users/${bystander.id}/disable`)).status()).toBe(200);
  });
});

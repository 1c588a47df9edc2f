import { expect, type Page } from "@playwright/test";
import { alice, bob, loginViaForm } from "./fixtures.ts";
import { test, type TestUser } from "./throwaway.ts";

// The console at /admin: admins of either mode in, users refused with a 403 page, anonymous
// visitors sent to the login; every action written to the audit log and shown.

function userRow(page: Page, user: Pick<TestUser, "email">) {
  return page.getByRole("table", { name: "Users" }).getByRole("row", { name: new RegExp(user.email.replace(/[.+]/g, "\\$&")) });
}

test("anonymous visitors are sent to the login, and back to /admin after it", async ({ page }) => {
  await page.goto("/admin");
  await expect(page).toHaveURL("/session/login?next=%2Fadmin");
  await page.getByLabel("E-mail").fill(alice.email);
  await page.getByLabel("Password").fill(alice.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL("/admin");
  await expect(page.getByRole("heading", { name: "Admin console" })).toBeVisible();
});

test("from there, the link to JWT mode's login keeps the way back to /admin", async ({ page }) => {
  await page.goto("/admin");
  // In the page, not the menu's "JWT mode" (its dashboard).
  await page.getByRole("main").getByRole("link", { name: "JWT mode", exact: true }).click();
  await expect(page).toHaveURL("/jwt/login?next=%2Fadmin");
  await page.getByLabel("E-mail").fill(alice.email);
  await page.getByLabel("Password").fill(alice.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL("/admin");
  await expect(page.getByText("with JWT mode")).toBeVisible();
});

for (const mode of ["session", "jwt"] as const) {
  test(`a user logged in with ${mode} mode gets the 403 page, with status 403 and a way home`, async ({ loggedInPage }) => {
    const page = await loggedInPage(mode, bob);
    // The gate runs before the lookup: a refusal reveals nothing about which ids exist.
    expect((await page.goto("/admin/users/no-such-user"))?.status()).toBe(403);
    expect((await page.goto("/admin"))?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Admins only" })).toBeVisible();
    await expect(page.getByText(`logged in as ${bob.email}`)).toBeVisible();
    await expect(page.getByText("403 · Forbidden")).toBeVisible();
    await expect(page.getByRole("table", { name: "Users" })).toHaveCount(0);
    await page.getByRole("link", { name: "Back to the home page" }).click();
    await expect(page).toHaveURL("/");
  });

  test(`an admin logged in with ${mode} mode sees every user, live counts and the signing-keys link`, async ({ loggedInPage }) => {
    const page = await loggedInPage(mode, alice);
    await page.goto("/admin");
    await expect(page.getByText(`with ${mode === "jwt" ? "JWT mode" : "session mode"}`)).toBeVisible();
    const row = userRow(page, alice);
    await expect(row.getByRole("cell", { name: "admin", exact: true })).toBeVisible();
    await expect(row.getByText("active", { exact: true })).toBeVisible();
    await expect(userRow(page, bob)).toBeVisible();
    await expect(page.getByRole("link", { name: "Signing keys" })).toHaveAttribute("href", "/admin/keys");
    // Admins cannot disable themselves; the button is not offered.
    await expect(page.getByRole("button", { name: `Disable ${alice.email}` })).toHaveCount(0);
  });
}

/** The second step of a destructive action: it says what happens, and "Yes" does it. */
/** Disable and "log out everywhere" end their logins; a role change keeps them logged in. */
async function confirmStep(admin: Page, question: string, consequence = "Their next page is the login page") {
  const asking = admin.getByRole("group", { name: question });
  await expect(asking).toContainText(consequence);
  await asking.getByRole("button", { name: /^Yes: / }).click();
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a destructive action asks first, says what the user will see, and Cancel changes nothing", async ({ makeUser, page: admin }) => {
    const target = await makeUser();
    await loginViaForm(admin, "session", alice);
    await admin.goto("/admin");
    await admin.getByRole("button", { name: `Log ${target.email} out everywhere` }).click();
    const asking = admin.getByRole("group", { name: `Log ${target.email} out everywhere?` });
    await expect(asking).toContainText("Every login of theirs ends now");
    await asking.getByRole("button", { name: "Cancel" }).click();
    await expect(admin.getByRole("group", { name: `Log ${target.email} out everywhere?` })).toHaveCount(0);

    await admin.getByRole("button", { name: `Disable ${target.email}` }).click();
    await expect(admin.getByRole("group", { name: `Disable ${target.email}?` })).toContainText("their JWT access token is refused on its next request");
    await admin.getByRole("button", { name: `Yes: disable ${target.email}` }).click();
    await expect(userRow(admin, target).getByText("disabled", { exact: true })).toBeVisible();
    await admin.goto(`/admin/users/${target.id}`);
    const trail = admin.getByRole("table", { name: `Admin actions involving ${target.email}` });
    await expect(trail.getByRole("row").filter({ hasText: "user.end_all" })).toHaveCount(0);
    await expect(trail.getByRole("row").filter({ hasText: "user.disable" })).toHaveCount(1);
  });
});

test("every console action changes the user and is audited, on /admin and on the user's page", async ({ makeUser, loggedInPage }) => {
  const target = await makeUser();
  const targetPage = await loggedInPage("session", target);
  const admin = await loggedInPage("jwt", alice);
  await admin.goto("/admin");
  const row = userRow(admin, target);
  // The target's own login shows up as a live session.
  await expect(row.getByRole("cell", { name: "1", exact: true })).toBeVisible();

  await admin.getByRole("button", { name: `Disable ${target.email}` }).click();
  await confirmStep(admin, `Disable ${target.email}?`);
  await expect(row.getByRole("status")).toHaveText("Disabled; ended 1 session(s) and 0 refresh families.");
  await expect(row.getByText("disabled", { exact: true })).toBeVisible();
  // Ended at once in session mode: the target's next request is logged out.
  await targetPage.goto("/session/dashboard");
  await expect(targetPage).toHaveURL(/\/session\/login/);

  await admin.getByRole("button", { name: `Enable ${target.email}` }).click();
  await expect(row.getByRole("status")).toHaveText("Enabled.");
  await admin.getByRole("button", { name: `Make ${target.email} an admin` }).click();
  await confirmStep(admin, `Make ${target.email} an admin?`, "They stay logged in");
  await expect(row.getByRole("status")).toHaveText("Role set to admin.");
  await admin.getByRole("button", { name: `Make ${target.email} a user` }).click();
  await confirmStep(admin, `Make ${target.email} a user?`, "They stay logged in");
  await expect(row.getByRole("status")).toHaveText("Role set to user.");
  await admin.getByRole("button", { name: `Log ${target.email} out everywhere` }).click();
  await confirmStep(admin, `Log ${target.email} out everywhere?`);
  await expect(row.getByRole("status")).toHaveText("Logged out everywhere: ended 0 session(s) and 0 refresh families.");

  await admin.reload();
  const recent = admin.getByRole("table", { name: "Latest admin actions" });
  for (const action of ["user.disable", "user.enable", "user.end_all"]) {
    await expect(recent.getByRole("row").filter({ hasText: target.email }).filter({ hasText: action })).toHaveCount(1);
  }
  await expect(recent.getByRole("row").filter({ hasText: target.email }).filter({ hasText: "user.role" })).toHaveCount(2);

  await row.getByRole("link", { name: target.email }).click();
  await expect(admin.getByRole("heading", { name: target.email })).toBeVisible();
  const trail = admin.getByRole("table", { name: `Admin actions involving ${target.email}` });
  const entries = trail.getByRole("row").filter({ hasText: alice.email });
  await expect(entries).toHaveCount(5);
  // Who, with which mode, what, whom: the newest first.
  await expect(entries.first()).toContainText("(jwt)");
  await expect(entries.first()).toContainText("user.end_all");
  await expect(entries.nth(2)).toContainText('{"from":"user","to":"admin"}');
});

test("the admin API's actions land in the same audit log", async ({ makeUser, apiLogin, loggedInPage }) => {
  const target = await makeUser();
  const { api } = await apiLogin("session", alice);
  expect((await api.post(`/api/admin/users/${target.id}/disable`)).status()).toBe(200);
  const ended = await api.post(`/api/admin/users/${target.id}/end-all`);
  expect(await ended.json()).toEqual({ userId: target.id, revokedSessions: 0, revokedFamilies: 0 });
  const rotated = await api.post("/api/admin/keys/rotate");
  expect(rotated.status()).toBe(200);
  const { keys } = (await rotated.json()) as { keys: { kid: string }[] };

  const page = await loggedInPage("session", alice);
  await page.goto(`/admin/users/${target.id}`);
  const trail = page.getByRole("table", { name: `Admin actions involving ${target.email}` });
  await expect(trail.getByRole("row").filter({ hasText: "user.disable" })).toContainText("(session)");
  await expect(trail.getByRole("row").filter({ hasText: "user.end_all" })).toHaveCount(1);
  // A rotation has no target user: it shows on /admin with the key it published.
  await page.goto("/admin");
  const rotation = page.getByRole("table", { name: "Latest admin actions" }).getByRole("row").filter({ hasText: keys[0]!.kid });
  await expect(rotation).toContainText("keys.rotate");
  await expect(rotation).toContainText("rotated the signing key");
  await expect(rotation).toContainText("(session)");
});

test("a user cannot reach the new end-all endpoint either", async ({ makeUser, apiLogin }) => {
  const target = await makeUser();
  const { api } = await apiLogin("session", bob);
  expect((await api.post(`/api/admin/users/${target.id}/end-all`)).status()).toBe(403);
});

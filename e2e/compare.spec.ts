import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { authCookieValue, bob, cookieName, dashboardHeading, MODES } from "./fixtures.ts";

/**
 * The compare page shows what this server measured. The e2e server is shared by every spec,
 * so "no traffic yet" cannot be assumed: instead each test makes its own requests, measures
 * them itself, and looks for exactly those figures among the ones the page lists.
 */

/**
 * Every Set-Cookie header value of a response, byte for byte as the client received them —
 * except the login throttle's device cookie, which both modes write alike and which is no
 * part of either mode's credential.
 */
function setCookieBytes(response: APIResponse): number {
  return response
    .headersArray()
    .filter((header) => header.name.toLowerCase() === "set-cookie" && !/^(__Host-)?svj-device=/.test(header.value))
    .reduce((sum, header) => sum + Buffer.byteLength(header.value), 0);
}

function compareRow(page: Page, name: string) {
  return page.getByRole("row", { name: new RegExp(`^${name}`) });
}

for (const mode of MODES) {
  test(`${mode}: the page lists the Set-Cookie and cookie sizes this browser just received and sent`, async ({ page, context }) => {
    const login = await page.request.post(`/api/${mode}/login`, { data: { email: bob.email, password: bob.password } });
    expect(login.status()).toBe(200);
    const written = setCookieBytes(login);
    expect(written).toBeGreaterThan(0);

    const sent = Buffer.byteLength(`${cookieName(mode)}=${await authCookieValue(context, mode)}`);
    const me = await page.request.get(`/api/${mode}/me`);
    expect(me.status()).toBe(200);
    expect(me.headers()["server-timing"]).toContain(`auth-cookie;desc="bytes=${sent}"`);

    await page.goto("/compare");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("measured");
    const setCookieSizes = page.getByRole("list", { name: `Set-Cookie sizes seen, ${mode} mode` });
    await expect(setCookieSizes.getByText(`${written} B`, { exact: true })).toBeVisible();
    const cookieSizes = page.getByRole("list", { name: `Cookie sizes seen, ${mode} mode` });
    await expect(cookieSizes.getByText(`${sent} B`, { exact: true })).toBeVisible();
    await expect(page.getByRole("main")).not.toContainText(/NaN|undefined|\bnull\b/);
  });
}

test("session checks are counted as the one joined read they make, in pages and route handlers alike", async ({ page }) => {
  // Pages and route handlers can be separate bundles with their own copies of lib/db and
  // lib/metrics; on a fresh server this order (a page opens the client, a route handler counts
  // first) is the one that once counted nothing.
  await page.goto("/compare");
  expect((await page.request.post("/api/session/login", { data: { email: bob.email, password: bob.password } })).status()).toBe(200);
  // A fresh session: no lastSeenAt write is due yet, so the check is exactly the row + user join.
  const me = await page.request.get("/api/session/me");
  expect(me.headers()["server-timing"]).toContain('auth-db;desc="queries=1"');
  await page.goto("/session/dashboard");
  await expect(dashboardHeading(page, bob)).toBeVisible();

  await page.goto("/compare");
  const sessionCell = compareRow(page, "Database queries per authenticated request").getByRole("cell").first();
  const [, mean, max] = /mean (\d+(?:\.\d+)?) · max (\d+)/.exec((await sessionCell.textContent()) ?? "") ?? [];
  // Every accepted session check reads its row, so no mean below one query is possible.
  expect(Number(mean)).toBeGreaterThanOrEqual(1);
  expect(Number(max)).toBeGreaterThanOrEqual(1);
});

test("the page says since when its figures run and links the flows and raw metrics", async ({ page, request }) => {
  const { since } = (await (await request.get("/api/metrics")).json()) as { since: string };
  await page.goto("/compare");
  await expect(page.getByText(since, { exact: true })).toBeVisible();
  await expect(page.getByText("per server process")).toBeVisible();
  await expect(page.getByRole("link", { name: "/api/metrics" })).toHaveAttribute("href", "/api/metrics");
  await page.getByRole("link", { name: "Flows" }).last().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("How a request flows");
  await expect(page.getByRole("list", { name: "Logout, session mode" })).toContainText("Deletes the Session row");
});

test("the signing section names the algorithm in use, and each one's token bytes and verify time", async ({ page, request }) => {
  await page.goto("/compare");
  const section = page.getByRole("region", { name: /^JWT signing: (EdDSA|HS256)$/ });
  await expect(section).toBeVisible();
  const text = (await section.textContent()) ?? "";
  const login = await request.post("/api/jwt/login", { data: { email: bob.email, password: bob.password } });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const alg = (JSON.parse(Buffer.from(accessToken.split(".")[0]!, "base64url").toString()) as { alg: string }).alg;
  // The in-use algorithm is the one a real login's token carries, and a real token weighs what the page says.
  expect(text).toContain(`JWT signing: ${alg}`);
  expect(text).toContain(`weighs ${accessToken.length} bytes with ${alg}`);
  expect(text).toMatch(/One full verify takes \d+ µs with (EdDSA|HS256) and \d+ µs with (EdDSA|HS256)/);
});

test("the cross-domain, storage and scaling rows link to the labs that show them", async ({ page }) => {
  await page.goto("/compare");
  for (const [row, href] of [
    ["Across origins and sites", "/labs/cross-origin"],
    ["Where the credential is kept in the browser", "/labs/storage"],
    ["More than one instance", "/labs/fleet"],
  ] as const) {
    const cells = page.getByRole("row", { name: new RegExp(row) });
    await expect(cells.getByRole("link", { name: /lab$/ }).first()).toHaveAttribute("href", href);
  }
  const scaling = page.getByRole("row", { name: /More than one instance/ });
  await expect(scaling.getByRole("link", { name: "the sticky-sessions lab" }).first()).toHaveAttribute("href", "/labs/sticky-sessions");
});

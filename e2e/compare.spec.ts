import { expect, type APIRequestContext, type APIResponse, type Locator, type Page } from "@playwright/test";
import { authCookieValue, bob, cookieName, dashboardHeading, MODES, serverSessionCache } from "./fixtures.ts";
import { disconnectDatabase, runLabViaApi, stepsTo } from "./labs-fixtures.ts";
import type { Metrics } from "./metrics-fixtures.ts";
import { test } from "./throwaway.ts";

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
    await expect(setCookieSizes.getByText(`${written.toLocaleString("en-US")} B`, { exact: true })).toBeVisible();
    const cookieSizes = page.getByRole("list", { name: `Cookie sizes seen, ${mode} mode` });
    await expect(cookieSizes.getByText(`${sent.toLocaleString("en-US")} B`, { exact: true })).toBeVisible();
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
  // In the reader's local time, UTC on hover; the machine-readable instant is the metrics' own.
  await expect(page.locator(`time[datetime="${since}"]`).first()).toBeVisible();
  await expect(page.getByText("per server process")).toBeVisible();
  await expect(page.getByRole("link", { name: "/api/metrics" })).toHaveAttribute("href", "/api/metrics");
  await page.getByRole("link", { name: "Flows" }).last().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("How a request flows");
  await expect(page.getByRole("list", { name: "Sequence diagram of Logout, session mode" })).toContainText("DELETE Session row");
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

test.afterAll(disconnectDatabase);

const SERIES = { session: "Session mode", jwt: "JWT mode" } as const;

async function metrics(request: APIRequestContext): Promise<Metrics> {
  return (await (await request.get("/api/metrics")).json()) as Metrics;
}

/** The sample count a chart prints for one series ("Session mode: 1,204 checks"). */
async function countIn(figure: Locator, label: string): Promise<number> {
  const text = (await figure.getByRole("paragraph").textContent()) ?? "";
  const match = new RegExp(`${label}: ([\\d,]+) checks?`).exec(text);
  expect(match, `"${label}: N checks" in "${text}"`).not.toBeNull();
  return Number(match![1]!.replaceAll(",", ""));
}

test("the figures are charts, each a described image with its sample counts, cold and warm apart", async ({ page }) => {
  for (const mode of MODES) {
    expect((await page.request.post(`/api/${mode}/login`, { data: { email: bob.email, password: bob.password } })).status()).toBe(200);
    expect((await page.request.get(`/api/${mode}/me`)).status()).toBe(200);
  }
  const before = await metrics(page.request);
  await page.goto("/compare");
  const after = await metrics(page.request);

  // With push (the default on SQLite) warm checks are charted too; with off (PostgreSQL without
  // Redis) the warm figure says why there are none (app/compare/CacheOffNote.tsx).
  const temperatures = serverSessionCache === "off" ? (["cold"] as const) : (["cold", "warm"] as const);
  for (const temperature of temperatures) {
    const title = temperature === "cold" ? "Check latency, cold: no cache answered" : "Check latency, warm: a cache answered";
    const figure = page.getByRole("figure", { name: title });
    await expect(figure.getByRole("img", { name: title })).toBeVisible();
    for (const mode of MODES) {
      // What the page printed lies between what the server had counted before and after it.
      const shown = await countIn(figure, SERIES[mode]);
      expect(shown).toBeGreaterThanOrEqual(before.modes[mode].visitors[temperature].samples);
      expect(shown).toBeLessThanOrEqual(after.modes[mode].visitors[temperature].samples);
    }
  }
  if (serverSessionCache === "off") {
    const warm = page.getByRole("figure", { name: "Check latency, warm: a cache answered" });
    await expect(warm).toContainText("Never measured with this server's SESSION_CACHE=off");
    await expect(warm.getByRole("img")).toHaveCount(0);
  }
  // This test's own checks were cold (nothing sets servedFromCache yet, or a fresh login's first check).
  const cold = page.getByRole("figure", { name: "Check latency, cold: no cache answered" });
  for (const step of ["p50", "p75", "p90", "p95", "p99"]) await expect(cold.getByRole("img")).toContainText(step);
  // One unit style: milliseconds, one decimal below 10 ms (lib/format/units.ts), never µs.
  await expect(cold.getByRole("img")).toContainText(/(< 0\.1|\d\.\d|[\d,]{2,}) ms/);
  await expect(compareRow(page, "Auth-check latency")).not.toContainText("µs");

  const bytes = page.getByRole("figure", { name: "Cookie and Set-Cookie bytes against the 4,096 B limit" });
  await expect(bytes.getByRole("img")).toContainText("browsers' limit, 4,096 B");
  for (const mode of MODES) await expect(bytes.getByRole("img")).toContainText(new RegExp(`${SERIES[mode]}, cookie.*?max [\\d,]+ B · [\\d,]+ checks?`));
  const queries = page.getByRole("figure", { name: "Database queries per authenticated request" });
  await expect(queries.getByRole("img")).toContainText(/Session mode, cold.*?mean \d\.\d\d · max \d+ · [\d,]+ checks?/);
  await expect(page.getByRole("figure", { name: "Revocation lag after logout" }).getByRole("img")).toBeVisible();
  await expect(page.getByRole("figure", { name: "Lab traffic, kept apart: check latency" }).getByRole("img")).toBeVisible();
  await expect(page.getByRole("main")).not.toContainText(/NaN|undefined|Infinity/);
});

test("at 390 px every chart fits the screen", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/compare");
  const figures = page.getByRole("figure");
  expect(await figures.count()).toBeGreaterThanOrEqual(6);
  for (const figure of await figures.all()) {
    // With SESSION_CACHE=off the warm figure is a sentence saying why, not a chart.
    if ((await figure.getByRole("img").count()) === 0) continue;
    const box = await figure.getByRole("img").boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  }
});

test("a lab's checks are charted apart: counted as lab traffic, not as visitors'", async ({ page, request, makeUser }) => {
  const before = await metrics(request);
  const result = await runLabViaApi(request, "stolen-credential", await makeUser());
  const after = await metrics(request);
  for (const mode of MODES) {
    // The lab's accepted checks: its /me calls that were answered 200.
    const accepted = stepsTo(result.columns[mode], `/api/${mode}/me`).filter((step) => step.response?.status === 200).length;
    expect(accepted).toBeGreaterThan(0);
    // Broken tagging would leave these at zero and put the lab's checks among the visitors'.
    expect(after.modes[mode].labs.accepted - before.modes[mode].labs.accepted).toBeGreaterThanOrEqual(accepted);
  }
  await page.goto("/compare");
  const labs = page.getByRole("figure", { name: "Lab traffic, kept apart: check latency" });
  for (const mode of MODES) expect(await countIn(labs, SERIES[mode])).toBeGreaterThanOrEqual(after.modes[mode].labs.cold.samples);
  await expect(page.getByText(/kept out of every other figure and shown here alone: Session mode [\d,]+ checks?, JWT mode [\d,]+ checks?/)).toBeVisible();
  const lag = page.getByRole("figure", { name: "Revocation lag after logout" });
  await expect(lag.getByRole("paragraph")).toContainText("1 run of the stolen-credential lab");
  await expect(lag.getByRole("img")).toContainText("0 s: refused at once");
});

test("SESSION_CACHE's three choices side by side, from the committed bench results: cost and revocation", async ({ page }) => {
  await page.goto("/compare");
  const section = page.getByRole("region", { name: "Caching the session check: what each choice costs and gives up" });
  await expect(section).toContainText(`This server runs ${serverSessionCache}`);
  const sqlite = section.locator("div").filter({ has: page.getByText(/^SQLite, \d+ cores/) }).last();
  const card = (cache: string) => sqlite.getByRole("listitem", { name: `SESSION_CACHE=${cache}`, exact: true });
  for (const cache of ["off", "push", "cookie"]) await expect(card(cache)).toContainText(/session \/me ÷ no auth: \d\.\d\d/);
  // What the bench observed: push and off refuse an ended login at once, the cookie cache does not.
  for (const event of ["logout", "device revocation", "password change", "admin disable"]) {
    const after = (cache: string) => card(cache).locator("div").filter({ has: page.getByText(`after ${event}`, { exact: true }) }).getByRole("definition");
    await expect(after("push")).toContainText("refused next request");
    await expect(after("off")).toContainText("refused next request");
    await expect(after("cookie")).toContainText("still accepted");
  }
});

test("the committed bench table leads each database's block with the default configuration, then the peers", async ({ page }) => {
  await page.goto("/compare");
  const section = page.getByRole("region", { name: "What you get by default, and what the alternatives and other libraries give" });
  // docs/bench/ holds a SQLite, a PostgreSQL and a fleet run, each read from its own JSON file.
  for (const block of [/^SQLite, one process/, /^PostgreSQL, one process/, /^PostgreSQL, fleet of \d+/]) {
    const rows = section.getByRole("region", { name: block }).getByRole("rowheader");
    await expect(rows.first()).toContainText(/^default\s*SESSION_CACHE=\w+ · JWT_REVOCATION_CHECK=denylist/);
    expect(await rows.count()).toBeGreaterThan(1);
  }
  // PostgreSQL without Redis defaults to off (lib/env.ts), whatever order the bench ran it in.
  await expect(section.getByRole("region", { name: /^PostgreSQL, one process/ }).getByRole("rowheader").first()).toContainText("SESSION_CACHE=off");
  const peers = section.getByRole("region", { name: /^Against the peers/ });
  await expect(peers.getByRole("rowheader", { name: /^Better Auth/ }).first()).toBeVisible();
  await expect(peers.getByRole("row", { name: /^Auth\.js/ }).first()).toBeVisible();
  await expect(peers).toContainText("refused at once");
});

test("the raw metrics open from their link as JSON indented to be read", async ({ page }) => {
  await page.goto("/compare");
  // The link's target, then the page it opens: a click raced the page's own loading once on a
  // busy CI host and stayed on /compare, which says nothing about either.
  const link = page.getByRole("link", { name: "/api/metrics" });
  await expect(link).toHaveAttribute("href", "/api/metrics");
  await page.goto((await link.getAttribute("href"))!);
  expect(await page.evaluate(() => document.body.innerText)).toMatch(/^\{\n {2}"since": /);
});

test("the JWKS opens from its link as JSON indented to be read", async ({ page }) => {
  await page.goto("/compare");
  await page.getByRole("link", { name: "/.well-known/jwks.json" }).click();
  await expect(page).toHaveURL("/.well-known/jwks.json");
  expect(await page.evaluate(() => document.body.innerText)).toMatch(/^\{\n {2}"keys": /);
});

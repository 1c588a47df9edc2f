import { expect, test, type APIRequestContext } from "@playwright/test";
import { bob, loginViaApi, loginViaForm } from "./fixtures.ts";

/**
 * `npm run bench:http` divides /me by /api/bench/baseline and the dashboards by /bench: the
 * ratios only mean "what auth costs" while the baselines stay like for like — public, rendered
 * per request, and of the same shape and weight as what they stand in for.
 */

/** Every key path of a JSON value ("user.id", "session.ip", …), values ignored. */
function shape(value: unknown, prefix = ""): string[] {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => shape(inner, prefix ? `${prefix}.${key}` : key)).sort();
}

async function anonymousGet(request: APIRequestContext, path: string) {
  return request.get(path, { headers: { cookie: "" } });
}

test("the baseline route answers anyone with /api/session/me's shape and about its size", async ({ request, playwright, baseURL }) => {
  await loginViaApi(request, "session", bob);
  const me = await request.get("/api/session/me");
  expect(me.status()).toBe(200);
  const anonymous = await playwright.request.newContext({ baseURL });
  const baseline = await anonymousGet(anonymous, "/api/bench/baseline");
  expect(baseline.status()).toBe(200);
  expect(baseline.headers()["cache-control"]).toBe("no-store");
  expect(shape(await baseline.json())).toEqual(shape(await me.json()));
  const [meBytes, baselineBytes] = [(await me.body()).length, (await baseline.body()).length];
  expect(Math.abs(baselineBytes - meBytes) / meBytes).toBeLessThan(0.2);
  await anonymous.dispose();
});

test("the floor is a bare route handler: the baseline's body, without anything of ours around it", async ({ request }) => {
  const [floor, baseline] = await Promise.all([anonymousGet(request, "/api/bench/floor"), anonymousGet(request, "/api/bench/baseline")]);
  expect(floor.status()).toBe(200);
  expect(await floor.json()).toEqual(await baseline.json());
  // next.config.ts's static headers and our route wrapper both run on our route, neither on the floor.
  expect(baseline.headers()["x-frame-options"]).toBe("DENY");
  expect(floor.headers()["x-frame-options"]).toBeUndefined();
  const rebound = { headers: { cookie: "", host: "rebind.example" } };
  expect((await request.get("/api/bench/baseline", rebound)).status()).toBe(421);
  // Harmless: a constant body, which a rebinding page could read from any copy of this app.
  expect((await request.get("/api/bench/floor", rebound)).status()).toBe(200);
  // The floor is that one path only, not its neighbours or a longer one (the catch-all's wrapper).
  expect((await request.get("/api/bench/floor/x", rebound)).status()).toBe(421);
  expect((await request.get("/api/bench/floorx", rebound)).status()).toBe(421);
});

test("the baseline page is public, rendered per request, with the dashboard's sections", async ({ page, browser, baseURL }) => {
  await loginViaForm(page, "session", bob);
  const dashboardSections = await page.getByRole("heading", { level: 2 }).allTextContents();
  const anonymous = await browser.newContext({ baseURL });
  const visitor = await anonymous.newPage();
  const response = await visitor.goto("/bench");
  expect(response?.status()).toBe(200);
  expect(visitor.url()).toBe(`${baseURL}/bench`);
  // Prerendered once, it would measure a static file, not the framework's per-request cost.
  expect(response?.headers()["cache-control"]).toContain("no-store");
  await expect(visitor.getByRole("heading", { level: 1, name: /\(sample\)/ })).toBeVisible();
  expect(await visitor.getByRole("heading", { level: 2 }).allTextContents()).toEqual(dashboardSections);
  await anonymous.close();
});

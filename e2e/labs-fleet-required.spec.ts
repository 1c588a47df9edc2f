import { expect } from "@playwright/test";
import { test } from "./throwaway.ts";
import { expectApiError } from "./fixtures.ts";
import { labPoster } from "./labs-fixtures.ts";

/**
 * The fleet-only labs on a single server (`npm start`, no FLEET_INSTANCES, no balancer): each
 * says how to start a fleet instead of running; the API refuses with 409 fleet_required.
 * e2e/fleet/ runs them for real.
 */

const FLEET_LABS = ["fleet", "sticky-sessions"] as const;

for (const lab of FLEET_LABS) {
  test(`${lab} page: names the command that starts a fleet, and offers no run`, async ({ page }) => {
    await page.goto(`/labs/${lab}`);
    const note = page.getByRole("note");
    await expect(note.getByRole("heading", { name: "This server runs alone: start a fleet to run this lab" })).toBeVisible();
    await expect(note.getByText(/REDIS_URL=redis:\/\/\S+ PORT=3000 npm run fleet$/)).toBeVisible();
    await expect(page.getByRole("button", { name: "Run the lab" })).toHaveCount(0);
  });

  test(`${lab} API: 409 fleet_required in the error envelope`, async ({ request, makeUser }) => {
    const response = await (await labPoster(request, await makeUser()))(lab);
    await expectApiError(response, 409, "fleet_required");
    expect((await response.json()).error.message).toContain("npm run fleet");
  });
}

test("fleet page: also names the downstream service's command", async ({ page }) => {
  await page.goto("/labs/fleet");
  await expect(page.getByRole("note").getByText(/JWKS_URL=\S+ npm run downstream$/)).toBeVisible();
});

test("sticky-sessions: on a single server its toy endpoints still answer, and are never pinned", async ({ request }) => {
  const login = await request.post("/api/labs/sticky/login", { data: { name: "alone" } });
  expect(login.status()).toBe(200);
  // No balancer in front: no SERVERID cookie, no X-Instance header.
  expect(login.headers()["set-cookie"]).not.toMatch(/SERVERID/);
  expect((await request.get("/api/labs/sticky/me/memory")).status()).toBe(200);
  await expectApiError(await request.get("/api/labs/sticky/me/nowhere"), 404, "not_found");
  await expectApiError(await request.post("/api/labs/sticky/login", { data: { name: "" } }), 400, "invalid_input");
});

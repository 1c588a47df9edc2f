import { expect } from "@playwright/test";
import { test } from "./throwaway.ts";
import { expectApiError } from "./fixtures.ts";
import { labPoster } from "./labs-fixtures.ts";

/**
 * The fleet lab on a single server (`npm start`, no FLEET_INSTANCES): it says how to start a
 * fleet instead of running; the API refuses with 409 fleet_required. e2e/fleet/ runs it for real.
 */

test("page: names the command that starts a fleet, and offers no run", async ({ page }) => {
  await page.goto("/labs/fleet");
  const note = page.getByRole("note");
  await expect(note.getByRole("heading", { name: "This server runs alone: start a fleet to run this lab" })).toBeVisible();
  await expect(note.getByText(/REDIS_URL=redis:\/\/\S+ PORT=3000 npm run fleet$/)).toBeVisible();
  await expect(note.getByText(/JWKS_URL=\S+ npm run downstream$/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Run the lab" })).toHaveCount(0);
});

test("API: 409 fleet_required in the error envelope", async ({ request, makeUser }) => {
  const response = await (await labPoster(request, await makeUser()))("fleet");
  await expectApiError(response, 409, "fleet_required");
  expect((await response.json()).error.message).toContain("npm run fleet");
});

import { spawn, type ChildProcess } from "node:child_process";
import { bob, loginViaForm } from "../fixtures.ts";
import { cookieHeader, expect, loginAt, postJson, test } from "./fleet-fixtures.ts";

/**
 * The fleet lab against the real fleet: it logs in on app-1 (and exchanges the credential for a
 * downstream token there), out on app-2, and replays on both and at the downstream service (started here on the balancer's port + 9, the DOWNSTREAM_URL
 * playwright.config.ts gives the fleet), which trusts only the balancer's JWKS.
 */

test.describe.configure({ mode: "serial" });

let downstream: ChildProcess;

test.beforeAll(async ({ baseURL }) => {
  const port = Number(new URL(baseURL!).port);
  // node itself (tsx as a loader), not npx: SIGTERM then reaches the service, not a wrapper.
  downstream = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/downstream.ts"], {
    env: { ...process.env, DOWNSTREAM_PORT: String(port + 9), JWKS_URL: `http://127.0.0.1:${port}/.well-known/jwks.json` },
    stdio: "ignore",
  });
  await expect(async () => expect((await fetch(`http://127.0.0.1:${port + 9}/healthz`)).status).toBe(200)).toPass({ timeout: 30_000 });
});

test.afterAll(() => {
  downstream?.kill("SIGTERM");
});

interface Column {
  steps: { request: { method: string; path: string }; response: { status: number; headers: Record<string, string> } | null }[];
  verdict: { outcome: string; tone: string; reasonCodes: string[] };
  measures: Record<string, unknown>;
}

test("API: logout on one instance is refused by every instance at once; downstream, only the exchanged ≤ 60 s token still works", async ({ baseURL, instances }) => {
  const origin = new URL(baseURL!).origin;
  const login = await loginAt(origin, "session", bob);
  const response = await postJson(`${origin}/api/labs/fleet`, {}, { ...cookieHeader("session", login.cookie), origin });
  const text = await response.text();
  expect(response.status, text).toBe(200);
  const result = JSON.parse(text) as { config: Record<string, unknown>; user: { deleted: boolean }; columns: Record<"session" | "jwt", Column> };
  expect(result.user.deleted).toBe(true);
  expect(String(result.config.FLEET_INSTANCES).split(",").map((url) => new URL(url).port)).toEqual(instances.map((url) => new URL(url).port));
  const { session, jwt } = result.columns;
  for (const column of [session, jwt]) {
    const ports = column.steps.map((step) => new URL(step.request.path).port);
    // Logged in (and exchanged) at app-1, out at app-2, replayed at both, then both copies at the downstream service.
    const [loggedIn, , , loggedOut] = ports;
    const downstream = String(Number(new URL(baseURL!).port) + 9);
    expect(ports).toEqual([loggedIn, loggedIn, loggedIn, loggedOut, loggedIn, loggedOut, downstream, downstream]);
    expect(loggedIn).not.toBe(loggedOut);
  }
  // A cookie is no Bearer token to the downstream; an access token names the app alone.
  expect(session.verdict).toMatchObject({ outcome: "downstream_token_outlives_logout", tone: "bounded", reasonCodes: ["session_unknown", "session_unknown", "no_credential", "accepted"] });
  expect(jwt.verdict).toMatchObject({ outcome: "downstream_token_outlives_logout", tone: "bounded", reasonCodes: ["token_revoked", "token_revoked", "token_wrong_aud", "accepted"] });
  expect(jwt.measures.instancesRefusingAfterLogout).toBe(2);
  for (const column of [session, jwt]) {
    expect(column.measures.acceptedDownstreamAfterLogout).toBe(false);
    expect(column.measures.downstreamRevocationLagSeconds).toBeGreaterThan(0);
    expect(column.measures.downstreamRevocationLagSeconds).toBeLessThanOrEqual(60);
  }
});

test("page: run through the balancer, the result is found whichever instance serves it", async ({ page }) => {
  await loginViaForm(page, "session", bob);
  await page.goto("/labs/fleet");
  await page.getByRole("button", { name: "Run the lab" }).click();
  await expect(page).toHaveURL(/\/labs\/fleet\?run=[\w-]+$/);
  await expect(page.getByRole("region", { name: "Session mode" }).getByText(/^Bounded: Every instance \(2\) refused the copied cookie.*downstream token.*still worked there/)).toBeVisible();
  await expect(page.getByRole("region", { name: "JWT mode" }).getByText(/^Bounded: Every instance \(2\) refused the copied token.*outright \(token_wrong_aud\).*downstream token.*still worked there/)).toBeVisible();
});

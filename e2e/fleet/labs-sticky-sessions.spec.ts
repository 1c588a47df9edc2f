import { alice, loginViaForm } from "../fixtures.ts";
import { cookieHeader, expect, loginAt, postJson, test } from "./fleet-fixtures.ts";

/**
 * The sticky-sessions lab against the real fleet: HAProxy pins only /api/labs/sticky/* by its
 * SERVERID cookie, the lab crashes the pinned instance for that backend alone, and the
 * verdicts say who lost the user. Alice runs these (Bob's lab budget is the fleet lab's).
 */

test.describe.configure({ mode: "serial" });

interface Step {
  label: string;
  decisive?: boolean;
  request: { method: string; path: string };
  response: { status: number; headers: Record<string, string> } | null;
}
interface Column {
  steps: Step[];
  verdict: { outcome: string; tone: string; reasonCodes: string[]; headline: string };
  measures: Record<string, unknown>;
}

async function instancesAnswering(url: string, headers: Record<string, string> = {}): Promise<string[]> {
  const names = [];
  for (let turn = 0; turn < 4; turn++) names.push((await fetch(url, { headers })).headers.get("x-instance") ?? "none");
  return names;
}

test("balancer: the lab's prefix is pinned by SERVERID, the app's own traffic stays round robin", async ({ baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const login = await postJson(`${origin}/api/labs/sticky/login`, { name: "pin-check" });
  expect(login.status).toBe(200);
  const pin = login.headers.getSetCookie().find((line) => line.startsWith("SERVERID="));
  expect(pin).toMatch(/^SERVERID=app-[12]; .*path=\/api\/labs\/sticky/i);
  const toy = login.headers.getSetCookie().find((line) => line.startsWith("svj_lab_toy_session="))!.split(";")[0]!;
  const cookie = `${pin!.split(";")[0]}; ${toy}`;
  const holder = login.headers.get("x-instance");
  expect(await instancesAnswering(`${origin}/api/labs/sticky/me/memory`, { cookie })).toEqual([holder, holder, holder, holder]);
  // The same cookie on the app's own paths changes nothing: both instances take turns.
  expect(new Set(await instancesAnswering(`${origin}/api/health`, { cookie }))).toEqual(new Set(["app-1", "app-2"]));
});

test("API: the crash logs out the in-memory user; the database session and the JWT are served by the other instance", async ({ baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const login = await loginAt(origin, "session", alice);
  const response = await postJson(`${origin}/api/labs/sticky-sessions`, {}, { ...cookieHeader("session", login.cookie), origin });
  const text = await response.text();
  expect(response.status, text).toBe(200);
  const result = JSON.parse(text) as { config: Record<string, unknown>; user: { deleted: boolean }; columns: Record<"session" | "jwt", Column> };
  expect(result.user.deleted).toBe(true);
  const { session, jwt } = result.columns;
  const holder = String(session.measures.holder);
  const other = holder === "app-1" ? "app-2" : "app-1";
  expect(holder).toMatch(/^app-[12]$/);
  expect(result.config).toMatchObject({ holder, balancerFailedOver: true });

  expect(session.verdict).toMatchObject({ outcome: "sticky_logged_out_shared_kept", tone: "safe", reasonCodes: ["toy_session_unknown", "accepted"] });
  expect(session.measures).toMatchObject({ failedOverTo: other, pinnedRequests: 4, unpinnedRequests: 0, stickyUserLoggedOut: true, sharedStoreUserKept: true });
  expect(jwt.verdict).toMatchObject({ outcome: "stateless_kept", tone: "safe", reasonCodes: ["accepted"] });
  expect(jwt.measures).toMatchObject({ holder, failedOverTo: other, pinnedRequests: 2 });

  // The transcript itself: who answered each pinned request, as the balancer named it.
  for (const column of [session, jwt]) {
    const pinned = column.steps.filter((step) => step.request.path.startsWith("/api/labs/sticky/me/"));
    const answeredBy = pinned.map((step) => step.response?.headers["x-instance"]);
    const decisive = pinned.filter((step) => step.decisive).length;
    expect(answeredBy).toEqual([...Array(pinned.length - decisive).fill(holder), ...Array(decisive).fill(other)]);
  }
  const memoryAfter = session.steps.find((step) => step.decisive && step.request.path.endsWith("/me/memory"));
  expect(memoryAfter?.response?.status).toBe(401);
});

test("page: runs again through the balancer (the crash was undone), without JavaScript", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  await loginViaForm(page, "session", alice);
  await page.goto("/labs/sticky-sessions");
  await page.getByRole("button", { name: "Run the lab" }).click();
  await expect(page).toHaveURL(/\/labs\/sticky-sessions\?run=[\w-]+$/);
  const sessionColumn = page.getByRole("region", { name: "Session mode" });
  await expect(sessionColumn.getByText(/^Held: After app-[12] crashed, the balancer sent the pinned user to app-[12]: it had never seen the in-memory session \(toy_session_unknown\), a forced logout/)).toBeVisible();
  await expect(page.getByRole("region", { name: "JWT mode" }).getByText(/^Held: After app-[12] crashed, app-[12] verified the token on its own/)).toBeVisible();
  await context.close();
});

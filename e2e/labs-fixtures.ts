import { expect, type APIRequestContext, type APIResponse, type Locator, type Page } from "@playwright/test";
import { loginViaApi, loginViaForm, type DemoUser, type Mode } from "./fixtures.ts";

/** Running a lab through its page or its API, and reading its transcript (lib/labs/types.ts). */

export const LAB_IDS = ["stolen-credential", "tampering", "stale-claims", "database-outage", "fleet", "key-rotation", "sticky-sessions"] as const;
export type LabId = (typeof LAB_IDS)[number];

export interface Step {
  label: string;
  request: { method: string; path: string; headers: Record<string, string>; body?: unknown };
  response: { status: number; headers: Record<string, string>; body: { error?: { code: string }; user?: { role: string }; token?: Record<string, unknown> } | null } | null;
  decisive?: boolean;
}

export interface Column {
  mode: Mode;
  steps: Step[];
  verdict: { outcome: string; tone: string; headline: string; reasonCodes: string[] };
  measures: Record<string, number | boolean | string | null>;
}

export interface LabResult {
  lab: LabId;
  runId: string;
  finishedAt: string;
  user: { email: string; deleted: boolean };
  config: Record<string, string | number | boolean>;
  columns: Record<Mode, Column>;
  notes: string[];
}

/**
 * Starting a lab takes a logged-in user and a same-origin request: logs `user` in through the
 * API (the context's cookie jar keeps the session) and returns a poster that sends Origin.
 */
export async function labPoster(request: APIRequestContext, user: DemoUser): Promise<(lab: string) => Promise<APIResponse>> {
  const { response } = await loginViaApi(request, "session", user);
  const origin = new URL(response.url()).origin;
  return (lab) => request.post(`/api/labs/${lab}`, { headers: { origin } });
}

export async function runLabViaApi(request: APIRequestContext, lab: LabId, user: DemoUser): Promise<LabResult> {
  const response = await (await labPoster(request, user))(lab);
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as LabResult;
}

/** Logs in, clicks "Run the lab" and waits for the result page of that run; returns each mode's column. */
export async function runLabViaPage(page: Page, lab: LabId, user: DemoUser): Promise<Record<Mode, Locator>> {
  await loginViaForm(page, "session", user);
  await page.goto(`/labs/${lab}`);
  await page.getByRole("button", { name: "Run the lab" }).click();
  // The form answers when the run is over: a run is a series of real requests, and the
  // database-outage lab's on PostgreSQL waits out the pool's connection timeouts (~15 s).
  await expect(page).toHaveURL(new RegExp(`/labs/${lab}\\?run=[\\w-]+$`), { timeout: 45_000 });
  await expect(page.getByRole("heading", { name: "Result" })).toBeVisible();
  // Not exact: each name matches both the mode's verdict card ("Session mode verdict") and its
  // log ("Session mode: requests and responses"), so a column means both.
  return {
    session: page.getByRole("region", { name: "Session mode" }),
    jwt: page.getByRole("region", { name: "JWT mode" }),
  };
}

/** The column's verdict line and each reason code, as shown. */
export async function expectVerdictShown(column: Locator, verdict: RegExp, codes: string[]): Promise<void> {
  await expect(column.getByText(verdict)).toBeVisible();
  const shown = column.getByRole("list", { name: "Reason codes" }).getByRole("listitem");
  await expect(shown).toHaveText(codes);
}

/** The steps that went to `path`, in order. */
export function stepsTo(column: Column, path: string): Step[] {
  return column.steps.filter((step) => step.request.path === path);
}

export function codeOf(step: Step | undefined): string | undefined {
  return step?.response?.body?.error?.code;
}

/** Every credential in a transcript is shortened; none appears in full. */
export function expectCredentialsShortened(result: LabResult): void {
  for (const column of Object.values(result.columns)) {
    for (const step of column.steps) {
      for (const name of ["cookie", "authorization"]) {
        const value = step.request.headers[name];
        if (value !== undefined) expect(value, `${step.label}: ${name}`).toMatch(/…\(\d+ bytes\)$/);
      }
      expect(JSON.stringify(step)).not.toMatch(/eyJ[\w-]{20,}\.[\w-]{20,}\.[\w-]{20,}/);
    }
  }
}

/** The run's throwaway user is gone from the server's database (playwright.config.ts made it). */
export async function expectThrowawayUserDeleted(result: LabResult): Promise<void> {
  expect(result.user.email).toMatch(/^lab-[\w-]+@labs\.invalid$/);
  expect(result.user.deleted).toBe(true);
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set: run through playwright.config.ts or `npm run test:e2e`");
  process.env.DATABASE_URL = url;
  const { getDb } = await import("../lib/db.ts");
  expect(await getDb().user.count({ where: { email: result.user.email } })).toBe(0);
}

export async function disconnectDatabase(): Promise<void> {
  if (!process.env.DATABASE_URL) return;
  const { getDb } = await import("../lib/db.ts");
  await getDb().$disconnect();
}

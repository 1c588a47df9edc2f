import { expect, type APIRequestContext, type APIResponse, type Browser, type BrowserContext, type Cookie, type Locator, type Page } from "@playwright/test";

/** Shared by every e2e spec: who logs in, how, and where each mode keeps its credential. */

export const MODES = ["session", "jwt"] as const;

/**
 * The SESSION_CACHE the e2e server runs: what it was told, else the app's default for its
 * database (lib/env.ts defaultSessionCache, not importable here: it is server-only) — push on
 * SQLite or with REDIS_URL, off on PostgreSQL without it. CI runs the suite on both, so the tests
 * that read it cover both configurations.
 */
export const serverSessionCache: "off" | "push" | "cookie" = (() => {
  const told = process.env.SESSION_CACHE;
  if (told === "off" || told === "push" || told === "cookie") return told;
  return /^postgres(ql)?:/.test(process.env.E2E_DATABASE_URL ?? "") && !process.env.REDIS_URL ? "off" : "push";
})();
export type Mode = (typeof MODES)[number];

export interface DemoUser {
  email: string;
  password: string;
  name: string;
  role: "admin" | "user";
}

/** Seeded by prisma/seed.ts on every start. */
export const alice: DemoUser = { email: "alice@example.com", password: "alice-password", name: "Alice Admin", role: "admin" };
export const bob: DemoUser = { email: "bob@example.com", password: "bob-password", name: "Bob User", role: "user" };

/** The e2e server is the production build, so the names carry `__Host-` (lib/auth/cookies.ts). */
export function cookieName(mode: Mode): string {
  return `__Host-svj-${mode}`;
}

export function dashboardHeading(page: Page, user: DemoUser): Locator {
  return page.getByRole("heading", { name: `Signed in as ${user.name}` });
}

/** Fills and submits whatever login form is on the page; the caller asserts where it lands. */
export async function submitLoginForm(page: Page, user: Pick<DemoUser, "email" | "password">): Promise<void> {
  await page.getByLabel("E-mail").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Log in" }).click();
}

/** Logs in through the real form and waits for that mode's dashboard to show the user. */
export async function loginViaForm(page: Page, mode: Mode, user: DemoUser): Promise<void> {
  await page.goto(`/${mode}/login`);
  await submitLoginForm(page, user);
  await expect(page).toHaveURL(`/${mode}/dashboard`);
  await expect(dashboardHeading(page, user)).toBeVisible();
}

export async function authCookie(context: BrowserContext, mode: Mode): Promise<Cookie | undefined> {
  return (await context.cookies()).find((cookie) => cookie.name === cookieName(mode));
}

/** JWT mode's second cookie; production names it `__Secure-` (lib/auth/cookies.ts). */
export async function refreshCookie(context: BrowserContext): Promise<Cookie | undefined> {
  return (await context.cookies()).find((cookie) => cookie.name === "__Secure-svj-jwt-refresh");
}

export async function authCookieValue(context: BrowserContext, mode: Mode): Promise<string> {
  const cookie = await authCookie(context, mode);
  expect(cookie, `expected a ${cookieName(mode)} cookie`).toBeDefined();
  return cookie!.value;
}

/** Puts a credential into a browser as if the server had set it (host-only, Secure, Path=/). */
export async function plantAuthCookie(context: BrowserContext, baseURL: string, mode: Mode, value: string): Promise<void> {
  const { hostname } = new URL(baseURL);
  await context.addCookies([
    { name: cookieName(mode), value, domain: hostname, path: "/", secure: true, httpOnly: true, sameSite: "Lax" },
  ]);
}

/** Where an anonymous or refused visit to a mode's dashboard ends up. */
export function loginRedirect(mode: Mode): string {
  return `/${mode}/login?next=${encodeURIComponent(`/${mode}/dashboard`)}`;
}

/** A second browser (the thief's) holding only this credential, opened on the dashboard. */
export async function openDashboardHolding(browser: Browser, baseURL: string, mode: Mode, credential: string): Promise<Page> {
  const context = await browser.newContext();
  await plantAuthCookie(context, baseURL, mode, credential);
  const page = await context.newPage();
  await page.goto(`/${mode}/dashboard`);
  return page;
}

/** The JSON login answer, as far as the specs read it. */
export interface ApiLoginBody {
  accessToken?: string;
  refreshToken?: string;
  user: { id: string };
}

/** JSON API login; the context's cookie jar keeps whatever cookie it set. */
export async function loginViaApi(
  request: APIRequestContext,
  mode: Mode,
  user: DemoUser,
): Promise<{ response: APIResponse; body: ApiLoginBody; cookie: string }> {
  const response = await request.post(`/api/${mode}/login`, { data: { email: user.email, password: user.password } });
  expect(response.status()).toBe(200);
  const body = (await response.json()) as ApiLoginBody;
  return { response, body, cookie: setCookieValue(response, mode) };
}

/** The value of this mode's cookie in a response's Set-Cookie headers. */
export function setCookieValue(response: APIResponse, mode: Mode): string {
  const header = setCookieHeader(response, mode);
  expect(header, `expected Set-Cookie for ${cookieName(mode)}`).toBeDefined();
  return header!.slice(cookieName(mode).length + 1).split(";")[0]!;
}

export function setCookieHeader(response: APIResponse, mode: Mode): string | undefined {
  return response
    .headersArray()
    .filter((header) => header.name.toLowerCase() === "set-cookie")
    .map((header) => header.value)
    .find((value) => value.startsWith(`${cookieName(mode)}=`));
}

/**
 * The cookies a jar holds besides the login throttle's device cookie, which outlives every
 * logout on purpose: it is how this browser keeps its own login budget (lib/auth/methods/password/trusted-browser.ts).
 */
export async function cookiesBesidesDevice(jar: { storageState(): Promise<{ cookies: { name: string }[] }> }): Promise<{ name: string }[]> {
  return (await jar.storageState()).cookies.filter((cookie) => !/^(__Host-)?svj-device$/.test(cookie.name));
}

/** /api/<mode>/me with an explicit credential and nothing from any cookie jar. */
export function meWith(request: APIRequestContext, mode: Mode, credential: { cookie?: string; bearer?: string }): Promise<APIResponse> {
  const headers: Record<string, string> = {};
  if (credential.cookie !== undefined) headers.cookie = `${cookieName(mode)}=${credential.cookie}`;
  if (credential.bearer !== undefined) headers.authorization = `Bearer ${credential.bearer}`;
  return request.get(`/api/${mode}/me`, { headers });
}

/** Error responses: the documented shape, a stable code, and nothing from a stack trace. */
export async function expectApiError(response: APIResponse, status: number, code: string | ReturnType<typeof expect.any>): Promise<void> {
  const text = await response.text();
  expect(response.status(), text).toBe(status);
  expect(JSON.parse(text)).toMatchObject({ error: { code, message: expect.any(String) } });
  expect(text).not.toMatch(/\bat \S+ \(|\bat [\w/.-]+:\d+|Error:|node_modules|\.tsx?\b/);
}

// --- Tampering -------------------------------------------------------------------------------

const base64url = {
  decode: (part: string): unknown => JSON.parse(Buffer.from(part, "base64url").toString("utf8")),
  encode: (value: unknown): string => Buffer.from(JSON.stringify(value)).toString("base64url"),
};

export interface DecodedJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  signature: string;
}

/** Reads a JWS without any key: exactly what anyone holding the token can do. */
export function decodeJwt(token: string): DecodedJwt {
  const [header = "", payload = "", signature = ""] = token.split(".");
  return { header: base64url.decode(header) as DecodedJwt["header"], payload: base64url.decode(payload) as DecodedJwt["payload"], signature };
}

/** Re-encodes edited header/payload and keeps the original signature unless told otherwise. */
export function forgeJwt(
  token: string,
  edit: { header?: Record<string, unknown>; payload?: Record<string, unknown>; signature?: string },
): string {
  const decoded = decodeJwt(token);
  const header = base64url.encode({ ...decoded.header, ...edit.header });
  const payload = base64url.encode({ ...decoded.payload, ...edit.payload });
  return `${header}.${payload}.${edit.signature ?? decoded.signature}`;
}

/** Changes one base64url character of an iron seal's ciphertext, keeping its shape. */
export function tamperSeal(seal: string): string {
  const parts = seal.split("*");
  const encrypted = parts[4] ?? "";
  expect(encrypted.length, "an iron seal has a ciphertext part").toBeGreaterThan(8);
  const middle = Math.floor(encrypted.length / 2);
  const swapped = encrypted[middle] === "A" ? "B" : "A";
  parts[4] = encrypted.slice(0, middle) + swapped + encrypted.slice(middle + 1);
  return parts.join("*");
}

/** `npm run downstream`, which playwright.config.ts starts beside the app on the port after the app's. */
export function downstreamOrigin(baseURL: string): string {
  return `http://127.0.0.1:${Number(new URL(baseURL).port) + 1}`;
}

import { expect, type APIResponse } from "@playwright/test";
import { test } from "./throwaway.ts";
import { expectApiError, loginViaApi, loginViaForm } from "./fixtures.ts";
import {
  codeOf,
  disconnectDatabase,
  expectCredentialsShortened,
  expectThrowawayUserDeleted,
  expectVerdictShown,
  labPoster,
  runLabViaApi,
  runLabViaPage,
  stepsTo,
  type LabResult,
} from "./labs-fixtures.ts";

/**
 * The labs, through their pages and their API. The e2e server runs with the documented
 * defaults (.env.example): JWT_REVOCATION_CHECK=denylist, JWT_REVOCATION_FAIL=closed. Every
 * verdict asserted here is one the server computed from the answers it observed; the API
 * tests also check those answers are in the transcript with the same codes.
 */

test.afterAll(disconnectDatabase);

test.describe("stolen cookie after logout", () => {
  test("page: each copy dies at logout here; downstream, only the exchanged ≤ 60 s token still works", async ({ page, makeUser }) => {
    const columns = await runLabViaPage(page, "stolen-credential", await makeUser());
    await expectVerdictShown(
      columns.session,
      /^Bounded:.*refused the copied cookie on the very next request after logout \(session_unknown\).*downstream token still worked there after logout — for another \d+ s, until exp, a \d+ s token/,
      ["session_unknown", "session_store_required", "accepted"],
    );
    await expectVerdictShown(
      columns.jwt,
      /^Bounded:.*refused the copied token on the very next request after logout \(token_revoked\); the downstream service refused it outright \(token_wrong_aud\).*downstream token still worked there/,
      ["token_revoked", "token_wrong_aud", "accepted"],
    );
    await expect(columns.session.getByText("GET /api/downstream/session → 501")).toBeVisible();
    await expect(columns.jwt.getByText("GET /api/downstream/jwt → 401")).toBeVisible();
    await expect(columns.jwt.getByText("GET /api/downstream/jwt → 200")).toBeVisible();
  });

  test("API: the verdicts rest on the replays' real answers, and the lag downstream is the exchanged token's ≤ 60 s", async ({ request, makeUser }) => {
    const result = await runLabViaApi(request, "stolen-credential", await makeUser());
    const { session, jwt } = result.columns;
    const [sessionBefore, sessionReplay] = stepsTo(session, "/api/session/me");
    expect(sessionBefore?.response?.status).toBe(200);
    expect(sessionReplay?.response?.status).toBe(401);
    expect(codeOf(sessionReplay)).toBe("session_unknown");
    expect(stepsTo(session, "/api/session/token")[0]?.response?.status).toBe(200);
    expect(stepsTo(session, "/api/session/logout")[0]?.response?.status).toBe(204);
    expect(stepsTo(session, "/api/downstream/session")[0]?.response?.status).toBe(501);
    expect(stepsTo(session, "/api/downstream/jwt")[0]?.response?.status).toBe(200);
    expect(session.verdict).toMatchObject({ outcome: "downstream_token_outlives_logout", tone: "bounded", reasonCodes: ["session_unknown", "session_store_required", "accepted"] });
    expect(session.measures.revocationLagSeconds).toBe(0);

    const [jwtBefore, jwtReplay] = stepsTo(jwt, "/api/jwt/me");
    expect(jwtBefore?.response?.status).toBe(200);
    expect(result.config.JWT_REVOCATION_CHECK).toBe("denylist");
    expect(jwtReplay?.response?.status).toBe(401);
    expect(codeOf(jwtReplay)).toBe("token_revoked");
    const [copiedAccessToken, copiedDownstreamToken] = stepsTo(jwt, "/api/downstream/jwt");
    expect(codeOf(copiedAccessToken)).toBe("token_wrong_aud");
    expect(copiedDownstreamToken?.response?.status).toBe(200);
    // The other direction: the downstream token is no key to this app.
    expect(codeOf(stepsTo(jwt, "/api/jwt/me")[2])).toBe("token_wrong_aud");
    expect(jwt.verdict).toMatchObject({ outcome: "downstream_token_outlives_logout", reasonCodes: ["token_revoked", "token_wrong_aud", "accepted"] });
    expect(jwt.measures.revocationLagSeconds).toBe(0);
    expect(jwt.measures.acceptedDownstreamAfterLogout).toBe(false);
    for (const column of [session, jwt]) {
      expect(column.measures.downstreamTokenLifetimeSeconds).toBeLessThanOrEqual(60);
      expect(column.measures.downstreamRevocationLagSeconds).toBeGreaterThan(0);
      expect(column.measures.downstreamRevocationLagSeconds).toBeLessThanOrEqual(60);
    }
    expectCredentialsShortened(result);
    await expectThrowawayUserDeleted(result);
  });
});

test.describe("tampering", () => {
  const sessionCodes = ["seal_invalid", "seal_invalid", "session_unknown"];
  const jwtCodes = ["token_bad_signature", "token_alg_not_allowed", "token_expired", "token_bad_signature"];

  test("page: every forgery refused, each with its code", async ({ page, makeUser }) => {
    const columns = await runLabViaPage(page, "tampering", await makeUser());
    await expectVerdictShown(columns.session, /^Held: All 3 forgeries were refused \(each with its own code\)/, sessionCodes);
    await expectVerdictShown(columns.jwt, /^Held: All 4 forgeries were refused \(each with its own code\)/, jwtCodes);
  });

  test("page: works without JavaScript", async ({ browser, makeUser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const columns = await runLabViaPage(await context.newPage(), "tampering", await makeUser());
    await expectVerdictShown(columns.jwt, /^Held: All 4 forgeries were refused/, jwtCodes);
    await context.close();
  });

  test("API: each forgery is a real 401 from /me; the control a real 200", async ({ request, makeUser }) => {
    const result = await runLabViaApi(request, "tampering", await makeUser());
    for (const [mode, codes] of [["session", sessionCodes], ["jwt", jwtCodes]] as const) {
      const [control, ...forged] = stepsTo(result.columns[mode], `/api/${mode}/me`);
      expect(control?.response?.status).toBe(200);
      expect(forged.map((step) => step.response?.status)).toEqual(codes.map(() => 401));
      expect(forged.map(codeOf)).toEqual(codes);
      expect(result.columns[mode].verdict).toMatchObject({ outcome: "all_refused", reasonCodes: codes });
    }
    expectCredentialsShortened(result);
    await expectThrowawayUserDeleted(result);
  });
});

test.describe("stale claims", () => {
  test("page: the session is demoted at once; the JWT is refused as stale until a refresh", async ({ page, makeUser }) => {
    const columns = await runLabViaPage(page, "stale-claims", await makeUser());
    await expectVerdictShown(columns.session, /^Held: The very next request after the demotion acted as role user/, ["role=admin", "role=user"]);
    // The default revocation check compares the token version the demotion bumped.
    const jwtCodes = ["role=admin", "token_stale", "accepted", "role=user", "token_stale"];
    await expectVerdictShown(columns.jwt, /^Held: The old token was refused on the very next request \(token_stale/, jwtCodes);
    await expect(columns.jwt.getByText(/demoted to role user in the database/)).toBeVisible();
  });

  test("API: the roles are the ones /me and the refresh really answered", async ({ request, makeUser }) => {
    const result = await runLabViaApi(request, "stale-claims", await makeUser());
    const sessionRoles = stepsTo(result.columns.session, "/api/session/me").map((step) => step.response?.body?.user?.role);
    expect(sessionRoles).toEqual(["admin", "user"]);
    const jwtRoles = stepsTo(result.columns.jwt, "/api/jwt/me").map((step) => step.response?.body?.user?.role);
    expect(jwtRoles).toEqual(["admin", undefined, "user", undefined]);
    expect(stepsTo(result.columns.jwt, "/api/jwt/me").map(codeOf)).toEqual([undefined, "token_stale", undefined, "token_stale"]);
    expect(stepsTo(result.columns.jwt, "/api/jwt/refresh")[0]?.response?.status).toBe(200);
    expect(result.columns.jwt.verdict.outcome).toBe("refused_until_refresh");
    expect(result.columns.session.verdict.outcome).toBe("fresh_on_next_request");
    expectCredentialsShortened(result);
    await expectThrowawayUserDeleted(result);
  });
});

/**
 * The outage reaches only the lab's own requests now; these still run alone, after every
 * other test (the "outage" project in playwright.config.ts), because of the pause between outages.
 */
test.describe("database outage", { tag: "@outage" }, () => {
  // Fail-open is a labelled choice (JWT_REVOCATION_FAIL=open, see the verdict's unit tests);
  // under the default both modes refuse what they cannot check.
  test("page: both modes fail closed by default, and the page says why", async ({ page, makeUser }) => {
    const columns = await runLabViaPage(page, "database-outage", await makeUser());
    await expectVerdictShown(columns.session, /^Degraded: Down while the database was down \(503 session_store_unavailable\)/, ["session_store_unavailable", "accepted"]);
    await expectVerdictShown(columns.jwt, /^Degraded: Down while the database was down \(503 revocation_check_unavailable\)/, ["revocation_check_unavailable", "accepted"]);
    await expect(page.getByText(/JWT_REVOCATION_FAIL=closed \(the default\)/).first()).toBeVisible();
  });

  test("API: the answers during and after the outage, then a refusal to break it again at once", async ({ request, page, makeUser }) => {
    let response: APIResponse | undefined;
    const user = await makeUser();
    const post = await labPoster(request, user);
    // The page test's outage may be a few seconds old: wait out the pause between outages.
    await expect.poll(async () => (response = await post("database-outage")).status(), { timeout: 30_000, intervals: [1_000] }).toBe(200);
    const result = (await response!.json()) as LabResult;
    const [, sessionDuring, sessionAfter] = stepsTo(result.columns.session, "/api/session/me");
    expect(sessionDuring?.response?.status).toBe(503);
    expect(codeOf(sessionDuring)).toBe("session_store_unavailable");
    expect(sessionAfter?.response?.status).toBe(200);
    const [, jwtDuring, jwtAfter] = stepsTo(result.columns.jwt, "/api/jwt/me");
    expect(jwtDuring?.response?.status).toBe(503);
    expect(codeOf(jwtDuring)).toBe("revocation_check_unavailable");
    expect(jwtAfter?.response?.status).toBe(200);
    expect(result.columns.session.verdict.outcome).toBe("fails_closed");
    expect(result.columns.jwt.verdict.outcome).toBe("fails_closed");
    expect(result.columns.jwt.measures.outageMs).toBeLessThan(5_000);
    // The server's events for the lab's own requests are kept with the result, not printed.
    const logged = result.notes.find((note) => note.startsWith("During the outage the server logged"));
    expect(logged).toContain("session_store_unreachable");
    expect(logged).toContain("revocation_unreadable");
    await expectThrowawayUserDeleted(result);

    const again = await post("database-outage");
    expect(again.status()).toBe(429);
    expect(await again.json()).toMatchObject({ error: { code: "outage_cooling_down" } });
    expect(Number(again.headers()["retry-after"])).toBeGreaterThan(0);
    await loginViaForm(page, "session", user);
    await page.goto("/labs/database-outage");
    await page.getByRole("button", { name: "Run the lab" }).click();
    await expect(page.getByRole("alert").filter({ hasText: /taken down moments ago\. The next outage is allowed in \d+ s/ })).toBeVisible();
  });
});

test.describe("who may start a lab", () => {
  test("anonymous, or logged in from another site (or no Origin at all), is refused", async ({ request, makeUser }) => {
    await expectApiError(await request.post("/api/labs/database-outage"), 403, "cross_site_request");
    const response = await request.post("/api/labs/tampering", { data: {} });
    expect([401, 403]).toContain(response.status());
    const origin = new URL((await request.get("/api/labs/instance")).url()).origin;
    await expectApiError(await request.post("/api/labs/database-outage", { headers: { origin } }), 401, "login_required");
    await loginViaApi(request, "session", await makeUser());
    await expectApiError(await request.post("/api/labs/database-outage", { headers: { origin: "https://evil.example" } }), 403, "cross_site_request");
  });

  test("the lab page asks an anonymous visitor to log in", async ({ page }) => {
    await page.goto("/labs/tampering");
    await page.getByRole("button", { name: "Run the lab" }).click();
    await expect(page.getByRole("alert").filter({ hasText: /Log in first/ })).toBeVisible();
  });
});

test.describe("the outage is the lab's alone", { tag: "@outage" }, () => {
  test("while a lab outage runs, a normal user's session request still answers 200", async ({ request, playwright, baseURL, makeUser }) => {
    const bystander = await playwright.request.newContext({ baseURL });
    await loginViaApi(bystander, "session", await makeUser());
    const post = await labPoster(request, await makeUser());
    let finished = false;
    const answers: number[] = [];
    const run = (async () => {
      // Wait out the pause another outage test may have left, like the test above.
      await expect.poll(async () => (await post("database-outage")).status(), { timeout: 30_000, intervals: [1_000] }).toBe(200);
      finished = true;
    })();
    while (!finished) answers.push((await bystander.get("/api/session/me")).status());
    await run;
    answers.push((await bystander.get("/api/session/me")).status());
    expect(answers.length).toBeGreaterThan(1);
    expect(new Set(answers)).toEqual(new Set([200]));
    await bystander.dispose();
  });
});

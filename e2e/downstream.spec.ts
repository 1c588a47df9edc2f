import { expect, test } from "@playwright/test";
import { bob, expectApiError, forgeJwt, loginViaApi, meWith, tamperSeal } from "./fixtures.ts";

/**
 * The two "downstream service" stand-ins the stolen-credential lab replays against: one
 * holds only the JWT verification key, the other has no session store and says so.
 */

test.describe("GET /api/downstream/jwt", () => {
  test("accepts a genuine token on signature and exp, and says what it did not check", async ({ request }) => {
    const { body } = await loginViaApi(request, "jwt", bob);
    const response = await request.get("/api/downstream/jwt", { headers: { authorization: `Bearer ${body.accessToken}` } });
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({
      accepted: true,
      user: { id: body.user.id, role: "user" },
      token: { secondsLeft: expect.any(Number) },
      notChecked: expect.arrayContaining(["logout (the denylist)"]),
    });
  });

  test("still accepts it after logout, where this app no longer does", async ({ request }) => {
    const { body } = await loginViaApi(request, "jwt", bob);
    const bearer = { authorization: `Bearer ${body.accessToken}` };
    expect((await request.post("/api/jwt/logout", { headers: bearer })).status()).toBe(204);
    await expectApiError(await meWith(request, "jwt", { bearer: body.accessToken! }), 401, "token_revoked");
    expect((await request.get("/api/downstream/jwt", { headers: bearer })).status()).toBe(200);
  });

  test("refuses a forged token and a missing one", async ({ request }) => {
    const { body } = await loginViaApi(request, "jwt", bob);
    const forged = forgeJwt(body.accessToken!, { payload: { role: "admin" } });
    await expectApiError(await request.get("/api/downstream/jwt", { headers: { authorization: `Bearer ${forged}` } }), 401, "token_bad_signature");
    await expectApiError(await request.get("/api/downstream/jwt"), 401, "no_credential");
  });
});

test.describe("GET /api/downstream/session", () => {
  test("cannot decide a session: 501, whether or not the seal is intact", async ({ request, playwright, baseURL }) => {
    const { cookie } = await loginViaApi(request, "session", bob);
    const cookieless = await playwright.request.newContext({ baseURL });
    for (const [seal, intact] of [[cookie, true], [tamperSeal(cookie), false]] as const) {
      const response = await cookieless.get("/api/downstream/session", { headers: { cookie: `__Host-svj-session=${seal}` } });
      await expectApiError(response, 501, "session_store_required");
      expect(await response.json()).toMatchObject({ error: { details: { sealIntact: intact, decided: false } } });
    }
    await expectApiError(await cookieless.get("/api/downstream/session"), 401, "no_credential");
    await cookieless.dispose();
  });
});

test.describe("POST /api/labs/<lab>", () => {
  test("an unknown lab is 404", async ({ request }) => {
    await expectApiError(await request.post("/api/labs/no-such-lab"), 404, "not_found");
  });

  test("another site cannot make a visitor's browser start a lab", async ({ request }) => {
    await expectApiError(await request.post("/api/labs/tampering", { headers: { origin: "https://evil.example" } }), 403, "cross_site_request");
  });

  test("a forwarded host cannot point the lab's requests elsewhere: they go to this server over loopback", async ({ request }) => {
    // Starting a lab takes a logged-in user and a same-origin request.
    const { response: login } = await loginViaApi(request, "session", bob);
    const origin = new URL(login.url()).origin;
    const response = await request.post("/api/labs/tampering", { headers: { origin, "x-forwarded-host": "attacker.example:9" } });
    expect(response.status()).toBe(200);
    const result = (await response.json()) as { origin: string };
    expect(result.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(JSON.stringify(result)).not.toContain("attacker.example");
  });
});

import { randomUUID } from "node:crypto";
import { expect, type APIRequestContext } from "@playwright/test";
import { appSigningKey, signWith } from "./app-keys.ts";
import { alice, bob, cookieName, decodeJwt, downstreamOrigin, expectApiError, forgeJwt, loginViaApi, meWith, tamperSeal } from "./fixtures.ts";
import { test } from "./throwaway.ts";

/**
 * The downstream service — the real one (`npm run downstream`, which playwright.config.ts starts
 * on the port after the app's, trusting only the app's JWKS) and the two in-app stand-ins the
 * stolen-credential lab replays against — and the token exchange that feeds them. One
 * verification policy for both recipients (issue 18 item 4), one audience each (item 5).
 */

const APP_AUDIENCE = "session-vs-jwt:web";
const DOWNSTREAM_AUDIENCE = "session-vs-jwt:downstream";

async function whoami(baseURL: string, token: string) {
  const response = await fetch(`${downstreamOrigin(baseURL)}/whoami`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: (await response.json()) as { claims?: Record<string, unknown>; error?: { code: string; message: string } } };
}

/** POST /api/jwt/token with the access token as Bearer: the exchange's answer. */
async function exchange(request: APIRequestContext, accessToken: string) {
  const response = await request.post("/api/jwt/token", { headers: { authorization: `Bearer ${accessToken}` } });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as { token: string; tokenType: string; issuedTokenType: string; audience: string; expiresIn: number; expiresAt: string };
}

test.describe("the downstream service (npm run downstream) applies the app's verification policy", () => {
  test("the review's tokens — exp = iat + 901, a huge exp, iat 60 s ahead, no ver — are refused there exactly as the app refuses them", async ({ request, baseURL, db }) => {
    const key = await appSigningKey(db);
    const user = await db.user.findUniqueOrThrow({ where: { email: bob.email } });
    const now = Math.floor(Date.now() / 1000);
    const claims = (aud: string, life: number, edit: Record<string, unknown>) => ({
      sub: user.id, role: "user", ver: user.tokenVersion, jti: randomUUID(), iat: now, exp: now + life, iss: "session-vs-jwt", aud,
      ...(aud === DOWNSTREAM_AUDIENCE ? { src: "jwt" } : {}),
      ...edit,
    });
    const atApp = async (edit: Record<string, unknown>) => meWith(request, "jwt", { bearer: await signWith(key, claims(APP_AUDIENCE, 900, edit)) });
    const atDownstream = async (edit: Record<string, unknown>) => whoami(baseURL!, await signWith(key, claims(DOWNSTREAM_AUDIENCE, 60, edit)));

    // The controls: the same key and claims, each recipient's own audience and lifetime, accepted.
    expect((await atApp({})).status()).toBe(200);
    expect((await atDownstream({})).status).toBe(200);
    for (const [name, edit, code] of [
      ["exp = iat + 901", { exp: now + 901 }, "token_lifetime_too_long"],
      ["a huge exp", { exp: now + 10 * 365 * 86400 }, "token_lifetime_too_long"],
      ["iat 60 s in the future", { iat: now + 60, exp: now + 120 }, "token_issued_in_future"],
      ["no ver", { ver: undefined }, "token_missing_ver"],
    ] as const) {
      await expectApiError(await atApp(edit), 401, code);
      const there = await atDownstream(edit);
      expect({ case: name, status: there.status, code: there.body.error?.code }).toEqual({ case: name, status: 401, code });
    }
  });

  test("an app access token — an admin's included — is refused there; the token exchanged for it is accepted", async ({ request, baseURL }) => {
    const { body } = await loginViaApi(request, "jwt", alice);
    expect(decodeJwt(body.accessToken!).payload.aud).toBe(APP_AUDIENCE);
    const refused = await whoami(baseURL!, body.accessToken!);
    expect(refused).toMatchObject({ status: 401, body: { error: { code: "token_wrong_aud" } } });
    const exchanged = await exchange(request, body.accessToken!);
    const accepted = await whoami(baseURL!, exchanged.token);
    expect(accepted.status).toBe(200);
    expect(accepted.body.claims).toMatchObject({ sub: body.user.id, role: "admin", src: "jwt", aud: DOWNSTREAM_AUDIENCE });
  });

  test("after logout the copied access token still gets nothing there; the exchanged token works until its exp (≤ 60 s)", async ({ request, baseURL }) => {
    const { body } = await loginViaApi(request, "jwt", bob);
    const exchanged = await exchange(request, body.accessToken!);
    expect((await request.post("/api/jwt/logout", { headers: { authorization: `Bearer ${body.accessToken}` } })).status()).toBe(204);
    expect((await whoami(baseURL!, body.accessToken!)).body.error?.code).toBe("token_wrong_aud");
    expect((await whoami(baseURL!, exchanged.token)).status).toBe(200);
    expect(Number(decodeJwt(exchanged.token).payload.exp) - Date.now() / 1000).toBeLessThanOrEqual(60);
    // A logged-out token buys no new one.
    await expectApiError(await request.post("/api/jwt/token", { headers: { authorization: `Bearer ${body.accessToken}` } }), 401, "token_revoked");
  });
});

test.describe("POST /api/jwt/token (the token exchange)", () => {
  test("a short-lived token for the downstream alone, in RFC 8693's terms", async ({ request }) => {
    const { body } = await loginViaApi(request, "jwt", bob);
    const answer = await exchange(request, body.accessToken!);
    expect(answer).toMatchObject({
      tokenType: "Bearer",
      issuedTokenType: "urn:ietf:params:oauth:token-type:access_token",
      audience: DOWNSTREAM_AUDIENCE,
      expiresIn: expect.any(Number),
    });
    expect(answer.expiresIn).toBeLessThanOrEqual(60);
    const { header, payload } = decodeJwt(answer.token);
    expect(header).toMatchObject({ alg: "EdDSA", typ: "at+jwt", kid: expect.any(String) });
    expect(payload).toMatchObject({ sub: body.user.id, aud: DOWNSTREAM_AUDIENCE, src: "jwt", ver: expect.any(Number) });
    expect(Number(payload.exp) - Number(payload.iat)).toBe(answer.expiresIn);
    expect(new Date(answer.expiresAt).getTime()).toBe(Number(payload.exp) * 1000);
  });

  test("the access-token cookie works too, from this site only; nothing without a credential", async ({ request, playwright, baseURL }) => {
    const { cookie } = await loginViaApi(request, "jwt", bob);
    const anonymous = await playwright.request.newContext({ baseURL });
    const headers = { cookie: `${cookieName("jwt")}=${cookie}` };
    expect((await anonymous.post("/api/jwt/token", { headers })).status()).toBe(200);
    await expectApiError(await anonymous.post("/api/jwt/token", { headers: { ...headers, origin: "https://evil.example" } }), 403, "cross_site_request");
    await expectApiError(await anonymous.post("/api/jwt/token"), 401, "no_credential");
    await anonymous.dispose();
  });
});

test.describe("GET /api/downstream/jwt (the lab's stand-in: the key, no database)", () => {
  test("accepts a downstream token, and says what it did not check", async ({ request }) => {
    const { body } = await loginViaApi(request, "jwt", bob);
    const { token } = await exchange(request, body.accessToken!);
    const response = await request.get("/api/downstream/jwt", { headers: { authorization: `Bearer ${token}` } });
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({
      accepted: true,
      user: { id: body.user.id, role: "user" },
      token: { src: "jwt", secondsLeft: expect.any(Number) },
      notChecked: expect.arrayContaining(["logout (the denylist)"]),
    });
  });

  test("refuses the app's own access token: it is not meant for another service", async ({ request }) => {
    const { body } = await loginViaApi(request, "jwt", bob);
    await expectApiError(await request.get("/api/downstream/jwt", { headers: { authorization: `Bearer ${body.accessToken}` } }), 401, "token_wrong_aud");
  });

  test("refuses a forged token and a missing one", async ({ request }) => {
    const { body } = await loginViaApi(request, "jwt", bob);
    const { token } = await exchange(request, body.accessToken!);
    const forged = forgeJwt(token, { payload: { role: "admin" } });
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

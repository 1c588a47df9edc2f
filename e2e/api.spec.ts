import { expect, test } from "@playwright/test";
import { alice, bob, cookieName, cookiesBesidesDevice, decodeJwt, expectApiError, loginViaApi, meWith, MODES, setCookieHeader } from "./fixtures.ts";

/** The JSON API contract, the same for both modes (docs: app/api/<mode>/{login,logout,me}). */

const json = { "content-type": "application/json" };

for (const mode of MODES) {
  const api = (path: "login" | "logout" | "me") => `/api/${mode}/${path}`;

  test.describe(`${mode} API`, () => {
    test("login answers 200 with the user, the expiry and a hardened cookie", async ({ request }) => {
      const response = await request.post(api("login"), { data: { email: bob.email, password: bob.password } });
      expect(response.status()).toBe(200);
      expect(response.headers()["cache-control"]).toBe("no-store");
      const body = await response.json();
      expect(body).toMatchObject({ user: { id: expect.any(String), email: bob.email, name: bob.name, role: bob.role } });
      expect(Object.keys(body.user).sort()).toEqual(["email", "id", "name", "role"]);
      expect(Date.parse(body.expiresAt)).toBeGreaterThan(Date.now());
      if (mode === "jwt") {
        expect(body).toMatchObject({ tokenType: "Bearer", accessToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/) });
      } else {
        expect(body).not.toHaveProperty("accessToken");
      }
      const cookie = setCookieHeader(response, mode);
      expect(cookie).toMatch(/; HttpOnly/i);
      expect(cookie).toMatch(/; Secure/i);
      expect(cookie).toMatch(/; SameSite=Lax/i);
      expect(cookie).toMatch(/; Path=\/(;|$)/);
      expect(cookie).not.toMatch(/; Domain=/i);
    });

    for (const [label, email, password] of [
      ["a wrong password", bob.email, "not-bobs-password"],
      ["an unknown user", "nobody@example.com", "whatever-password"],
    ]) {
      test(`login with ${label} answers 401 and sets no cookie`, async ({ request }) => {
        const response = await request.post(api("login"), { data: { email, password } });
        await expectApiError(response, 401, "invalid_credentials");
        expect(setCookieHeader(response, mode)).toBeUndefined();
      });
    }

    const badBodies: { label: string; headers: Record<string, string>; data: string; status: number; code: string }[] = [
      { label: "malformed JSON", headers: json, data: '{"email": "bob@', status: 400, code: "invalid_json" },
      { label: "a text/plain body", headers: { "content-type": "text/plain" }, data: "email=bob", status: 415, code: "unsupported_media_type" },
      { label: "a form body", headers: { "content-type": "application/x-www-form-urlencoded" }, data: "email=a&password=b", status: 415, code: "unsupported_media_type" },
      { label: "missing fields", headers: json, data: "{}", status: 400, code: "invalid_input" },
      { label: "a JSON array", headers: json, data: "[]", status: 400, code: "invalid_input" },
      { label: "wrongly typed fields", headers: json, data: '{"email":1,"password":["x"]}', status: 400, code: "invalid_input" },
      { label: "a body over 16 KiB", headers: json, data: JSON.stringify({ email: bob.email, password: "x".repeat(17 * 1024) }), status: 413, code: "body_too_large" },
    ];
    for (const bad of badBodies) {
      test(`login with ${bad.label} answers ${bad.status} ${bad.code}`, async ({ request }) => {
        // A Buffer goes out byte for byte; Playwright would JSON-encode an unparsable string.
        const response = await request.post(api("login"), { headers: bad.headers, data: Buffer.from(bad.data) });
        await expectApiError(response, bad.status, bad.code);
      });
    }

    test("me answers 401 without credentials", async ({ request }) => {
      const response = await request.get(api("me"));
      await expectApiError(response, 401, "no_credential");
      expect(response.headers()["www-authenticate"]).toContain("Bearer");
    });

    test("me answers 200 with no-store once logged in", async ({ request }) => {
      const { body } = await loginViaApi(request, mode, bob);
      const response = await request.get(api("me"));
      expect(response.status()).toBe(200);
      expect(response.headers()["cache-control"]).toBe("no-store");
      const label = mode === "session" ? "session" : "token";
      expect(await response.json()).toMatchObject({ user: { id: body.user.id, role: bob.role }, [label]: { expiresAt: expect.any(String) } });
    });

    test("logout answers 204, clears the cookie and ends the login", async ({ request }) => {
      const { cookie } = await loginViaApi(request, mode, bob);
      const response = await request.post(api("logout"));
      expect(response.status()).toBe(204);
      expect(response.headers()["cache-control"]).toBe("no-store");
      expect(setCookieHeader(response, mode)).toMatch(new RegExp(`^${cookieName(mode)}=;.*(Max-Age=0|Expires=Thu, 01 Jan 1970)`, "i"));
      expect(await cookiesBesidesDevice(request)).toEqual([]);
      await expectApiError(await request.get(api("me")), 401, "no_credential");
      expect((await meWith(request, mode, { cookie })).status()).toBe(401);
    });

    for (const [label, data] of Object.entries({ "an empty JSON body": "", "a body that is not JSON": "{not json", "a JSON array": "[]" })) {
      test(`logout with ${label} still answers 204 and ends the login`, async ({ request }) => {
        const { cookie } = await loginViaApi(request, mode, bob);
        const response = await request.post(api("logout"), { headers: { "content-type": "application/json" }, data });
        expect(response.status()).toBe(204);
        expect(await cookiesBesidesDevice(request)).toEqual([]);
        expect((await meWith(request, mode, { cookie })).status()).toBe(401);
      });
    }

    const crossSiteHeaders = {
      "a foreign Origin": { origin: "https://evil.example" },
      "Sec-Fetch-Site: cross-site": { "sec-fetch-site": "cross-site" },
    };
    for (const [label, headers] of Object.entries(crossSiteHeaders)) {
      test(`a cookie-authenticated logout with ${label} answers 403 and changes nothing`, async ({ request }) => {
        await loginViaApi(request, mode, bob);
        await expectApiError(await request.post(api("logout"), { headers }), 403, "cross_site_request");
        expect((await request.get(api("me"))).status()).toBe(200);
      });

      test(`a login with ${label} answers 403 (login CSRF)`, async ({ request }) => {
        const response = await request.post(api("login"), { headers, data: { email: bob.email, password: bob.password } });
        await expectApiError(response, 403, "cross_site_request");
        expect(setCookieHeader(response, mode)).toBeUndefined();
      });
    }

    const junkCookies = {
      "a word": "junk",
      "a seal-shaped string": "Fe26.2*1*a*b*c*d*e*f~2",
      "a JWT-shaped string": "eyJhbGciOiJub25lIn0.e30.",
      "percent-encoded bytes": "%00%ff%fe",
      "4 KiB and more": "z".repeat(5000),
    };
    for (const [label, value] of Object.entries(junkCookies)) {
      test(`me with a junk cookie (${label}) answers 401, not 500`, async ({ request }) => {
        await expectApiError(await meWith(request, mode, { cookie: value }), 401, expect.any(String));
      });
    }
  });
}

test("an unknown /api path answers the API's JSON 404, not an HTML page", async ({ request }) => {
  for (const method of ["get", "post", "delete"] as const) {
    const response = await request[method]("/api/no-such-endpoint/here");
    expect(response.headers()["content-type"]).toContain("application/json");
    await expectApiError(response, 404, "not_found");
  }
});

test("a method the endpoint does not serve: 405 method_not_allowed in the envelope, with Allow (RFC 9110 §15.5.6)", async ({ request }) => {
  const cases = [
    { method: "GET", path: "/api/session/login", allow: "POST, OPTIONS" },
    { method: "DELETE", path: "/api/jwt/me", allow: "GET, HEAD, OPTIONS" },
    { method: "POST", path: "/api/session/me", allow: "GET, HEAD, OPTIONS" },
    { method: "PUT", path: "/api/passkeys", allow: "GET, HEAD, POST, OPTIONS" },
  ];
  for (const { method, path, allow } of cases) {
    const response = await request.fetch(path, { method });
    expect(response.headers()["allow"], `${method} ${path}`).toBe(allow);
    await expectApiError(response, 405, "method_not_allowed");
    expect((await response.json()).error.message).toContain(allow);
  }
  const head = await request.head("/api/session/login");
  expect([head.status(), head.headers()["allow"]]).toEqual([405, "POST, OPTIONS"]);
  // OPTIONS names the same methods, whether the route brings its own (CORS) or not.
  for (const { path, allow } of cases) {
    const options = await request.fetch(path, { method: "OPTIONS" });
    expect([options.status(), options.headers()["allow"]], path).toEqual([204, allow]);
  }
  // No path, no methods: the catch-all's OPTIONS is a 404 like the rest.
  await expectApiError(await request.fetch("/api/no-such-endpoint", { method: "OPTIONS" }), 404, "not_found");
});

test("a body that is not a JSON object is refused in the API's own words", async ({ request }) => {
  const response = await request.post("/api/jwt/login", { headers: { "content-type": "application/json" }, data: Buffer.from("[1,2]") });
  await expectApiError(response, 400, "invalid_input");
  expect(await response.text()).not.toMatch(/Invalid input|received/);
});

test.describe("one audience per recipient", () => {
  test("a JWT-mode access token names this app alone", async ({ request }) => {
    const { body } = await loginViaApi(request, "jwt", bob);
    expect(decodeJwt(body.accessToken!).payload.aud).toBe("session-vs-jwt:web");
  });

  test("an admin's downstream token — from either mode's exchange — opens nothing here, /api/admin/* included", async ({ request, playwright, baseURL }) => {
    const jwtLogin = await loginViaApi(request, "jwt", alice);
    const sessionLogin = await loginViaApi(request, "session", alice);
    const fromJwt = await request.post("/api/jwt/token", { headers: { authorization: `Bearer ${jwtLogin.body.accessToken}` } });
    const fromSession = await request.post("/api/session/token", { headers: { cookie: `${cookieName("session")}=${sessionLogin.cookie}` } });
    // A client of its own: nothing from the logins' cookie jar rides along.
    const other = await playwright.request.newContext({ baseURL });
    for (const minted of [fromJwt, fromSession]) {
      expect(minted.status()).toBe(200);
      const { token } = (await minted.json()) as { token: string };
      const bearer = { authorization: `Bearer ${token}` };
      await expectApiError(await other.get("/api/jwt/me", { headers: bearer }), 401, "token_wrong_aud");
      await expectApiError(await other.get("/api/admin/keys", { headers: bearer }), 401, "token_wrong_aud");
      await expectApiError(await other.post(`/api/admin/users/${jwtLogin.body.user.id}/end-all`, { headers: bearer }), 401, "token_wrong_aud");
      await expectApiError(await other.post("/api/jwt/token", { headers: bearer }), 401, "token_wrong_aud");
    }
    // The same admin's own access token does open the admin API: the refusals above are about the audience.
    expect((await other.get("/api/admin/keys", { headers: { authorization: `Bearer ${jwtLogin.body.accessToken}` } })).status()).toBe(200);
    await other.dispose();
  });
});

import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { RequestCookies } from "next/dist/compiled/@edge-runtime/cookies/index.js";
import { cookieFromHeader, noteCookiesWritten, routeRequestHeaders, runWithRouteRequest } from "./route-request.ts";

/** What Next's own cookies() would answer for that header and name. */
function nextReads(header: string, name: string): string | undefined {
  return new RequestCookies(new Headers({ cookie: header })).get(name)?.value;
}

describe("cookieFromHeader reads a cookie as Next's RequestCookies does", () => {
  const headers = [
    "__Host-svj-session=abc",
    "a=1; __Host-svj-session=first; b=2; __Host-svj-session=second",
    "__Host-svj-session=caf%C3%A9%20au%20lait",
    "__Host-svj-session=good; __Host-svj-session=%E0%A4%A",
    "__Host-svj-session=%zz",
    "__Host-svj-session",
    "__Host-svj-session=a=b=c",
    "x=1;__Host-svj-session=tight;y=2",
    "__Host-svj-session=; other=1",
    "__Host-svj-sessionx=no; x__Host-svj-session=no",
    ";;  ; __Host-svj-session=after-empties",
    "",
  ];
  for (const header of headers) {
    test(JSON.stringify(header), () => {
      assert.equal(cookieFromHeader(header, "__Host-svj-session"), nextReads(header, "__Host-svj-session"));
    });
  }

  test("no header: no cookie", () => {
    assert.equal(cookieFromHeader(null, "__Host-svj-session"), undefined);
  });
});

describe("the route request scope", () => {
  const request = new Request("http://localhost/api/session/me", { headers: { cookie: "a=1", authorization: "Bearer t" } });

  test("outside a route handler there is none: the DAL asks Next", () => {
    assert.equal(routeRequestHeaders(), null);
  });

  test("inside, the request's own headers, until a cookie is written; then none again", async () => {
    await runWithRouteRequest(request, async () => {
      assert.equal(routeRequestHeaders()?.get("cookie"), "a=1");
      noteCookiesWritten();
      assert.equal(routeRequestHeaders(), null);
    });
  });

  test("each request has its own scope: a write in one does not blind another", async () => {
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = runWithRouteRequest(request, async () => {
      noteCookiesWritten();
      await held;
      return routeRequestHeaders();
    });
    const second = runWithRouteRequest(request, async () => routeRequestHeaders()?.get("authorization"));
    assert.equal(await second, "Bearer t");
    release();
    assert.equal(await first, null);
  });
});

import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { registerCoreHooks } from "../core-hooks.ts";
import { captureEvents } from "../log.ts";
import { json, jsonError, noContent, apiRoute } from "./json.ts";
import { readError } from "./test-responses.ts";

describe("jsonError", () => {
  test("has the one error shape and is never stored", async () => {
    assert.deepEqual(await readError(jsonError(400, "invalid_json", "Bad."), 400), { code: "invalid_json", message: "Bad." });
  });

  test("carries details only when given", async () => {
    const error = await readError(jsonError(400, "invalid_input", "Bad.", [{ field: "email" }]), 400);
    assert.deepEqual(error.details, [{ field: "email" }]);
  });

  test('401 tells Bearer clients how to authenticate (RFC 6750 §3)', () => {
    assert.equal(jsonError(401, "token_expired", "Expired.").headers.get("www-authenticate"), 'Bearer error="invalid_token"');
  });

  test("other statuses have no WWW-Authenticate", () => {
    for (const status of [400, 403, 404, 500]) assert.equal(jsonError(status, "x", "y").headers.get("www-authenticate"), null);
  });
});

describe("json and noContent", () => {
  test("json: 200 by default, no-store, the data as given", async () => {
    const response = json({ a: 1 });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get("cache-control"), "no-store");
    assert.deepEqual(await response.json(), { a: 1 });
  });

  test("json: status and extra headers are kept, no-store too", () => {
    const response = json({}, { status: 201, headers: { "Server-Timing": "auth;dur=1" } });
    assert.equal(response.status, 201);
    assert.equal(response.headers.get("server-timing"), "auth;dur=1");
    assert.match(response.headers.get("cache-control") ?? "", /no-store/);
  });

  test("noContent: 204, empty, no-store", async () => {
    const response = noContent();
    assert.equal(response.status, 204);
    assert.equal(response.headers.get("cache-control"), "no-store");
    assert.equal(await response.text(), "");
  });
});

describe("apiRoute", () => {
  test("passes a handler's response through", async () => {
    const response = await apiRoute(async (_request: Request, n: number) => json({ n }))(local("/x"), 7);
    assert.deepEqual(await response.json(), { n: 7 });
  });

  test("an unexpected error → bare 500 internal_error, its text kept out of the body and logged with a code", async () => {
    const { result: response, events } = await captureEvents(() => apiRoute(async () => {
      throw new Error("db password is hunter2");
    })(local("/x")));
    const error = await readError(response, 500);
    assert.equal(error.code, "internal_error");
    assert.doesNotMatch(JSON.stringify(error), /hunter2/);
    assert.deepEqual(events.map((event) => [event.code, event.level]), [["api_unexpected_error", "error"]]);
  });

  test("runs the handler inside the hooks registered with the core, and only while they are", async () => {
    const seen: string[] = [];
    const unregister = registerCoreHooks("test:around", {
      aroundApiRequest: async (request, work) => {
        seen.push(request instanceof Request ? new URL(request.url).pathname : "?");
        return work();
      },
    });
    const handler = apiRoute(async (request: Request) => json({ path: new URL(request.url).pathname }));
    assert.deepEqual(await (await handler(new Request("http://localhost/marked"))).json(), { path: "/marked" });
    unregister();
    await handler(new Request("http://localhost/after"));
    assert.deepEqual(seen, ["/marked"]);
  });

  test("Next's redirect/notFound errors (with a digest) are rethrown", async () => {
    const redirect = Object.assign(new Error("NEXT_REDIRECT"), { digest: "NEXT_REDIRECT;replace;/login;307;" });
    await assert.rejects(apiRoute(async () => {
      throw redirect;
    })(local("/x")), (error) => error === redirect);
  });

  test("a host this server does not serve gets 421 host_not_allowed, and the handler never runs", async () => {
    let ran = false;
    const handler = apiRoute(async () => {
      ran = true;
      return json({});
    });
    const response = await handler(new Request("http://rebind.example/api/x", { headers: { host: "rebind.example" } }));
    assert.equal((await readError(response, 421)).code, "host_not_allowed");
    assert.equal(ran, false);
    assert.equal((await handler(local("/api/x"))).status, 200);
    assert.equal(ran, true);
  });

  test("no HSTS outside production over https (the route gate's rule is tested with the pages')", async () => {
    const response = await apiRoute(async () => json({}))(new Request("https://localhost/api/x", { headers: { host: "localhost" } }));
    assert.equal(response.headers.get("strict-transport-security"), null);
  });
});

/** A request as a browser on this machine sends it: Host is one of the loopback names. */
function local(path: string): Request {
  return new Request(`http://localhost:3000${path}`, { headers: { host: "localhost:3000" } });
}

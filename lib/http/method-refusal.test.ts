import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { allowHeader, refuseOtherMethods } from "./method-refusal.ts";
import { readError } from "./test-responses.ts";

describe("allowHeader", () => {
  test("the route's methods in one order, HEAD beside GET, OPTIONS always (RFC 9110 §10.2.1)", () => {
    assert.equal(allowHeader(["POST"]), "POST, OPTIONS");
    assert.equal(allowHeader(["GET"]), "GET, HEAD, OPTIONS");
    assert.equal(allowHeader(["POST", "GET"]), "GET, HEAD, POST, OPTIONS");
    assert.equal(allowHeader(["DELETE"]), "DELETE, OPTIONS");
  });
});

describe("refuseOtherMethods", () => {
  test("a refusal for each method the route does not export, and OPTIONS; none for its own", () => {
    assert.deepEqual(Object.keys(refuseOtherMethods(["POST"])).sort(), ["DELETE", "GET", "OPTIONS", "PATCH", "PUT"]);
    assert.deepEqual(Object.keys(refuseOtherMethods(["GET", "POST"])).sort(), ["DELETE", "OPTIONS", "PATCH", "PUT"]);
    // @ts-expect-error: POST is the route's own, so there is no refusal to export under its name
    const { POST } = refuseOtherMethods(["POST"]);
    assert.equal(POST, undefined);
  });

  test("405 method_not_allowed in the envelope, with Allow and a message naming what is allowed", async () => {
    const { GET, PUT, PATCH, DELETE } = refuseOtherMethods(["POST"]);
    for (const [method, handler] of Object.entries({ GET, PUT, PATCH, DELETE })) {
      const response = await handler(local("/api/session/login", method));
      assert.equal(response.headers.get("allow"), "POST, OPTIONS");
      const error = await readError(response, 405);
      assert.equal(error.code, "method_not_allowed");
      assert.match(error.message, new RegExp(`${method}.*POST, OPTIONS`));
    }
  });

  test("HEAD, which Next runs through GET's handler, is refused the same way without GET", async () => {
    const response = await refuseOtherMethods(["DELETE"]).GET(local("/api/passkeys/x", "HEAD"));
    assert.equal(response.status, 405);
    assert.equal(response.headers.get("allow"), "DELETE, OPTIONS");
  });

  test("OPTIONS: 204, empty, with the same Allow", async () => {
    const response = await refuseOtherMethods(["GET", "POST"]).OPTIONS(local("/api/passkeys", "OPTIONS"));
    assert.equal(response.status, 204);
    assert.equal(response.headers.get("allow"), "GET, HEAD, POST, OPTIONS");
    assert.equal(await response.text(), "");
  });

  test("a host this server does not serve gets 421 first, and `around` never runs", async () => {
    let ran = 0;
    const refusals = refuseOtherMethods(["GET"], (handler) => (request) => {
      ran++;
      return handler(request);
    });
    for (const handler of [refusals.POST, refusals.OPTIONS]) {
      const response = await handler(new Request("http://rebind.example/api/health", { method: "POST", headers: { host: "rebind.example" } }));
      assert.equal((await readError(response, 421)).code, "host_not_allowed");
    }
    assert.equal(ran, 0);
    assert.equal((await refusals.POST(local("/api/health", "POST"))).status, 405);
    assert.equal(ran, 1);
  });

  test("`around` may answer instead (a switched-off lab is 404 to every method)", async () => {
    const gone = async () => new Response(null, { status: 404 });
    const refusals = refuseOtherMethods(["GET"], () => gone);
    assert.equal((await refusals.DELETE(local("/api/labs/instance", "DELETE"))).status, 404);
    assert.equal((await refusals.OPTIONS(local("/api/labs/instance", "OPTIONS"))).status, 404);
  });

  test("no HSTS outside production over https (the route gate's rule is tested with the pages')", async () => {
    const response = await refuseOtherMethods(["GET"]).PUT(new Request("https://localhost/api/health", { method: "PUT", headers: { host: "localhost" } }));
    assert.equal(response.status, 405);
    assert.equal(response.headers.get("strict-transport-security"), null);
  });
});

/** A request as a browser on this machine sends it: Host is one of the loopback names. */
function local(path: string, method: string): Request {
  return new Request(`http://localhost:3000${path}`, { method, headers: { host: "localhost:3000" } });
}

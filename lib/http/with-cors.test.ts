import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { corsPreflight } from "./with-cors.ts";

describe("corsPreflight", () => {
  test("204 with the route's Allow, for an allowed origin and a refused one alike", () => {
    const preflight = corsPreflight(["GET"]);
    for (const origin of ["http://127.0.0.1:3000", "https://evil.example"]) {
      const response = preflight(new Request("http://localhost:3000/api/jwt/me", { method: "OPTIONS", headers: { host: "localhost:3000", origin } }));
      assert.equal(response.status, 204, origin);
      assert.equal(response.headers.get("allow"), "GET, HEAD, OPTIONS", origin);
    }
  });

  test("a host this server does not serve gets 421 first", () => {
    const response = corsPreflight(["GET"])(new Request("http://rebind.example/api/jwt/me", { method: "OPTIONS", headers: { host: "rebind.example" } }));
    assert.equal(response.status, 421);
  });
});

import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { refuseUnroutableApiRequest } from "./api-request-guard.ts";
import { readError } from "./test-responses.ts";

describe("refuseUnroutableApiRequest", () => {
  for (const path of ["/api/%zz", "/api/%", "/api/labs/%E0%A4%A", "/api/admin/users/%C0%AF/disable", "/api/labs/%FF"]) {
    test(`${path}: 400 malformed_path, not Next's bare 500`, async () => {
      const response = refuseUnroutableApiRequest("GET", path);
      assert.ok(response);
      assert.equal((await readError(response, 400)).code, "malformed_path");
    });
  }

  for (const method of ["PROPFIND", "QUERY", "MKCOL"]) {
    test(`${method}: 405 method_not_allowed naming what any route can allow`, async () => {
      const response = refuseUnroutableApiRequest(method, "/api/jwt/me");
      assert.ok(response);
      assert.equal((await readError(response, 405)).code, "method_not_allowed");
      assert.equal(response.headers.get("allow"), "DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT");
    });
  }

  test("well-formed paths and routable methods go on to Next untouched", () => {
    for (const method of ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"]) {
      assert.equal(refuseUnroutableApiRequest(method, "/api/session/sessions/abc%2Fdef%20%C3%A9"), null);
    }
  });
});

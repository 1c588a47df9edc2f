import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { refuseMalformedApiPath } from "./api-request-guard.ts";
import { readError } from "./test-responses.ts";

describe("refuseMalformedApiPath", () => {
  for (const path of ["/api/%zz", "/api/%", "/api/labs/%E0%A4%A", "/api/admin/users/%C0%AF/disable", "/api/labs/%FF"]) {
    test(`${path}: 400 malformed_path, not Next's bare 500`, async () => {
      const response = refuseMalformedApiPath(path);
      assert.ok(response);
      assert.equal((await readError(response, 400)).code, "malformed_path");
    });
  }

  test("a well-formed path goes on to Next untouched", () => {
    assert.equal(refuseMalformedApiPath("/api/session/sessions/abc%2Fdef%20%C3%A9"), null);
    assert.equal(refuseMalformedApiPath("/api/jwt/me"), null);
  });
});

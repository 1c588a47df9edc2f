import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { registrationSchema } from "./schema.ts";

const valid = { name: "Dana Example", email: "Dana@Example.COM ", password: "vellum-orbit-cactus-91" };

describe("registrationSchema", () => {
  test("accepts a valid sign-up, trims, and defaults to session mode", () => {
    const parsed = registrationSchema.parse(valid);
    assert.equal(parsed.mode, "session");
    assert.equal(parsed.email, "Dana@Example.COM");
    assert.equal(parsed.name, "Dana Example");
  });

  test("takes jwt mode, refuses an unknown one", () => {
    assert.equal(registrationSchema.parse({ ...valid, mode: "jwt" }).mode, "jwt");
    assert.equal(registrationSchema.safeParse({ ...valid, mode: "oauth" }).success, false);
  });

  test("a password under 12 characters is refused with the length rule", () => {
    const result = registrationSchema.safeParse({ ...valid, password: "short-pw-11" });
    assert.equal(result.success, false);
    assert.deepEqual(result.error?.issues.map((issue) => [issue.path.join("."), issue.message]), [["password", "Use at least 12 characters."]]);
  });

  test("missing name, bad e-mail and oversize fields are refused", () => {
    const fields = (input: unknown) => registrationSchema.safeParse(input).error?.issues.map((issue) => issue.path.join(".")).sort();
    assert.deepEqual(fields({ ...valid, name: "   " }), ["name"]);
    assert.deepEqual(fields({ ...valid, email: "not-an-address" }), ["email"]);
    assert.deepEqual(fields({ ...valid, name: "x".repeat(101), password: "p".repeat(1025) }), ["name", "password"]);
    assert.deepEqual(fields({}), ["email", "name", "password"]);
  });
});

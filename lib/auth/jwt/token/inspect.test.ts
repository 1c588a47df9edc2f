import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { inspectJwt } from "./inspect.ts";
import { signAccessToken } from "./token.ts";
import { NOW, SUBJECT, tokenSettings } from "../keys/test-keys.ts";

const NOT_DECODABLE = "not a decodable JWT";

describe("inspectJwt", () => {
  test("a real token: header and payload are readable without any key; the signature only elided", async () => {
    const { token, claims } = await signAccessToken(SUBJECT, { ...(await tokenSettings()), ttlSeconds: 900, now: NOW });
    const view = inspectJwt(token);
    assert.notEqual(view.format, NOT_DECODABLE);
    assert.equal(view.bytes, token.length);
    assert.deepEqual(view.readable, { header: { alg: "HS256", typ: "at+jwt" }, payload: claims });
    const [header, payload, signature] = token.split(".") as [string, string, string];
    assert.deepEqual(
      view.parts.map((part) => [part.name, part.role, part.bytes]),
      [["header", "header", header.length], ["payload", "payload", payload.length], ["signature", "signature", signature.length]],
    );
    // Header and payload are public; with the signature they would be the whole token.
    const shown = JSON.stringify(view);
    assert.ok(!shown.includes(signature), "the signature must not appear");
    assert.match(view.parts[2]!.shown, /^.{6}….{4} \(\d+ bytes elided\)$/);
  });

  for (const [name, value] of [
    ["garbage", "definitely not a jwt"],
    ["empty", ""],
    ["two parts", "eyJhbGciOiJIUzI1NiJ9.e30"],
    ["header not JSON", "aGVsbG8.e30.c2ln"],
    ["payload not JSON", "eyJhbGciOiJIUzI1NiJ9.aGVsbG8.c2ln"],
  ] as const) {
    test(`${name} → "${NOT_DECODABLE}", nothing readable`, () => {
      const view = inspectJwt(value);
      assert.equal(view.format, NOT_DECODABLE);
      assert.deepEqual(view.readable, {});
      assert.equal(view.bytes, value.length);
      if (value.length > 0) assert.ok(!JSON.stringify(view).includes(value), "never the value itself");
    });
  }

  test("bytes counts UTF-8 bytes, not characters", () => {
    assert.equal(inspectJwt("é").bytes, 2);
  });
});

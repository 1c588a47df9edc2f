import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { inspectSeal } from "./inspect.ts";
import { sealSessionId } from "./seal.ts";

const PASSWORD = "p".repeat(32);

describe("inspectSeal", () => {
  test("shows structure and the clear-text fields, never the seal or its secret pieces", async () => {
    const seal = await sealSessionId("a-session-secret", PASSWORD, 3600);
    const view = inspectSeal(seal);
    const shown = JSON.stringify(view);
    assert.ok(!shown.includes(seal), "the whole seal must not appear");
    const pieces = seal.split("~")[0]!.split("*");
    for (const index of [2, 3, 4, 6, 7]) assert.ok(!shown.includes(pieces[index]!), `piece ${index} must be elided`);
    assert.deepEqual(
      view.parts.map((part) => part.name),
      ["prefix", "password id", "encryption salt", "iv", "ciphertext", "expiration", "hmac salt", "hmac", "version (after ~)"],
    );
    assert.equal(view.parts.find((part) => part.name === "expiration")?.shown, pieces[5]);
    // Marked as a JWT's parts are: what describes it, what it carries, what proves it.
    assert.deepEqual(
      view.parts.map((part) => part.role),
      ["header", "header", "payload", "payload", "payload", "header", "signature", "signature", "header"],
    );
    assert.equal(view.bytes, seal.length);
    assert.deepEqual(view.readable, {});
  });

  test("something that is not a seal is elided whole", () => {
    const junk = "not-a-seal-but-long-enough-to-keep-its-ends-visible";
    const view = inspectSeal(junk);
    assert.equal(view.parts.length, 1);
    assert.ok(!JSON.stringify(view).includes(junk));
  });
});

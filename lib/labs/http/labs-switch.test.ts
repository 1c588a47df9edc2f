import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, describe, test } from "node:test";
import { resetConfigForTests } from "../../env.ts";
import { labsOnly } from "./labs-switch.ts";

const saved = { ...process.env };
process.env.SESSION_SECRET ||= randomBytes(32).toString("base64url");
process.env.JWT_SECRET ||= randomBytes(32).toString("base64url");
process.env.JWT_KEY_ENCRYPTION_SECRET ||= randomBytes(32).toString("base64url");

function withLabs(value: string | undefined, demo?: string) {
  if (value === undefined) delete process.env.LABS_ENABLED;
  else process.env.LABS_ENABLED = value;
  if (demo === undefined) delete process.env.DEMO_MODE;
  else process.env.DEMO_MODE = demo;
  resetConfigForTests();
}

after(() => {
  process.env = saved;
  resetConfigForTests();
});

describe("labsOnly", () => {
  const handler = labsOnly(async () => new Response("ran", { status: 200 }));

  test("on in the demo by default: the handler answers", async () => {
    withLabs(undefined, "true");
    assert.equal(await (await handler()).text(), "ran");
  });

  test("off by default outside the demo, on when asked", async () => {
    withLabs(undefined);
    assert.equal((await handler()).status, 404);
    withLabs("true");
    assert.equal(await (await handler()).text(), "ran");
  });

  test("LABS_ENABLED=false: 404 with the usual error shape, and the handler never runs", async () => {
    withLabs("false");
    let ran = false;
    const guarded = labsOnly(async () => {
      ran = true;
      return new Response("ran");
    });
    const response = await guarded();
    assert.equal(response.status, 404);
    assert.deepEqual(await response.json(), { error: { code: "not_found", message: "No such endpoint." } });
    assert.equal(ran, false);
  });
});

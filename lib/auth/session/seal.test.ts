import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { sealSessionId, unsealSessionId } from "./seal.ts";

const PASSWORD = "p".repeat(32) + "-session-seal-test";
const OTHER_PASSWORD = "q".repeat(32) + "-session-seal-test";
const DAY = 24 * 3600;
// The memo is process-wide: each test uses its own session id so none sees another's seal.
let counter = 0;
const sid = () => `sid-${++counter}-${Math.random().toString(36).slice(2)}`;

describe("sealSessionId / unsealSessionId", () => {
  test("round trip returns the session id", async () => {
    const id = sid();
    assert.equal(await unsealSessionId(await sealSessionId(id, PASSWORD, DAY), PASSWORD), id);
  });

  test("the seal does not show the session id", async () => {
    const id = sid();
    assert.ok(!(await sealSessionId(id, PASSWORD, DAY)).includes(id));
  });

  test("wrong password → null", async () => {
    assert.equal(await unsealSessionId(await sealSessionId(sid(), PASSWORD, DAY), OTHER_PASSWORD), null);
  });

  test("any changed character → null", async () => {
    const seal = await sealSessionId(sid(), PASSWORD, DAY);
    const parts = seal.split("*");
    for (const index of [2, 3, 4, 6, 7]) {
      const part = parts[index]!;
      const flipped = part.slice(0, -2) + (part.at(-2) === "A" ? "B" : "A") + part.at(-1);
      const tampered = parts.map((p, i) => (i === index ? flipped : p)).join("*");
      assert.equal(await unsealSessionId(tampered, PASSWORD), null, `part ${index} altered`);
    }
  });

  test("an empty session id is never accepted", async () => {
    assert.equal(await unsealSessionId(await sealSessionId("", PASSWORD, DAY), PASSWORD), null);
  });
});

describe("junk never throws, always null", () => {
  const junk = ["", "abc", "Fe26.2", "Fe26.2*1*a*b*c*d*e*f", "*******", "Fe26.2**x*y*z*9999999999999*s*h~2", "~2", "x".repeat(1_000_000)];
  for (const value of junk) {
    test(`${JSON.stringify(value.slice(0, 40))}${value.length > 40 ? `… (${value.length} chars)` : ""}`, async () => {
      assert.equal(await unsealSessionId(value, PASSWORD), null);
    });
  }

  test("a password too short for iron → null, not a throw", async () => {
    assert.equal(await unsealSessionId(await sealSessionId(sid(), PASSWORD, DAY), "short"), null);
  });
});

describe("expiry (iron checks ttl against Date.now, with a 60 s skew)", () => {
  test("a seal past its ttl plus skew → null", async (t) => {
    t.mock.timers.enable({ apis: ["Date"], now: Date.parse("2030-01-01T00:00:00Z") });
    const seal = await sealSessionId(sid(), PASSWORD, 1);
    t.mock.timers.tick(1_000 + 60_000);
    assert.equal(await unsealSessionId(seal, PASSWORD), null);
  });

  test("still valid just inside ttl plus skew (so the cookie's lifetime is not the only guard)", async (t) => {
    t.mock.timers.enable({ apis: ["Date"], now: Date.parse("2030-01-01T00:00:00Z") });
    const id = sid();
    const seal = await sealSessionId(id, PASSWORD, 1);
    t.mock.timers.tick(1_000 + 60_000 - 1);
    assert.equal(await unsealSessionId(seal, PASSWORD), id);
  });
});

describe("the 60 s memo of successful unseals", () => {
  test("a seal under another password is refused after a valid one was memoised", async () => {
    const id = sid();
    assert.equal(await unsealSessionId(await sealSessionId(id, PASSWORD, DAY), PASSWORD), id);
    assert.equal(await unsealSessionId(await sealSessionId(id, OTHER_PASSWORD, DAY), PASSWORD), null);
  });

  test("a memoised seal is not accepted under a different password", async () => {
    const id = sid();
    const seal = await sealSessionId(id, PASSWORD, DAY);
    assert.equal(await unsealSessionId(seal, PASSWORD), id);
    assert.equal(await unsealSessionId(seal, OTHER_PASSWORD), null);
  });

  test("is forgotten after 60 s: an expired seal is then checked again and refused", async (t) => {
    const start = Date.parse("2030-01-01T00:00:00Z");
    t.mock.timers.enable({ apis: ["Date"], now: start });
    const id = sid();
    const seal = await sealSessionId(id, PASSWORD, 1);
    assert.equal(await unsealSessionId(seal, PASSWORD, start), id);
    t.mock.timers.tick(120_000); // iron now refuses the seal
    assert.equal(await unsealSessionId(seal, PASSWORD, start + 59_999), id, "still memoised");
    assert.equal(await unsealSessionId(seal, PASSWORD, start + 60_000), null);
  });
});

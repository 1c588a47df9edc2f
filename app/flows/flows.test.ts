import { test } from "node:test";
import assert from "node:assert/strict";
import { layoutSequence, lanesInUse } from "../../lib/flows/sequence-layout.ts";
import { FLOW_KINDS, LANES, isStoreLane, type FlowStep } from "./flow-types.ts";
import { jwtFlows } from "./jwt-flows.ts";
import { sessionFlows } from "./session-flows.ts";
import { drawSharedState } from "./shared-state.ts";

const everyFlow = () => [
  ...FLOW_KINDS.map((kind) => [`session ${kind}`, sessionFlows(60)[kind]] as const),
  ...(["denylist", "none"] as const).flatMap((check) => FLOW_KINDS.map((kind) => [`jwt(${check}) ${kind}`, jwtFlows(check)[kind]] as const)),
];

const storeSteps = (steps: FlowStep[], lane: "database" | "redis", access: FlowStep["access"]) => steps.filter((step) => step.to === lane && step.access === access).length;

test("a message to the database or Redis says how it touches it, and no other message does", () => {
  for (const [name, steps] of everyFlow()) {
    for (const step of steps) {
      assert.equal(step.access !== undefined, isStoreLane(step.to) && !step.reply, `${name}: "${step.label}"`);
    }
  }
});

test("every flow lays out, its labels fit an arrow (≤ 40 characters)", () => {
  for (const [name, steps] of everyFlow()) {
    assert.ok(steps.length > 0 && steps.length <= 12, `${name}: ${steps.length} steps`);
    layoutSequence(lanesInUse(LANES, steps), steps);
    for (const step of steps) assert.ok(step.label.length <= 40, `${name}: "${step.label}" is too long for an arrow`);
  }
});

test("an authenticated request: session reads one row; JWT reads one statement with denylist, none with none", () => {
  const session = sessionFlows(60).request;
  assert.equal(storeSteps(session, "database", "read"), 1);
  assert.equal(storeSteps(session, "database", "sometimes"), 1, "the throttled lastSeenAt write");
  assert.equal(storeSteps(jwtFlows("denylist").request, "database", "read"), 1);
  assert.equal(storeSteps(jwtFlows("none").request, "database", "read"), 0);
  for (const steps of [session, jwtFlows("denylist").request]) assert.equal(steps.filter((step) => step.to === "redis").length, 0);
});

test("refresh rotates in the database in JWT mode and writes nothing new in session mode", () => {
  assert.equal(storeSteps(jwtFlows("denylist").refresh, "database", "write"), 1);
  assert.equal(storeSteps(sessionFlows(60).refresh, "database", "write"), 0);
});

test("logins count attempts in the shared state; JWT logout denylists and revokes the family", () => {
  for (const steps of [sessionFlows(60).login, jwtFlows("denylist").login]) assert.equal(storeSteps(steps, "redis", "write"), 2);
  assert.equal(storeSteps(jwtFlows("denylist").logout, "database", "write"), 2);
  assert.equal(storeSteps(sessionFlows(60).logout, "database", "write"), 1);
});

test("the downstream service verifies by JWKS from the app and never reads the database", () => {
  for (const steps of [sessionFlows(60).downstream, jwtFlows("denylist").downstream]) {
    assert.ok(steps.some((step) => step.from === "downstream" && step.to === "server" && step.label.includes("jwks")));
    assert.ok(!steps.some((step) => step.from === "downstream" && isStoreLane(step.to)));
  }
});

test("a call to the downstream service starts with the token exchange: the credential checked in the database, then a ≤ 60 s token minted", () => {
  for (const check of ["denylist", "none"] as const) {
    for (const steps of [sessionFlows(60).downstream, jwtFlows(check).downstream]) {
      const read = steps.findIndex((step) => step.to === "database" && step.access === "read");
      const mint = steps.findIndex((step) => step.label.includes("≤ 60 s downstream token"));
      const call = steps.findIndex((step) => step.to === "downstream");
      assert.ok(read >= 0 && read < mint && mint < call, `read ${read}, mint ${mint}, first call ${call}`);
    }
  }
});

test("after a logout, the downstream refuses the copied access token and takes a copied downstream token until its exp", () => {
  const logout = jwtFlows("denylist").logout;
  assert.ok(logout.some((step) => step.from === "downstream" && step.label.includes("not its audience")));
  for (const steps of [logout, sessionFlows(60).logout]) assert.ok(steps.some((step) => step.from === "downstream" && step.label.includes("≤ 60 s")));
});

test("without Redis the shared-state steps are the server's own, with Redis they stay on the Redis lane", () => {
  const login = sessionFlows(60).login;
  const alone = drawSharedState(login, false);
  assert.equal(alone.filter((step) => step.to === "redis" || step.from === "redis").length, 0);
  assert.equal(alone.filter((step) => step.label.endsWith("(in memory)") && step.from === step.to && step.access === undefined).length, 2);
  assert.deepEqual(drawSharedState(login, true), login);
});

test("the passkey ceremony: one diagram for both modes, challenge kept and taken in the shared state, counter written", async () => {
  const { passkeySignInSteps } = await import("./passkey-flow.ts");
  const steps = passkeySignInSteps;
  assert.ok(steps.length <= 12);
  layoutSequence(lanesInUse(LANES, steps), steps);
  for (const step of steps) {
    assert.ok(step.label.length <= 40, `"${step.label}" is too long for an arrow`);
    assert.equal(step.access !== undefined, isStoreLane(step.to) && !step.reply, `"${step.label}"`);
  }
  assert.equal(storeSteps(steps, "redis", "write"), 2);
  assert.equal(storeSteps(steps, "database", "read"), 1);
  assert.equal(storeSteps(steps, "database", "write"), 1);
  assert.ok(steps.some((step) => step.code === "lib/auth/methods/complete-sign-in.ts"));
});

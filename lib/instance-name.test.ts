import { test } from "node:test";
import assert from "node:assert/strict";
import { hostname } from "node:os";
import { resetConfigForTests } from "./env.ts";
import { SECRETS } from "./env-fixtures.ts";
import { instanceName } from "./instance-name.ts";

test("the default instance name says neither the host name nor the pid, and stays the same", () => {
  Object.assign(process.env, SECRETS);
  delete process.env.INSTANCE_NAME;
  resetConfigForTests();
  const name = instanceName();
  assert.match(name, /^process-[0-9a-f]{8}$/);
  assert.ok(!name.includes(hostname()) && !name.includes(String(process.pid)));
  assert.equal(instanceName(), name);
});

import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { isDemonstrationUser, runAroundApiRequest } from "../core-hooks.ts";
import { registerLabHooks } from "./core-hooks.ts";
import { newLabUserId } from "./lab-user-id.ts";

describe("the labs' hooks into the core", () => {
  test("registered, a lab's throwaway user is demonstration traffic and nobody else is; unregistered, nobody", () => {
    const labUser = newLabUserId();
    assert.equal(isDemonstrationUser(labUser), false, "nothing registered: a plain app");
    const unregister = registerLabHooks();
    try {
      assert.equal(isDemonstrationUser(labUser), true);
      assert.equal(isDemonstrationUser(randomUUID()), false);
    } finally {
      unregister();
    }
    assert.equal(isDemonstrationUser(labUser), false);
  });

  test("a request without an open outage's secret runs its handler as it is", async () => {
    const unregister = registerLabHooks();
    try {
      assert.equal(await runAroundApiRequest(new Request("http://x/", { headers: { "x-svj-lab-outage": "guessed" } }), async () => "real"), "real");
    } finally {
      unregister();
    }
  });
});

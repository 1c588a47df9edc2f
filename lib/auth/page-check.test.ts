import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { modeCheckedByPage } from "./page-check.ts";

const PAGES = {
  session: ["/session", "/session/dashboard", "/session/devices", "/session/inspect"],
  jwt: ["/jwt", "/jwt/dashboard", "/jwt/inspect"],
} as const;

describe("modeCheckedByPage: the one authoritative check the header may reuse", () => {
  for (const [path, mode] of [
    ["/session/dashboard", "session"],
    ["/session/inspect", "session"],
    ["/jwt/inspect", "jwt"],
    ["/jwt", "jwt"],
  ] as const) {
    test(`${path}: the page checks ${mode} itself, so the header reuses that answer`, () => {
      assert.equal(modeCheckedByPage(path, PAGES), mode);
    });
  }

  // Any of these answering a mode would make the header start a database read of its own:
  // a second round trip on a request that already made one, or a first on a public page.
  for (const path of ["/", "/compare", "/admin", "/session/login", "/jwt/login", "/sessionx", "/session/dashboard/", null]) {
    test(`${String(path)}: no page check to reuse, so the header only peeks`, () => {
      assert.equal(modeCheckedByPage(path, PAGES), null);
    });
  }
});

import { test } from "node:test";
import assert from "node:assert/strict";
import { endEverythingWords } from "./revocation-words.ts";

test("with the default check, /admin says a disabled user's access tokens are refused on the next request", () => {
  const words = endEverythingWords({ JWT_REVOCATION_CHECK: "denylist", JWT_ACCESS_TTL_SECONDS: 900 });
  assert.match(words, /refused on the next request/);
  assert.doesNotMatch(words, /until they expire/);
});

test("with JWT_REVOCATION_CHECK=none, it says they keep working until they expire, and how long that is", () => {
  const words = endEverythingWords({ JWT_REVOCATION_CHECK: "none", JWT_ACCESS_TTL_SECONDS: 900 });
  assert.match(words, /keep working until they expire \(at most 15 min\)/);
});

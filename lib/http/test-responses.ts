/** Fixture for the HTTP unit tests (not a test file itself): the error contract, checked once. */
import assert from "node:assert/strict";

/** `{"error":{"code","message"[,"details"]}}`, no-store, and no library or stack text. */
export async function readError(response: Response, status: number): Promise<{ code: string; message: string; details?: unknown }> {
  assert.equal(response.status, status);
  assert.equal(response.headers.get("cache-control"), "no-store");
  assert.match(response.headers.get("content-type") ?? "", /^application\/json/);
  const text = await response.text();
  assert.doesNotMatch(text, /\bat .+:\d+:\d+|SyntaxError|ZodError|Unexpected token/);
  const body = JSON.parse(text);
  assert.deepEqual(Object.keys(body), ["error"]);
  const keys = Object.keys(body.error);
  assert.ok(keys.length >= 2 && keys[0] === "code" && keys[1] === "message" && keys.every((k) => ["code", "message", "details"].includes(k)), keys.join());
  assert.equal(typeof body.error.message, "string");
  return body.error;
}

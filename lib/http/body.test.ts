import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { z } from "zod";
import { MAX_JSON_BYTES, readJsonBody } from "./body.ts";
import { readError } from "./test-responses.ts";

const loginSchema = z.object({ email: z.email(), password: z.string().min(1) });

function post(body: string, headers: Record<string, string> = { "content-type": "application/json" }) {
  return new Request("http://localhost:3000/api/login", { method: "POST", body, headers });
}

async function readFailure(request: Request, status: number) {
  const result = await readJsonBody(request, loginSchema);
  assert.equal(result.ok, false, "expected a refusal");
  return readError((result as { response: Response }).response, status);
}

/** A valid login body of exactly `bytes` bytes. */
function loginOfSize(bytes: number): string {
  const skeleton = JSON.stringify({ email: "a@example.com", password: "" });
  return JSON.stringify({ email: "a@example.com", password: "x".repeat(bytes - skeleton.length) });
}

describe("readJsonBody", () => {
  test("a valid body → the parsed data", async () => {
    const result = await readJsonBody(post(JSON.stringify({ email: "a@example.com", password: "pw" })), loginSchema);
    assert.deepEqual(result, { ok: true, data: { email: "a@example.com", password: "pw" } });
  });

  test("application/json with parameters is accepted", async () => {
    const request = post(loginOfSize(100), { "content-type": "Application/JSON; charset=utf-8" });
    assert.equal((await readJsonBody(request, loginSchema)).ok, true);
  });

  for (const type of [undefined, "application/json-seq", "application/jsonx", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/json"]) {
    test(`content-type ${type ?? "(none)"} → 415 unsupported_media_type`, async () => {
      const request = new Request("http://localhost/api/login", { method: "POST", body: loginOfSize(100), headers: type ? { "content-type": type } : {} });
      if (!type) request.headers.delete("content-type"); // a string body would default to text/plain
      assert.equal((await readFailure(request, 415)).code, "unsupported_media_type");
    });
  }

  test("a declared Content-Length over the limit → 413 before reading", async () => {
    const request = post("{}", { "content-type": "application/json", "content-length": String(MAX_JSON_BYTES + 1) });
    assert.equal((await readFailure(request, 413)).code, "body_too_large");
    assert.equal(request.bodyUsed, false);
  });

  test("an actual body over the limit, with no Content-Length → 413", async () => {
    assert.equal((await readFailure(post(loginOfSize(MAX_JSON_BYTES + 1)), 413)).code, "body_too_large");
  });

  test("a chunked body (a stream, no Content-Length) over the limit → 413, without reading it all", async () => {
    const chunk = new TextEncoder().encode("x".repeat(4096));
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(chunk);
        if (pulled === 100) controller.close();
      },
    });
    const request = new Request("http://localhost/api/login", {
      method: "POST",
      body: stream,
      headers: { "content-type": "application/json" },
      duplex: "half",
    } as RequestInit);
    assert.equal(request.headers.get("content-length"), null);
    assert.equal((await readFailure(request, 413)).code, "body_too_large");
    assert.ok(pulled < 10, `read ${pulled} chunks of 4 KiB`);
  });

  test("invalid UTF-8 → 400, not a replacement character passed on", async () => {
    const bytes = Buffer.concat([Buffer.from('{"email":"a@example.com","password":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);
    const request = new Request("http://localhost/api/login", { method: "POST", body: bytes, headers: { "content-type": "application/json" } });
    assert.equal((await readFailure(request, 400)).code, "unreadable_body");
  });

  test("the limit is in bytes, not characters", async () => {
    const body = JSON.stringify({ email: "a@example.com", password: "é".repeat(MAX_JSON_BYTES / 2) });
    assert.ok(body.length < MAX_JSON_BYTES);
    assert.equal((await readFailure(post(body), 413)).code, "body_too_large");
  });

  test("exactly the limit is accepted", async () => {
    const body = loginOfSize(MAX_JSON_BYTES);
    assert.equal(Buffer.byteLength(body), MAX_JSON_BYTES);
    assert.equal((await readJsonBody(post(body), loginSchema)).ok, true);
  });

  for (const body of ["", "{", "{'email': 1}", "undefined", '{"email":"a@example.com",}']) {
    test(`${JSON.stringify(body)} → 400 invalid_json`, async () => {
      assert.equal((await readFailure(post(body), 400)).code, "invalid_json");
    });
  }

  test("wrong shape → 400 invalid_input listing each field", async () => {
    const error = await readFailure(post(JSON.stringify({ email: "not-an-email" })), 400);
    assert.equal(error.code, "invalid_input");
    const fields = (error.details as { field: string; problem: string }[]).map((d) => d.field).sort();
    assert.deepEqual(fields, ["email", "password"]);
  });

  for (const body of ["[1,2]", "null", '"text"', "42"]) {
    test(`a body that is not an object (${body}) → invalid_input in our words`, async () => {
      const error = await readFailure(post(body), 400);
      assert.equal(error.code, "invalid_input");
      assert.equal(error.message, "The body must be a JSON object.");
    });
  }

  test("a field of the wrong type is described in our words, not zod's", async () => {
    const error = await readFailure(post(JSON.stringify({ email: 42, password: ["x"] })), 400);
    const problems = (error.details as { field: string; problem: string }[]).map((d) => `${d.field} ${d.problem}`);
    assert.ok(problems.every((text) => !/Invalid input|received/.test(text)), problems.join("; "));
  });
});

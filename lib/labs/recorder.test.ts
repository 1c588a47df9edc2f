import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import { after, before, describe, test } from "node:test";
import { answerCode, cookieFrom, createLabClient } from "./recorder.ts";

/** A real HTTP server: the recorder's job is to write down real exchanges. */
let server: Server;
let origin: string;
const SEAL = `Fe26.2*1*${"x".repeat(200)}~2`;

before(async () => {
  server = createServer((request, response) => {
    if (request.url === "/slow") return; // never answers
    if (request.url === "/login") {
      response.setHeader("set-cookie", [`svj-session=${SEAL}; Path=/; HttpOnly`, "other=1"]);
      response.setHeader("content-type", "application/json");
      return response.end(JSON.stringify({ accessToken: "eyJhbGciOiJIUzI1NiJ9.payload.signature" }));
    }
    response.statusCode = 401;
    response.setHeader("content-type", "application/json");
    response.end(JSON.stringify({ error: { code: "session_unknown", message: "No such session." }, echo: request.headers.cookie ?? null }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});

after(() => server.close());

describe("createLabClient", () => {
  test("sends the credential in full, records it shortened, with status and body", async () => {
    const client = createLabClient(origin);
    const answer = await client.send("Replay", { path: "/me", cookie: { name: "svj-session", value: SEAL }, decisive: true });
    assert.equal(answer.status, 401);
    assert.equal((answer.body as { echo: string }).echo, `svj-session=${SEAL}`, "the server got the whole cookie");
    const [step] = client.steps;
    assert.equal(step?.request.headers.cookie, `svj-session=Fe26.2*1…(${SEAL.length} bytes)`);
    assert.equal(step?.response?.status, 401);
    assert.equal(step?.decisive, true);
    assert.match(JSON.stringify(step?.response?.body), /session_unknown/);
    assert.equal(answerCode(answer), "session_unknown");
  });

  test("Set-Cookie values come back whole to the lab, shortened in the transcript; JSON bodies are redacted", async () => {
    const client = createLabClient(origin);
    const answer = await client.send("Log in", { method: "POST", path: "/login", json: { email: "a@labs.invalid", password: "secret-secret" } });
    assert.equal(cookieFrom(answer.setCookies, "svj-session"), SEAL);
    assert.equal(cookieFrom(answer.setCookies, "missing"), undefined);
    const [step] = client.steps;
    assert.deepEqual(step?.request.body, { email: "a@labs.invalid", password: "(throwaway password, not shown)" });
    assert.match(step?.response?.headers["set-cookie"] ?? "", /^svj-session=Fe26\.2\*1…\(\d+ bytes\); Path=\/; HttpOnly\nother=1$/);
    assert.equal((step?.response?.body as { accessToken: string }).accessToken, "eyJhbGci…(38 bytes)");
    assert.equal(answerCode(answer), "accepted");
  });

  test("a server-side event is attached to the next exchange only", async () => {
    const client = createLabClient(origin);
    client.happened("The database went away.");
    await client.send("During", { path: "/me" });
    await client.send("After", { path: "/me" });
    assert.equal(client.steps[0]?.after, "The database went away.");
    assert.equal(client.steps[1]?.after, undefined);
  });

  test("no answer in time is recorded as such, not thrown", async () => {
    const client = createLabClient(origin);
    const answer = await client.send("Slow", { path: "/slow", timeoutMs: 50 });
    assert.equal(answer.status, null);
    assert.equal(answerCode(answer), "no_answer");
    assert.equal(client.steps[0]?.response, null);
    assert.equal(client.steps[0]?.error, "No answer in time.");
  });
});

describe("answerCode", () => {
  test("our error code, else the status", () => {
    assert.equal(answerCode({ status: 204, body: null }), "accepted");
    assert.equal(answerCode({ status: 501, body: { error: { code: "session_store_required" } } }), "session_store_required");
    assert.equal(answerCode({ status: 502, body: "<html>" }), "http_502");
  });
});

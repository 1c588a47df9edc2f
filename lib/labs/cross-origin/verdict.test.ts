import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { judgeJwt, judgeSession, type CrossOriginObservations, type FetchOutcome } from "./verdict.ts";

const ok = (body: unknown = {}): FetchOutcome => ({ kind: "answered", status: 200, body });
const blocked: FetchOutcome = { kind: "blocked", message: "Failed to fetch" };
const probe = (session: boolean): FetchOutcome => ok({ cookiesArrived: { session, jwt: false }, secFetchSite: "cross-site" });

const observed: CrossOriginObservations = { bearer: ok(), bearerWithoutCors: blocked, cookieCredentialed: blocked, probe: probe(false) };

describe("judgeJwt", () => {
  test("a 200 with Bearer, and a block without CORS: works, and CORS is why", () => {
    const verdict = judgeJwt(observed);
    assert.equal(verdict.outcome, "works_cross_origin");
    assert.deepEqual(verdict.reasons, ["bearer_200", "no_cors_blocked"]);
  });

  test("a refused token is no evidence either way", () => {
    assert.equal(judgeJwt({ ...observed, bearer: { kind: "answered", status: 401, body: {} } }).outcome, "inconclusive");
    assert.equal(judgeJwt({ ...observed, bearer: blocked }).outcome, "inconclusive");
  });
});

describe("judgeSession", () => {
  test("the cookie stayed home and the answer was unreadable: blocked, for both reasons", () => {
    const verdict = judgeSession(observed);
    assert.equal(verdict.outcome, "blocked_cross_origin");
    assert.deepEqual(verdict.reasons, ["cookie_not_sent_samesite", "credentialed_response_blocked_cors"]);
  });

  test("a cookie that did arrive is reported, not explained away", () => {
    assert.equal(judgeSession({ ...observed, probe: probe(true) }).outcome, "works_cross_origin");
  });

  test("no probe answer: inconclusive", () => {
    assert.equal(judgeSession({ ...observed, probe: blocked }).outcome, "inconclusive");
  });
});

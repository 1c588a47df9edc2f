import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { answersQuery, DEFAULT_ANSWERS, parseAnswers, QUESTIONS } from "./questions.ts";

describe("parseAnswers", () => {
  test("at most eight questions, each with plain choices", () => {
    assert.ok(QUESTIONS.length <= 8);
    for (const question of QUESTIONS) assert.ok(question.choices.length >= 2);
  });

  test("an empty query: the defaults, not yet answered", () => {
    assert.deepEqual(parseAnswers({}), { ok: true, answers: DEFAULT_ANSWERS, answered: false });
  });

  test("a permalink round-trips", () => {
    const answers = { ...DEFAULT_ANSWERS, clients: "native", peakRps: "more", instances: "regions" } as const;
    const query = Object.fromEntries(new URLSearchParams(answersQuery(answers)));
    assert.deepEqual(parseAnswers(query), { ok: true, answers, answered: true });
  });

  test("an unknown value is a message naming the link's parameter and what it accepts, never a guess", () => {
    const parsed = parseAnswers({ peakRps: "lots", clients: "native" });
    assert.equal(parsed.ok, false);
    if (parsed.ok) return;
    assert.deepEqual(Object.keys(parsed.errors), ["peakRps"]);
    assert.equal(parsed.errors.peakRps?.received, "lots");
    assert.match(parsed.errors.peakRps!.message, /^peakRps="lots" is not a choice of “Peak authenticated requests per second”; it accepts 1k \(Up to 1,000\), 10k .*, more \(More than 100,000\)\.$/);
    assert.equal(parsed.answers.clients, "native");
  });

  test("the review's link (clients=zzz&peakRps=%00): both named, the NUL shown escaped, the readable answers kept, the rest at their first choice", () => {
    const parsed = parseAnswers({ clients: "zzz", peakRps: "\u0000", services: "some", revocation: "here" });
    assert.equal(parsed.ok, false);
    if (parsed.ok) return;
    assert.deepEqual(Object.keys(parsed.errors).sort(), ["clients", "peakRps"]);
    assert.match(parsed.errors.clients!.message, /^clients="zzz" .* accepts browser \(Browsers only\), native \(Browsers and native or mobile apps\)\.$/);
    assert.ok(parsed.errors.peakRps!.message.startsWith('peakRps="\\u0000" '), parsed.errors.peakRps!.message);
    assert.ok(!parsed.errors.peakRps!.message.includes("\u0000"), "no raw NUL in the page's text");
    assert.deepEqual(parsed.answers, { ...DEFAULT_ANSWERS, services: "some", revocation: "here" });
  });

  test("a long unknown value is shown cut, not whole", () => {
    const parsed = parseAnswers({ limits: "x".repeat(5000) });
    assert.ok(!parsed.ok && parsed.errors.limits!.message.length < 300);
  });

  test("a repeated parameter counts once, the first", () => {
    const parsed = parseAnswers({ clients: ["native", "browser"] });
    assert.ok(parsed.ok && parsed.answers.clients === "native");
  });

  test("a parameter that is not a question is ignored", () => {
    assert.deepEqual(parseAnswers({ utm_source: "x", __proto__: "y" }), { ok: true, answers: DEFAULT_ANSWERS, answered: false });
  });
});

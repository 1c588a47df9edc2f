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

  test("an unknown value is a message naming the question and its choices, never a guess", () => {
    const parsed = parseAnswers({ peakRps: "lots", clients: "native" });
    assert.equal(parsed.ok, false);
    if (parsed.ok) return;
    assert.deepEqual(Object.keys(parsed.errors), ["peakRps"]);
    assert.match(parsed.errors.peakRps!, /Peak authenticated requests per second.*Up to 1,000/);
    assert.equal(parsed.answers.clients, "native");
  });

  test("a repeated parameter counts once, the first", () => {
    const parsed = parseAnswers({ clients: ["native", "browser"] });
    assert.ok(parsed.ok && parsed.answers.clients === "native");
  });

  test("a parameter that is not a question is ignored", () => {
    assert.deepEqual(parseAnswers({ utm_source: "x", __proto__: "y" }), { ok: true, answers: DEFAULT_ANSWERS, answered: false });
  });
});

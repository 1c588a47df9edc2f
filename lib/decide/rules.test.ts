import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { RECOMMENDATIONS, type Recommendation } from "./configuration.ts";
import { DEFAULT_ANSWERS, everyCombination, QUESTIONS, type Answers } from "./questions.ts";
import { decide } from "./rules.ts";
import { SOURCES } from "./sources.ts";

const documentedEnv = new Set([...readFileSync(new URL("../../.env.example", import.meta.url), "utf8").matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((match) => match[1]));
const answers = (changes: Partial<Answers>): Answers => ({ ...DEFAULT_ANSWERS, ...changes });

describe("decide: every combination of answers", () => {
  const all = [...everyCombination()];

  test("is every combination: the product of the choices", () => {
    assert.equal(all.length, QUESTIONS.reduce((product, question) => product * question.choices.length, 1));
    assert.equal(new Set(all.map((one) => JSON.stringify(one))).size, all.length);
  });

  test("gets a recommendation, a reason, a configuration that names real variables, and only known sources", () => {
    for (const one of all) {
      const decision = decide(one);
      const where = JSON.stringify(one);
      assert.ok(RECOMMENDATIONS.includes(decision.recommendation), where);
      assert.ok(decision.reasons.length > 0, `no reason for ${where}`);
      for (const claim of [...decision.reasons, ...decision.tradeOffs, ...decision.unmet]) {
        assert.ok(claim.because.length > 0, `a claim tied to no answer for ${where}: ${claim.text}`);
        assert.ok(claim.sources.length > 0, `an unsourced claim for ${where}: ${claim.text}`);
        for (const source of claim.sources) assert.ok(source in SOURCES, source);
      }
      for (const [name] of decision.configuration.env) assert.ok(documentedEnv.has(name), `${name} is not in .env.example`);
      const jwtMode = decision.recommendation === "jwt" || decision.recommendation === "jwt-revocation-check";
      assert.equal(decision.configuration.mode, jwtMode ? "jwt" : "session", where);
    }
  });

  test("reaches every recommendation", () => {
    const reached = new Set(all.map((one) => decide(one).recommendation));
    assert.deepEqual([...reached].sort(), [...RECOMMENDATIONS].sort());
  });

  test("never recommends a store to a fleet that has none", () => {
    for (const one of all.filter((candidate) => candidate.instances !== "one" && candidate.sharedStore === "no")) assert.equal(decide(one).recommendation, "jwt");
  });

  test("never leaves an at-once requirement silently unmet by a store-free token", () => {
    for (const one of all.filter((candidate) => candidate.revocation !== "minutes")) {
      const decision = decide(one);
      if (decision.recommendation === "jwt") assert.ok(decision.unmet.some((claim) => claim.because.includes("revocation")), JSON.stringify(one));
    }
  });
});

describe("decide: the interesting cases, and why", () => {
  const cases: { name: string; answers: Partial<Answers>; expect: Recommendation; why: RegExp }[] = [
    { name: "one browser app: nothing a token would add", answers: {}, expect: "session", why: /simplest credential/ },
    { name: "mobile clients do not change it (the advice 'mobile means JWT' is corrected)", answers: { clients: "native" }, expect: "session", why: /nothing about a phone requires a JWT/ },
    { name: "a fleet with no shared store can only verify signatures", answers: { instances: "several", sharedStore: "no", revocation: "here" }, expect: "jwt", why: /share no store/ },
    { name: "other services: the browser keeps its cookie, services get ≤ 60 s tokens", answers: { services: "some", revocation: "here" }, expect: "hybrid", why: /at most 60 s/ },
    { name: "API consumers on other domains: the same exchange, one audience each", answers: { crossOrigin: "yes" }, expect: "hybrid", why: /other domains get/ },
    { name: "services that must stop at once, and can reach the store: each checks it", answers: { services: "some", revocation: "everywhere" }, expect: "jwt-revocation-check", why: /ask the shared store on every request/ },
    { name: "more than 100k rps, minutes accepted, no idle limit: the read is the cost left", answers: { peakRps: "more" }, expect: "jwt", why: /only design without it/ },
    { name: "more than 100k rps but an idle limit: cache the read, keep the session", answers: { peakRps: "more", limits: "yes", instances: "several" }, expect: "session-push-cache", why: /evicts on every instance/ },
    { name: "10k–100k rps with revocation at once: the push cache, not a token", answers: { peakRps: "100k", revocation: "here", instances: "several" }, expect: "session-push-cache", why: /grows with your load/ },
    { name: "several regions: reads cross regions, so they are cached", answers: { instances: "regions" }, expect: "session-push-cache", why: /warm checks from memory/ },
    { name: "one instance with no shared store still has its own database", answers: { sharedStore: "no" }, expect: "session", why: /its own database/ },
  ];
  for (const { name, answers: changes, expect, why } of cases) {
    test(name, () => {
      const decision = decide(answers(changes));
      assert.equal(decision.recommendation, expect);
      assert.ok(decision.reasons.some((reason) => why.test(reason.text)), decision.reasons.map((reason) => reason.text).join("\n"));
    });
  }

  test("services that must stop at once but cannot reach the store: hybrid, and the gap is said", () => {
    const decision = decide(answers({ services: "some", revocation: "everywhere", sharedStore: "no" }));
    assert.equal(decision.recommendation, "hybrid");
    assert.match(decision.unmet[0]?.text ?? "", /≤ 60 s/);
  });

  test("a store-free fleet asked for idle limits: the limit is named as unmet", () => {
    const decision = decide(answers({ instances: "several", sharedStore: "no", limits: "yes" }));
    assert.ok(decision.unmet.some((claim) => claim.because.includes("limits")));
  });

  test("the common advice is corrected only where the answers make it relevant", () => {
    assert.deepEqual(decide(answers({})).corrections, []);
    const ids = decide(answers({ clients: "native", peakRps: "100k", revocation: "here", instances: "several" })).corrections.map((correction) => correction.id);
    assert.deepEqual(ids, ["mobile-means-jwt", "scale-means-jwt", "blocklist-fixes-jwt", "sessions-need-sticky"]);
    for (const correction of decide(answers({ clients: "native", instances: "several", revocation: "here" })).corrections) {
      assert.ok(correction.sources.some((source) => SOURCES[source].href.startsWith("https://")), `${correction.id} cites no published guidance`);
      assert.ok(correction.sources.some((source) => SOURCES[source].href.startsWith("/")), `${correction.id} cites no evidence of this site`);
    }
  });

  test("the configuration follows the answers: a fleet gets PostgreSQL and Redis, the push cache its switch", () => {
    const env = new Map(decide(answers({ instances: "regions" })).configuration.env);
    assert.equal(env.get("SESSION_CACHE"), "push");
    assert.match(env.get("DATABASE_URL") ?? "", /^postgresql:/);
    assert.ok(env.has("REDIS_URL"));
    assert.deepEqual(decide(answers({ instances: "regions" })).configuration.commands, ["npm run fleet"]);
    assert.equal(new Map(decide(answers({ peakRps: "more" })).configuration.env).get("JWT_REVOCATION_CHECK"), "none");
  });

  test("a lifetime a claim quotes is the configuration's, and names it, not \"here\" (which reads as this server)", () => {
    const decision = decide(answers({ peakRps: "more" }));
    const ttl = new Map(decision.configuration.env).get("JWT_ACCESS_TTL_SECONDS");
    const claim = decision.tradeOffs.find((one) => one.text.includes("JWT_ACCESS_TTL_SECONDS"));
    assert.ok(ttl && claim, "the stateless JWT's trade-off quotes its access-token lifetime");
    assert.match(claim.text, new RegExp(`matching configuration below sets it to ${ttl} s`));
    assert.doesNotMatch(claim.text, /\d+ s here/);
  });
});

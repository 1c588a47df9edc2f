import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { checkPasswordStrength, MIN_STRENGTH_SCORE, personalWords } from "./password-strength.ts";

describe("checkPasswordStrength", () => {
  test("a common password is refused with the library's feedback", () => {
    const verdict = checkPasswordStrength("password1234", []);
    assert.equal(verdict.ok, false);
    if (verdict.ok) return;
    assert.ok(verdict.score < MIN_STRENGTH_SCORE);
    assert.ok(verdict.warning !== null || verdict.suggestions.length > 0, "feedback for the user");
  });

  test("a keyboard walk and a repeat are refused", () => {
    assert.equal(checkPasswordStrength("qwertyuiopasdf", []).ok, false);
    assert.equal(checkPasswordStrength("aaaaaaaaaaaaaaaa", []).ok, false);
  });

  test("a long random passphrase passes", () => {
    const verdict = checkPasswordStrength("vellum-orbit-cactus-91-lantern", []);
    assert.equal(verdict.ok, true);
  });

  test("the user's own name and e-mail count against the password", () => {
    const password = "quentin.vasquez";
    const words = personalWords("quentin.vasquez@example.com", "Quentin Vasquez");
    assert.equal(checkPasswordStrength(password, []).ok, true, "strong enough for a stranger");
    const verdict = checkPasswordStrength(password, words);
    assert.equal(verdict.ok, false, "weak for this person");
    assert.ok(words.includes("quentin") && words.includes("vasquez") && words.includes("example"));
  });
});

describe("your own name as the password (issue 22 item 2)", () => {
  const words = personalWords("erin@example.test", "Erin Tester");
  for (const password of ["erin tester 1", "tester erin 99", "Erin-Tester-2026", "erintester12", "ErinTester!!!!"]) {
    test(`"${password}" is refused for Erin Tester, with feedback that says why`, () => {
      const verdict = checkPasswordStrength(password, words);
      assert.equal(verdict.ok, false);
      if (!verdict.ok) assert.ok(verdict.warning, "a warning the form can show");
    });
  }
  test("a passphrase that merely contains the name is judged on the rest", () => {
    assert.equal(checkPasswordStrength("erin vellum orbit cactus", words).ok, true);
  });
});

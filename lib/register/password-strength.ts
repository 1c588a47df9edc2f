import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as english from "@zxcvbn-ts/language-en";
import { processLocal } from "../state/process-local.ts";
import { madeOfPersonalWords, PERSONAL_WORDS_WARNING } from "./personal-words.ts";

export { personalWords } from "./personal-words.ts";

/**
 * ASVS 5.0 §6.2.4 / §6.2.12: refuse passwords found in breach and common-password lists, with a
 * kept library rather than a hand-written list. zxcvbn-ts ships its dictionaries in the npm
 * package, so the check runs offline and no password leaves the process.
 */

/** zxcvbn's 3: "safely unguessable" for an online attack that is throttled (10^8+ guesses). */
export const MIN_STRENGTH_SCORE = 3;

export type StrengthVerdict = { ok: true; score: number } | { ok: false; score: number; warning: string | null; suggestions: string[] };

// Built once per process: the dictionaries are decompressed and ranked when the factory is made.
function estimator(): ZxcvbnFactory {
  return processLocal(
    "register:zxcvbn",
    () =>
      new ZxcvbnFactory({
        dictionary: { ...common.dictionary, ...english.dictionary },
        graphs: common.adjacencyGraphs,
        translations: english.translations,
      }),
  );
}

/**
 * `userInputs` (name, e-mail and its parts) count as dictionary words, so "alice-example-2026…"
 * scores as weak for alice@example.com. zxcvbn only looks at the first 256 characters.
 */
export function checkPasswordStrength(password: string, userInputs: string[]): StrengthVerdict {
  const result = estimator().check(password.slice(0, 256), userInputs.filter((input) => input.length > 0));
  if (madeOfPersonalWords(password, userInputs)) {
    return { ok: false, score: Math.min(result.score, 1), warning: PERSONAL_WORDS_WARNING, suggestions: ["Add a few words that have nothing to do with you."] };
  }
  if (result.score >= MIN_STRENGTH_SCORE) return { ok: true, score: result.score };
  return { ok: false, score: result.score, warning: result.feedback.warning || null, suggestions: result.feedback.suggestions };
}

/**
 * Built and exercised at start-up (instrumentation.ts): the first check otherwise pays for
 * decompressing the dictionaries and a cold JIT, several hundred ms that a new sign-up would
 * wait for and a prober could time.
 */
export function warmUpStrengthCheck(): void {
  checkPasswordStrength("warm-up-the-dictionaries-1365a4a8", ["warm", "up"]);
}

import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as english from "@zxcvbn-ts/language-en";
import { madeOfPersonalWords, PERSONAL_WORDS_WARNING, personalWords } from "@/lib/register/personal-words";

/**
 * The sign-up form's live estimate: the same library, dictionaries and personal words as the
 * server's check (lib/register/password-strength.ts), loaded only once the visitor types a
 * password (the dictionaries are large). Advice only: the server judges the submitted form.
 */

export interface Estimate {
  score: 0 | 1 | 2 | 3 | 4;
  warning: string | null;
  suggestions: string[];
}

const estimator = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...english.dictionary },
  graphs: common.adjacencyGraphs,
  translations: english.translations,
});

export function estimate(password: string, email: string, name: string): Estimate {
  const words = personalWords(email, name);
  const result = estimator.check(password.slice(0, 256), words);
  if (madeOfPersonalWords(password, words)) {
    return { score: Math.min(result.score, 1) as Estimate["score"], warning: PERSONAL_WORDS_WARNING, suggestions: ["Add a few words that have nothing to do with you."] };
  }
  return { score: result.score, warning: result.feedback.warning || null, suggestions: result.feedback.suggestions };
}

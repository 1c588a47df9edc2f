/**
 * What an attacker who targets this person would try first: their name and e-mail, in the
 * forms people build passwords from. Shared by the server's check and the sign-up form's live
 * meter (no server-only: nothing secret here), so both judge the same words.
 */

/** The words zxcvbn should treat as known to an attacker who targets this person. */
export function personalWords(email: string, name: string): string[] {
  const [local = "", domain = ""] = email.trim().toLowerCase().split("@");
  const names = name.trim().toLowerCase().split(/\s+/).filter((part) => part.length > 0);
  const joined = names.length > 1 ? [names.join(" "), names.join(""), names.join("."), names.join("-"), names.join("_"), [...names].reverse().join("")] : [];
  const words = [email.trim().toLowerCase(), local, ...local.split(/[._+-]/), ...domain.split("."), ...names, ...joined];
  return [...new Set(words.filter((word) => word.length > 0))];
}

/** Fewer letters than this left once the person's own words are taken out: made of them. */
const MIN_OTHER_LETTERS = 4;

/**
 * True when the password is the person's own words plus digits and punctuation, in any order
 * ("tester erin 99" for Erin Tester): zxcvbn rates a reordering of user inputs generously.
 * Words under three letters are not taken out (an initial would match everywhere).
 */
export function madeOfPersonalWords(password: string, words: string[]): boolean {
  const lower = password.toLowerCase();
  let rest = lower;
  for (const word of [...words].filter((w) => w.length >= 3).sort((a, b) => b.length - a.length)) rest = rest.split(word).join(" ");
  if (rest === lower) return false;
  return rest.replace(/[^\p{L}]/gu, "").length < MIN_OTHER_LETTERS;
}

export const PERSONAL_WORDS_WARNING = "Your own name or e-mail address makes a password easy to guess for anyone who knows you.";

/**
 * The decision guide's questions (issue 21: at most eight, plain choices) and the one parser
 * every entry point shares — the GET form, the permalink and the decision-record route. Pure:
 * query values in, answers or one message per question out, never a throw.
 */

export const QUESTIONS = [
  {
    id: "clients",
    label: "Who calls your app?",
    choices: [
      { value: "browser", label: "Browsers only" },
      { value: "native", label: "Browsers and native or mobile apps" },
    ],
  },
  {
    id: "services",
    label: "Must other services of yours know who the user is?",
    choices: [
      { value: "none", label: "No, one app answers everything" },
      { value: "some", label: "Yes, other services act for the user" },
    ],
  },
  {
    id: "crossOrigin",
    label: "Do API consumers on other domains call it?",
    choices: [
      { value: "no", label: "No, only our own pages" },
      { value: "yes", label: "Yes, from other domains" },
    ],
  },
  {
    id: "revocation",
    label: "Must a logout or a ban take effect at once?",
    choices: [
      { value: "minutes", label: "Within minutes is fine" },
      { value: "here", label: "At once, in this app" },
      { value: "everywhere", label: "At once, on every service" },
    ],
  },
  {
    id: "peakRps",
    label: "Peak authenticated requests per second",
    choices: [
      { value: "1k", label: "Up to 1,000" },
      { value: "10k", label: "1,000 to 10,000" },
      { value: "100k", label: "10,000 to 100,000" },
      { value: "more", label: "More than 100,000" },
    ],
  },
  {
    id: "instances",
    label: "How many app instances, in how many regions?",
    choices: [
      { value: "one", label: "One instance" },
      { value: "several", label: "Several, one region" },
      { value: "regions", label: "Several regions" },
    ],
  },
  {
    id: "sharedStore",
    label: "Can every instance reach a shared store (a database or Redis)?",
    choices: [
      { value: "yes", label: "Yes" },
      { value: "no", label: "No" },
    ],
  },
  {
    id: "limits",
    label: "Do you need idle and absolute session limits?",
    choices: [
      { value: "no", label: "No" },
      { value: "yes", label: "Yes (e.g. 2 h idle, 7 days absolute)" },
    ],
  },
] as const;

type Question = (typeof QUESTIONS)[number];
export type QuestionId = Question["id"];
export type Answers = { [Q in Question as Q["id"]]: Q["choices"][number]["value"] };

/** The first choice of each question: what the form shows before anything is answered. */
export const DEFAULT_ANSWERS = Object.fromEntries(QUESTIONS.map((question) => [question.id, question.choices[0].value])) as Answers;

export function choiceLabel(id: QuestionId, value: string): string {
  const question = QUESTIONS.find((candidate) => candidate.id === id)!;
  return question.choices.find((choice) => choice.value === value)?.label ?? value;
}

/** An answer in the link that is not one of its question's choices: what came, what it accepts. */
export interface UnreadableAnswer {
  received: string;
  message: string;
}

export type ParsedAnswers =
  /** answered: false when the query named no question at all (the form is shown, no answer yet). */
  | { ok: true; answers: Answers; answered: boolean }
  /** answers: the ones the link gave that are choices; each unreadable one is left at its first choice, as a missing one is. */
  | { ok: false; errors: Partial<Record<QuestionId, UnreadableAnswer>>; answers: Answers };

/** The value as the reader can see it: quoted and escaped (a NUL shows as \u0000), at most 40 characters. */
function shown(value: string): string {
  const quoted = JSON.stringify(value);
  return quoted.length > 42 ? `${quoted.slice(0, 40)}…"` : quoted;
}

/**
 * A missing answer takes the first choice; an unknown one is a message naming the link's
 * parameter and the values it accepts (never a guess at what was meant), and the other answers
 * are kept.
 */
export function parseAnswers(query: Record<string, string | string[] | undefined>): ParsedAnswers {
  const answers: Record<string, string> = { ...DEFAULT_ANSWERS };
  const errors: Partial<Record<QuestionId, UnreadableAnswer>> = {};
  let answered = false;
  for (const question of QUESTIONS) {
    const raw = query[question.id];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined || value === "") continue;
    answered = true;
    const known = question.choices.some((choice) => choice.value === value);
    if (known) answers[question.id] = value;
    else {
      const accepted = question.choices.map((choice) => `${choice.value} (${choice.label})`).join(", ");
      errors[question.id] = { received: value, message: `${question.id}=${shown(value)} is not a choice of “${question.label}”; it accepts ${accepted}.` };
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors, answers: answers as Answers };
  return { ok: true, answers: answers as Answers, answered };
}

/** The permalink's query: every answer, in the questions' order. */
export function answersQuery(answers: Answers): string {
  return new URLSearchParams(QUESTIONS.map((question) => [question.id, answers[question.id]])).toString();
}

/** Every combination of answers, for the exhaustive tests. */
export function* everyCombination(): Generator<Answers> {
  const walk = function* (index: number, partial: Record<string, string>): Generator<Answers> {
    if (index === QUESTIONS.length) return yield { ...partial } as Answers;
    const question = QUESTIONS[index]!;
    for (const choice of question.choices) yield* walk(index + 1, { ...partial, [question.id]: choice.value });
  };
  yield* walk(0, {});
}

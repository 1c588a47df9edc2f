import type { Measure, Verdict } from "../types.ts";

/** The tampering lab's judgement: every forgery refused, and the untouched credential accepted. */

export interface TamperObservation {
  label: string;
  /** The code this app is designed to answer with. */
  expected: string;
  /** answerCode() of what it did answer. */
  observed: string;
}

export function judgeTampering(control: string, cases: TamperObservation[]): { verdict: Verdict; measures: Record<string, Measure> } {
  const refused = cases.filter((one) => one.observed !== "accepted" && one.observed !== "no_answer");
  const accepted = cases.filter((one) => one.observed === "accepted");
  const unexpected = refused.filter((one) => one.observed !== one.expected);
  const measures = { forgeries: cases.length, refused: refused.length, accepted: accepted.length, refusedWithAnotherCode: unexpected.length };
  const reasonCodes = cases.map((one) => one.observed);
  if (control !== "accepted") {
    const headline = `The untouched credential was refused (${control}), so the refusals below prove nothing.`;
    return { measures, verdict: { outcome: "control_refused", tone: "inconclusive", headline, reasonCodes } };
  }
  if (accepted.length > 0) {
    const headline = `${accepted.length} of ${cases.length} forgeries were accepted: ${accepted.map((one) => one.label).join("; ")}.`;
    return { measures, verdict: { outcome: "forgery_accepted", tone: "exposed", headline, reasonCodes } };
  }
  if (refused.length < cases.length) {
    return { measures, verdict: { outcome: "no_answer", tone: "inconclusive", headline: "A forgery got no answer; nothing can be concluded.", reasonCodes } };
  }
  const codes = unexpected.length === 0 ? "each with its own code" : `${unexpected.length} with another code than designed`;
  return {
    measures,
    verdict: {
      outcome: "all_refused",
      tone: "safe",
      headline: `All ${cases.length} forgeries were refused (${codes}); the untouched credential was accepted.`,
      reasonCodes,
    },
  };
}

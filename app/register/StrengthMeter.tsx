"use client";

import { useEffect, useState } from "react";
import type { Estimate } from "./strength-estimator";

/** zxcvbn's 3 is what the server asks for (lib/register/password-strength.ts MIN_STRENGTH_SCORE). */
const ENOUGH = 3;
const WORDS = ["Very weak", "Weak", "Fair", "Strong", "Very strong"] as const;
const BAR = ["bg-red-500", "bg-red-500", "bg-amber-500", "bg-emerald-500", "bg-emerald-600"] as const;
const WIDTH = ["w-1/12", "w-1/4", "w-1/2", "w-3/4", "w-full"] as const;

type Estimator = (password: string, email: string, name: string) => Estimate;

/**
 * Live strength as the visitor types, with the library's own feedback; the estimator (and its
 * dictionaries) is fetched on the first keystroke. The server still decides on submit.
 */
export function StrengthMeter({ password, email, name }: { password: string; email: string; name: string }): React.ReactNode {
  const [estimator, setEstimator] = useState<Estimator | null>(null);
  useEffect(() => {
    if (password.length === 0 || estimator) return;
    let current = true;
    void import("./strength-estimator").then((module) => {
      if (current) setEstimator(() => module.estimate);
    });
    return () => {
      current = false;
    };
  }, [password, estimator]);
  if (password.length === 0) return null;
  if (!estimator) return <p className="mt-1 text-xs text-slate-500">Checking strength…</p>;
  const { score, warning, suggestions } = estimator(password, email, name);
  const tooShort = password.length < 12;
  return (
    <div className="mt-2" data-testid="strength-meter">
      <div className="h-1.5 w-full rounded bg-slate-200" aria-hidden="true">
        <div className={`h-1.5 rounded ${BAR[score]} ${WIDTH[score]}`} />
      </div>
      <p className="mt-1 text-xs text-slate-700" role="status">
        Strength: {WORDS[score]}
        {tooShort ? " — use at least 12 characters." : score >= ENOUGH ? " — good enough." : " — too easy to guess."}
        {warning ? ` ${warning}` : ""}
      </p>
      {score < ENOUGH && suggestions.length > 0 ? (
        <ul className="mt-1 list-disc pl-5 text-xs text-slate-600">
          {suggestions.map((suggestion) => (
            <li key={suggestion}>{suggestion}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

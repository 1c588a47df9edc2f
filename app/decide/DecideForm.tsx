import { choiceLabel, QUESTIONS, type Answers, type QuestionId, type UnreadableAnswer } from "@/lib/decide/questions";

/**
 * The guide's questions as a GET form: without JavaScript, "Recommend" submits and the answer is
 * a permalink; with it, LiveUpdates re-renders the answer on every change. Radio groups, one
 * fieldset each, so every choice is labelled and reachable by keyboard.
 */

export const DECIDE_FORM_ID = "decide-form";

export function DecideForm({ answers, errors }: { answers: Answers; errors: Partial<Record<QuestionId, UnreadableAnswer>> }): React.ReactNode {
  const invalid = Object.keys(errors).length > 0;
  return (
    <form id={DECIDE_FORM_ID} method="get" action="/decide" className="space-y-4 rounded-xl border border-slate-200 bg-white p-4">
      {invalid ? (
        <div role="alert" className="rounded-md border border-rose-200 bg-rose-50 p-3 text-sm text-rose-800">
          <p className="font-medium">Some answers in this link are not among the choices. Until you pick one of each below, the recommendation takes the first choice for them, as it does for a question the link leaves out:</p>
          <ul className="mt-1 list-disc pl-5 [overflow-wrap:anywhere]">
            {QUESTIONS.filter((question) => errors[question.id]).map((question) => (
              <li key={question.id}>
                {errors[question.id]!.message} Taken as “{choiceLabel(question.id, answers[question.id])}” for now.
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="grid gap-4 md:grid-cols-2">
        {QUESTIONS.map((question) => (
          <fieldset key={question.id} className="min-w-0 rounded-md border border-slate-200 p-3" aria-invalid={errors[question.id] ? true : undefined}>
            <legend className="px-1 text-sm font-medium">{question.label}</legend>
            <div className="mt-1 space-y-1">
              {question.choices.map((choice) => (
                <label key={choice.value} className="flex items-start gap-2 text-sm">
                  <input type="radio" name={question.id} value={choice.value} defaultChecked={answers[question.id] === choice.value} className="mt-1" />
                  <span>{choice.label}</span>
                </label>
              ))}
            </div>
          </fieldset>
        ))}
      </div>
      <button type="submit" className="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white">
        Recommend
      </button>
    </form>
  );
}

import { type NextRequest } from "next/server";
import { parseAnswers } from "@/lib/decide/questions";
import { decisionRecord, decisionRecordFilename } from "@/lib/decide/record";
import { decide } from "@/lib/decide/rules";
import { evidenceFigures } from "@/lib/verdicts/evidence-figures";
import { loadHeadlines } from "@/lib/verdicts/load";

/**
 * GET /decide/record?<answers>: the decision as a Markdown ADR, downloaded with a filename.
 * Answers that are not among the choices go back to the form, which says which ones (303).
 */
export async function GET(request: NextRequest): Promise<Response> {
  const query: Record<string, string> = {};
  for (const [name, value] of request.nextUrl.searchParams) query[name] ??= value;
  const parsed = parseAnswers(query);
  if (!parsed.ok) return Response.redirect(new URL(`/decide?${request.nextUrl.searchParams}`, request.nextUrl.origin), 303);
  const now = new Date();
  const decision = decide(parsed.answers);
  const text = decisionRecord({ answers: parsed.answers, decision, figures: evidenceFigures(await loadHeadlines(), now), origin: request.nextUrl.origin, now });
  return new Response(text, {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="${decisionRecordFilename(decision, now)}"`,
      // The figures are live: never a stale copy from a cache.
      "Cache-Control": "no-store",
    },
  });
}

import { choiceLabel, QUESTIONS, answersQuery, type Answers } from "./questions.ts";
import { RECOMMENDATION_TITLES, type Claim, type Decision } from "./rules.ts";
import { SOURCES, type SourceId } from "./sources.ts";

/**
 * The decision as a Markdown architecture decision record (context, decision, consequences,
 * the evidence figures with their date and machine), for GET /decide/record. Pure: the route
 * gathers the figures and the clock; the text is made here and tested here.
 */

/** One measured figure as the record cites it; `measuredAt` null: not measured, `note` says how to. */
export interface EvidenceFigure {
  title: string;
  session: string;
  jwt: string;
  samples: string;
  source: string;
  measuredAt: string | null;
  machine: string;
  note?: string;
}

export interface RecordInput {
  answers: Answers;
  decision: Decision;
  figures: EvidenceFigure[];
  /** This site's origin: the record's links must work outside it. */
  origin: string;
  now: Date;
}

/** Table cells: a pipe or a line break would end the cell early. */
const cell = (text: string) => text.replaceAll("|", "\\|").replaceAll(/\s*\n\s*/g, " ");

function link(id: SourceId, origin: string): string {
  const { label, href } = SOURCES[id];
  return `[${label}](${href.startsWith("/") ? `${origin}${href}` : href})`;
}

function claimLines(claims: Claim[], answers: Answers, origin: string): string[] {
  return claims.map((claim) => {
    const because = claim.because.map((id) => `${QUESTIONS.find((question) => question.id === id)!.label.replace(/\?$/, "")}: ${choiceLabel(id, answers[id])}`).join("; ");
    return `- ${claim.text}\n  - Because: ${because}.\n  - Evidence: ${claim.sources.map((id) => link(id, origin)).join(", ")}.`;
  });
}

export function decisionRecordFilename(decision: Decision, now: Date): string {
  return `adr-${now.toISOString().slice(0, 10)}-${decision.recommendation}.md`;
}

export function decisionRecord({ answers, decision, figures, origin, now }: RecordInput): string {
  const title = RECOMMENDATION_TITLES[decision.recommendation];
  const { configuration } = decision;
  const lines = [
    `# Authentication: ${title}`,
    "",
    `- Status: proposed`,
    `- Date: ${now.toISOString().slice(0, 10)}`,
    `- Made with: ${origin}/decide?${answersQuery(answers)}`,
    "",
    "## Context",
    "",
    "| Question | Answer |",
    "|---|---|",
    ...QUESTIONS.map((question) => `| ${cell(question.label)} | ${cell(choiceLabel(question.id, answers[question.id]))} |`),
    "",
    "## Decision",
    "",
    `We use ${title.charAt(0).toLowerCase()}${title.slice(1)}, because:`,
    "",
    ...claimLines(decision.reasons, answers, origin),
    "",
    "## Consequences",
    "",
    "Trade-offs we accept:",
    "",
    ...claimLines(decision.tradeOffs, answers, origin),
    ...(decision.unmet.length > 0 ? ["", "Asked for, and not possible as asked (the nearest we get):", "", ...claimLines(decision.unmet, answers, origin)] : []),
    "",
    "### The reference app configured this way",
    "",
    `Log in with ${configuration.mode} mode, started with:`,
    "",
    "```sh",
    ...configuration.env.map(([name, value]) => `${name}=${value}`),
    ...configuration.commands,
    "```",
    "",
    ...configuration.watch.map((watch) => `- Watch it: [${watch.label}](${origin}${watch.href})`),
    ...(decision.corrections.length > 0
      ? ["", "## Advice we did not follow, and why", "", ...decision.corrections.flatMap((one) => [`- ${one.advice} ${one.correction}`, `  - Sources: ${one.sources.map((id) => link(id, origin)).join(", ")}.`])]
      : []),
    "",
    "## Evidence figures",
    "",
    "| Figure | Session | JWT | Samples | Source | Measured | Machine |",
    "|---|---|---|---|---|---|---|",
    ...figures.map((figure) =>
      figure.measuredAt === null
        ? `| ${cell(figure.title)} | — | — | 0 | ${cell(figure.source)} | not yet: ${cell(figure.note ?? "")} | ${cell(figure.machine)} |`
        : `| ${cell(figure.title)} | ${cell(figure.session)} | ${cell(figure.jwt)} | ${cell(figure.samples)} | ${cell(figure.source)} | ${figure.measuredAt} | ${cell(figure.machine)} |`,
    ),
    "",
  ];
  return lines.join("\n");
}

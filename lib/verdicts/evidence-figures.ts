import type { EvidenceFigure } from "../decide/record.ts";
import type { Headline, Slot } from "./types.ts";

/** The headline verdicts as the decision record cites them: one row each, with date and machine. */

function slotText(slot: Slot): string {
  switch (slot.kind) {
    case "figure":
      return `${slot.value} — ${slot.words}${slot.detail ? `; ${slot.detail}` : ""}`;
    case "action":
      return `not measured yet: ${slot.label}`;
    case "impossible":
      return `${slot.why} (${slot.setting})`;
  }
}

const samplesOf = (slot: Slot) => (slot.kind === "figure" ? slot.samples : "0");

export function evidenceFigures(cards: Headline[], now: Date): EvidenceFigure[] {
  return cards.map((card) => {
    const common = { title: card.title, session: slotText(card.slots.session), jwt: slotText(card.slots.jwt), samples: `session ${samplesOf(card.slots.session)}; JWT ${samplesOf(card.slots.jwt)}` };
    if (!card.source) {
      const actions = [card.slots.session, card.slots.jwt].flatMap((slot) => (slot.kind === "action" ? [slot.label] : []));
      return { ...common, source: card.evidence.label, measuredAt: null, machine: "—", note: [...new Set(actions)].join("; ") };
    }
    const { label, measuredAt, machine, window } = card.source;
    const when = measuredAt === null ? `read ${now.toISOString()}` : window === "since" ? `${measuredAt} to ${now.toISOString()}` : measuredAt;
    return { ...common, source: [label, ...card.notes].join(" "), measuredAt: when, machine };
  });
}

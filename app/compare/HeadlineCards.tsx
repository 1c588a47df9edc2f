import Link from "next/link";
import { inlineLink } from "@/app/components/link-style";
import { LocalTime } from "@/app/components/LocalTime";
import { modeStyle } from "@/app/components/mode-style";
import { AUTH_MODES } from "@/lib/auth/types";
import type { FigureTone, Headline, Slot } from "@/lib/verdicts/types";

/**
 * The verdicts first: each card a pair of big figures (session | JWT), side by side on every
 * width, with the tone in words and a symbol (never colour alone), what it means, its sample
 * count and source, and a link to the evidence. Unmeasured: the one action that measures it.
 */

const TONE: Record<FigureTone, { symbol: string; word: string; text: string }> = {
  safe: { symbol: "✓", word: "Held", text: "text-emerald-700" },
  bounded: { symbol: "◔", word: "Bounded", text: "text-sky-800" },
  exposed: { symbol: "✗", word: "Exposed", text: "text-red-700" },
  neutral: { symbol: "•", word: "Measured", text: "text-slate-600" },
};

function SlotView({ slot }: { slot: Slot }) {
  switch (slot.kind) {
    case "figure": {
      const tone = TONE[slot.tone];
      return (
        <>
          <p className="text-2xl font-semibold tabular-nums break-words sm:text-3xl">{slot.value}</p>
          <p className={`mt-1 text-xs font-medium ${tone.text}`}>
            <span aria-hidden="true">{tone.symbol}</span> {tone.word}: <span className="font-normal text-slate-700">{slot.words}</span>
          </p>
          {slot.detail ? <p className="mt-1 text-xs text-slate-600">{slot.detail}</p> : null}
          <p className="mt-1 text-xs text-slate-500">{slot.samples}</p>
        </>
      );
    }
    case "action":
      return (
        <>
          <Link href={slot.href} className="inline-block rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white no-underline">
            {slot.label}
          </Link>
          <p className="mt-1 text-xs text-slate-600">Measures it: {slot.why}.</p>
        </>
      );
    case "impossible":
      return (
        <p className="text-sm text-slate-700">
          {slot.why} <code className="font-mono text-xs">{slot.setting}</code>
        </p>
      );
  }
}

function Card({ card }: { card: Headline }) {
  return (
    <article id={`verdict-${card.id}`} aria-labelledby={`verdict-${card.id}-title`} className="min-w-0 scroll-mt-4 rounded-xl border border-slate-200 bg-white p-4">
      <h3 id={`verdict-${card.id}-title`} className="font-semibold">
        {card.title}
      </h3>
      <p className="mt-1 text-sm text-slate-600">{card.meaning}</p>
      <div className="mt-3 grid grid-cols-2 gap-3">
        {AUTH_MODES.map((mode) => (
          <section key={mode} aria-label={`${card.title}: ${modeStyle[mode].label}`} className={`min-w-0 border-l-4 pl-2 sm:pl-3 ${modeStyle[mode].border}`}>
            <p className="text-xs font-medium text-slate-500">{modeStyle[mode].label}</p>
            <SlotView slot={card.slots[mode]} />
          </section>
        ))}
      </div>
      {card.notes.map((note) => (
        <p key={note} className="mt-3 rounded-md bg-slate-50 p-2 text-xs text-slate-700">
          {note}
        </p>
      ))}
      <p className="mt-3 text-xs text-slate-500">
        {card.source ? (
          <>
            Source: {card.source.label}
            {card.source.measuredAt ? (
              <>
                , {card.source.window === "since" ? "since" : "run"} <LocalTime at={card.source.measuredAt} />
              </>
            ) : null}{" "}
            · {card.source.machine} ·{" "}
          </>
        ) : null}
        Evidence:{" "}
        <Link href={card.evidence.href} className={inlineLink}>
          {card.evidence.label}
        </Link>
      </p>
    </article>
  );
}

export function HeadlineCards({ cards }: { cards: Headline[] }): React.ReactNode {
  return (
    <section aria-labelledby="verdicts" className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="verdicts" className="text-xl font-semibold">
          The verdicts
        </h2>
        <Link href="/decide" className={`${inlineLink} text-sm font-medium`}>
          Which one should I use for my app? The decision guide →
        </Link>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        {cards.map((card) => (
          <Card key={card.id} card={card} />
        ))}
      </div>
    </section>
  );
}

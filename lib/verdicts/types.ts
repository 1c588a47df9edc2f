import type { AuthMode } from "../auth/types.ts";

/**
 * /compare's headline verdicts: a pair of big figures (session | JWT) per question, each with
 * where it came from. A slot is a measured figure, the one action that would measure it, or a
 * sentence saying why it cannot exist in this configuration and which setting makes it exist.
 */

/** safe: held. bounded: a copy outlives the event, but only within a short, fixed window. exposed: until exp. */
export type FigureTone = "safe" | "bounded" | "exposed" | "neutral";

export type Slot =
  | { kind: "figure"; value: string; words: string; tone: FigureTone; samples: string; detail?: string }
  | { kind: "action"; href: string; label: string; why: string }
  | { kind: "impossible"; why: string; setting: string };

export type HeadlineId = "copied-after-logout" | "bytes" | "db-reads" | "revocation-reach" | "verify-without-db" | "injected-script";

export interface Headline {
  id: HeadlineId;
  title: string;
  /** One line on what the pair means. */
  meaning: string;
  evidence: { href: string; label: string };
  slots: Record<AuthMode, Slot>;
  /** Where the figures come from; null when nothing is measured yet. window "since": figures gathered from measuredAt until now. */
  source: { label: string; measuredAt: string | null; machine: string; window?: "since" } | null;
  /** A figure of this card that cannot exist in the running configuration, and why. */
  notes: string[];
}

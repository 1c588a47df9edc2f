"use client";

import { useSyncExternalStore } from "react";
import { localLabel, relativeLabel, utcLabel } from "@/lib/format/relative-time";

/**
 * An instant as the reader wants it: their own zone and a relative form ("in 14 minutes"), with
 * UTC on hover. The server cannot know the reader's zone, so it renders the UTC form, and so
 * does the browser's first (hydrating) render — the same text, no mismatch; the clock below
 * then switches it to local time. The relative part is kept fresh by one shared tick.
 */

const TICK_MS = 15_000;
let now = 0;
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!timer) {
    // React re-reads the snapshot right after subscribing, so this fresh reading is picked up.
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const notify of listeners) notify();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

const clientNow = () => (now === 0 ? (now = Date.now()) : now);
/** The server (and the hydrating render) has no reader's clock. */
const serverNow = () => null;

export function LocalTime({ at, className = "", never = "never" }: { at: string | Date | null; className?: string; never?: string }): React.ReactNode {
  const current = useSyncExternalStore(subscribe, clientNow, serverNow);
  if (at === null) return <span className="text-slate-400">{never}</span>;
  const instant = typeof at === "string" ? new Date(at) : at;
  if (Number.isNaN(instant.getTime())) return <span className={className}>{String(at)}</span>;
  const utc = utcLabel(instant);
  return (
    <time dateTime={instant.toISOString()} title={utc} className={className}>
      {current === null ? utc : `${localLabel(instant)} (${relativeLabel(instant, new Date(current))})`}
    </time>
  );
}

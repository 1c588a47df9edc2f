"use client";

import { useEffect, useState } from "react";
import { formatRemaining, secondsUntil as secondsFrom } from "@/lib/format/remaining";

const secondsUntil = (until: string) => secondsFrom(until, Date.now());

/** A live countdown to an instant; the server renders its own reading, the browser takes over. */
export function Countdown({ until, label }: { until: string; label: string }): React.ReactNode {
  const [left, setLeft] = useState(() => secondsUntil(until));
  useEffect(() => {
    const timer = setInterval(() => setLeft(secondsUntil(until)), 1000);
    return () => clearInterval(timer);
  }, [until]);
  return (
    <span className="inline-flex items-baseline gap-2">
      <time role="timer" aria-label={label} dateTime={until} suppressHydrationWarning className="font-mono text-2xl tabular-nums">
        {formatRemaining(left)}
      </time>
      {left <= 0 ? <span className="text-sm text-red-700">expired: the next request is refused</span> : null}
    </span>
  );
}

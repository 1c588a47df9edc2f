"use client";

import { useEffect, useState } from "react";

/** Seconds left as `1 d 02:03:04`, `02:03:04` or `03:04`. */
export function formatRemaining(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const pad = (n: number) => String(n).padStart(2, "0");
  const [days, hours, minutes, secs] = [Math.floor(s / 86400), Math.floor((s % 86400) / 3600), Math.floor((s % 3600) / 60), s % 60];
  const clock = hours > 0 || days > 0 ? `${pad(hours)}:${pad(minutes)}:${pad(secs)}` : `${pad(minutes)}:${pad(secs)}`;
  return days > 0 ? `${days} d ${clock}` : clock;
}

const secondsUntil = (until: string) => (Date.parse(until) - Date.now()) / 1000;

/** A live countdown to an instant; the server renders its own reading, the browser takes over. */
export function Countdown({ until, label }: { until: string; label: string }) {
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

"use client";

import { useEffect, useState } from "react";

const secondsUntil = (until: string) => Math.ceil((Date.parse(until) - Date.now()) / 1000);

/** "Try again in 14 s." for a wait of seconds; whole minutes for a long one (a lockout). */
export function retryWords(seconds: number): string {
  if (seconds <= 0) return "You can try again now.";
  return `Try again in ${seconds < 120 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`}.`;
}

/**
 * A throttle's wait, counting down where the visitor reads it rather than only changing on the
 * next submit. The server renders its own reading (so the words are there without JavaScript);
 * the browser then counts down from the same instant.
 */
export function RetryAfter({ until }: { until: string }): React.ReactNode {
  const [left, setLeft] = useState(() => secondsUntil(until));
  useEffect(() => {
    const timer = setInterval(() => {
      const now = secondsUntil(until);
      setLeft(now);
      if (now <= 0) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [until]);
  return (
    <span role="timer" aria-live="off" suppressHydrationWarning>
      {retryWords(left)}
    </span>
  );
}

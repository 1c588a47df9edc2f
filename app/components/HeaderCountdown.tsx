"use client";

import { useEffect, useState } from "react";
import { remainingLabel } from "@/lib/format/remaining";

/**
 * The header's countdown to one deadline. The server renders its reading (so the header says
 * something without JavaScript); once hydrated, the browser's clock takes over every second.
 */
export function HeaderCountdown({ until, label }: { until: string; label: string }): React.ReactNode {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <time role="timer" aria-label={label} dateTime={until} suppressHydrationWarning className="tabular-nums">
      {remainingLabel(until, now)}
    </time>
  );
}

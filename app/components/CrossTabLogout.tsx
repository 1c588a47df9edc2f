"use client";

import { useEffect } from "react";
import type { AuthMode } from "@/lib/auth/types";

/**
 * Logging out in one tab sends the other tabs of that mode to the login page at once,
 * instead of at their next request. BroadcastChannel is same-origin by definition.
 */
const CHANNEL = "svj-auth";

interface LogoutMessage {
  type: "logout";
  mode: AuthMode;
}

/** On protected pages: leave when another tab of this mode logs out. */
export function LogoutListener({ mode }: { mode: AuthMode }): React.ReactNode {
  useEffect(() => {
    const channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = (event: MessageEvent<LogoutMessage>) => {
      if (event.data?.type !== "logout" || event.data.mode !== mode) return;
      // A full load on purpose, not router.push: it also drops the client router cache, which
      // still holds the signed-out user's protected pages for the back button.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      window.location.assign(`/${mode}/login?signedOut=1`);
    };
    return () => channel.close();
  }, [mode]);
  return null;
}

/** On the page a logout lands on: tell the other tabs. */
export function LogoutAnnouncer({ mode }: { mode: AuthMode }): React.ReactNode {
  useEffect(() => {
    const channel = new BroadcastChannel(CHANNEL);
    channel.postMessage({ type: "logout", mode } satisfies LogoutMessage);
    channel.close();
  }, [mode]);
  return null;
}

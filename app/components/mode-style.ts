import type { AuthMode } from "@/lib/auth/types";

/** One accent per mode, used on every page so the two columns never blur together. */
export const modeStyle: Record<AuthMode, { label: string; inline: string; badge: string; button: string; border: string }> = {
  session: {
    label: "Session mode",
    // Mid-sentence: "session" is a word, "JWT" an acronym that keeps its capitals.
    inline: "session mode",
    badge: "bg-session-soft text-session ring-session/30",
    button: "bg-session hover:brightness-110",
    border: "border-session/40",
  },
  jwt: {
    label: "JWT mode",
    inline: "JWT mode",
    badge: "bg-jwt-soft text-jwt ring-jwt/30",
    button: "bg-jwt hover:brightness-110",
    border: "border-jwt/40",
  },
};

import type { AuthMode } from "@/lib/auth/types";

/** Bar fills by mode (the site's two accents); warm checks lighter, labs' figures grey. */
export type Tone = AuthMode | "neutral";

export const toneFill: Record<Tone, string> = {
  session: "fill-session",
  jwt: "fill-jwt",
  neutral: "fill-slate-400",
};

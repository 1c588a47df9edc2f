/** Links inside running text: Tailwind's reset takes the underline away, so give it back. */
export const inlineLink = "underline decoration-slate-400 underline-offset-2 hover:decoration-slate-900";

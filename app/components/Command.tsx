"use client";

import { useState } from "react";

/**
 * A command to run, with a button that copies it exactly. The command wraps rather than
 * scrolling out of sight (a long one at 390 px was cut off), and stays selectable by hand:
 * without JavaScript, or where the clipboard is refused, selecting it is the way.
 */
export function Command({ command, inline = false }: { command: string; inline?: boolean }): React.ReactNode {
  if (inline) {
    return (
      <span className="inline-flex max-w-full items-baseline gap-1 align-baseline">
        <code className="font-mono break-all">{command}</code>
        <CopyButton text={command} />
      </span>
    );
  }
  return (
    <div className="flex items-start gap-2 rounded bg-white px-3 py-2 text-slate-900">
      <pre className="min-w-0 flex-1 font-mono text-xs whitespace-pre-wrap break-all">{command}</pre>
      <CopyButton text={command} />
    </div>
  );
}

function CopyButton({ text }: { text: string }) {
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied("yes");
    } catch {
      // Refused (no permission, an insecure origin): say so; the text is still there to select.
      setCopied("no");
    }
  }
  return (
    <button
      type="button"
      onClick={copy}
      aria-label={`Copy: ${text}`}
      className="shrink-0 rounded border border-slate-300 bg-white px-1.5 py-0.5 font-sans text-[11px] font-medium text-slate-700 hover:bg-slate-100"
    >
      {copied === "yes" ? "Copied" : copied === "no" ? "Select to copy" : "Copy"}
    </button>
  );
}

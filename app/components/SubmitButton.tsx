"use client";

import { useFormStatus } from "react-dom";

/** A form's submit button that says it is working and cannot be pressed twice meanwhile. */
export function SubmitButton({ label, pendingLabel, className }: { label: string; pendingLabel: string; className: string }): React.ReactNode {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} className={`${className} disabled:opacity-60`}>
      {pending ? pendingLabel : label}
    </button>
  );
}

"use client";

import { usePathname, useRouter } from "next/navigation";
import { useEffect, useSyncExternalStore, useTransition } from "react";

/**
 * With JavaScript, the form's figures follow the reader's typing: each pause re-renders the page
 * on the server with the new query (the charts stay server-rendered SVG), without a submit and
 * without a scroll jump. Without JavaScript this renders nothing and the Compute button does it.
 */

const PAUSE_MS = 400;
const never = () => () => undefined;

export function LiveUpdates({ formId, following = "The figures follow as you type." }: { formId: string; following?: string }): React.ReactNode {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  // True once hydrated (the server render and a page without JavaScript say nothing).
  const live = useSyncExternalStore(never, () => true, () => false);

  useEffect(() => {
    const form = document.getElementById(formId);
    if (!(form instanceof HTMLFormElement)) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const follow = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const query = new URLSearchParams();
        for (const [name, value] of new FormData(form)) {
          if (typeof value === "string" && value.trim() !== "") query.set(name, value.trim());
        }
        startTransition(() => router.replace(`${pathname}?${query.toString()}`, { scroll: false }));
      }, PAUSE_MS);
    };
    form.addEventListener("input", follow);
    form.addEventListener("change", follow);
    return () => {
      clearTimeout(timer);
      form.removeEventListener("input", follow);
      form.removeEventListener("change", follow);
    };
  }, [formId, pathname, router]);

  if (!live) return null;
  return (
    <p role="status" className="text-sm text-slate-500">
      {pending ? "Recomputing…" : following}
    </p>
  );
}

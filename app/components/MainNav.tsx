"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

const NAV = [
  { href: "/session/dashboard", label: "Session mode", section: "/session" },
  { href: "/jwt/dashboard", label: "JWT mode", section: "/jwt" },
  { href: "/decide", label: "Decide", section: "/decide" },
  { href: "/compare", label: "Compare", section: "/compare" },
  { href: "/scale", label: "Scale", section: "/scale" },
  { href: "/flows", label: "Flows", section: "/flows" },
  { href: "/labs", label: "Labs", section: "/labs" },
  { href: "/admin", label: "Admin", section: "/admin" },
];

function Links({ current }: { current: string }) {
  return NAV.map((item) => {
    const here = current === item.section || current.startsWith(`${item.section}/`);
    return (
      <li key={item.href}>
        <Link
          href={item.href}
          aria-current={here ? "page" : undefined}
          className={here ? "font-medium text-slate-900 underline underline-offset-4" : "text-slate-600 hover:text-slate-900"}
        >
          {item.label}
        </Link>
      </li>
    );
  });
}

/**
 * The phone menu closes the way menus do once the script runs: after a link is followed (the
 * client router keeps the layout, so an open <details> would stay open over the new page), on
 * a tap outside it, and on Escape, which gives focus back to the "Menu" button.
 */
function useClosingMenu() {
  const menu = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    function closeOnOutsideTap(event: PointerEvent) {
      const details = menu.current;
      if (details?.open && event.target instanceof Node && !details.contains(event.target)) details.open = false;
    }
    function closeOnLinkFollowed(event: MouseEvent) {
      const details = menu.current;
      if (details?.open && event.target instanceof Element && event.target.closest("a") && details.contains(event.target)) details.open = false;
    }
    function closeOnEscape(event: KeyboardEvent) {
      const details = menu.current;
      if (event.key !== "Escape" || !details?.open) return;
      details.open = false;
      details.querySelector("summary")?.focus();
    }
    document.addEventListener("pointerdown", closeOnOutsideTap);
    document.addEventListener("click", closeOnLinkFollowed);
    document.addEventListener("keydown", closeOnEscape);
    return () => {
      document.removeEventListener("pointerdown", closeOnOutsideTap);
      document.removeEventListener("click", closeOnLinkFollowed);
      document.removeEventListener("keydown", closeOnEscape);
    };
  }, []);
  return menu;
}

/**
 * The menu: one line from 640 px up; below that a "Menu" button that opens the same links.
 * <details> needs no script, so the menu works before hydration and without JavaScript.
 */
export function MainNav(): React.ReactNode {
  const current = usePathname() ?? "/";
  const menu = useClosingMenu();
  return (
    <>
      <ul className="hidden gap-4 text-sm sm:flex">
        <Links current={current} />
      </ul>
      <details ref={menu} className="relative ml-auto sm:hidden">
        <summary className="cursor-pointer list-none rounded-md border border-slate-300 px-3 py-1 text-sm">Menu</summary>
        <ul className="absolute right-0 z-10 mt-2 w-48 space-y-2 rounded-md border border-slate-200 bg-white p-3 text-sm shadow-md">
          <Links current={current} />
        </ul>
      </details>
    </>
  );
}

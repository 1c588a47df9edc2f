/**
 * The labs that run in the visitor's browser rather than on the server (their folders have a
 * verdict.ts but no run.ts: the browser plays the scenario, not the server), listed beside the server labs wherever labs are listed, so none goes missing from a menu.
 */
export const BROWSER_LABS = [
  {
    href: "/labs/cross-origin",
    title: "Cross-origin",
    summary: "Another site calls the API: does a Bearer token get through, and a session cookie?",
  },
  {
    href: "/labs/storage",
    title: "Where the token is stored",
    summary: "localStorage, a readable cookie, an httpOnly cookie: what an injected script steals, and what it rides.",
  },
] as const;

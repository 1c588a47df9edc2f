/** Who takes part in a request flow: the lanes of the sequence diagrams on /flows, in drawing order. */
export const LANES = ["browser", "proxy", "server", "database", "redis", "downstream"] as const;
export type Lane = (typeof LANES)[number];

/** Short enough for a lane header at 390 px. */
export const laneName: Record<Lane, string> = {
  browser: "Browser",
  proxy: "proxy.ts",
  server: "Server",
  database: "Database",
  redis: "Redis",
  downstream: "Downstream",
};

/** What each lane is, for the header's title and the step list. */
export const laneDescription: Record<Lane, string> = {
  browser: "The browser, or an API client",
  proxy: "proxy.ts: optimistic, crypto only, never the database",
  server: "The server: the DAL, a Server Action or a route handler",
  database: "The database (SQLite or PostgreSQL)",
  redis: "Shared state: Redis when REDIS_URL is set, this process's memory otherwise",
  downstream: "Another service (npm run downstream): the JWKS and nothing else",
};

/** The lanes whose steps are marked: state that outlives the request. */
export const STORE_LANES = ["database", "redis"] as const satisfies readonly Lane[];
export type StoreLane = (typeof STORE_LANES)[number];

export function isStoreLane(lane: Lane): lane is StoreLane {
  return (STORE_LANES as readonly Lane[]).includes(lane);
}

export interface FlowStep {
  from: Lane;
  /** The same lane as `from`: something that lane does by itself (a note on its lifeline). */
  to: Lane;
  /** On the arrow: a few words. */
  label: string;
  /** In the step list: the whole story. */
  text: string;
  /** Where it happens, so the diagram can be checked against the code. */
  code?: string;
  /** An answer to an earlier message: drawn dashed. */
  reply?: boolean;
  /** Required on a message to the database or Redis: "sometimes" is throttled or configuration-dependent. */
  access?: "read" | "write" | "sometimes";
}

export const FLOW_KINDS = ["login", "request", "refresh", "logout", "downstream"] as const;
export type FlowKind = (typeof FLOW_KINDS)[number];

export const flowTitle: Record<FlowKind, string> = {
  login: "Login",
  request: "An authenticated request",
  refresh: "Refresh",
  logout: "Logout",
  downstream: "Another service checks the user",
};

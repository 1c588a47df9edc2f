/** Who does a step of a request flow: the four lanes of the diagrams on /flows. */
export const LANES = ["browser", "proxy", "server", "database"] as const;
export type Lane = (typeof LANES)[number];

export const laneLabel: Record<Lane, string> = {
  browser: "Browser",
  proxy: "proxy.ts (optimistic)",
  server: "Server: DAL, action or route",
  database: "Database",
};

export interface FlowStep {
  lane: Lane;
  text: string;
  /** Where it happens, so the diagram can be checked against the code. */
  code?: string;
  /** "sometimes": a throttled or configuration-dependent round-trip. */
  db?: "read" | "write" | "sometimes";
}

export const FLOW_KINDS = ["login", "request", "refresh", "logout"] as const;
export type FlowKind = (typeof FLOW_KINDS)[number];

export const flowTitle: Record<FlowKind, string> = {
  login: "Login",
  request: "An authenticated request",
  refresh: "Refresh",
  logout: "Logout",
};

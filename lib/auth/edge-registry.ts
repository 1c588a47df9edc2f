import type { AuthEdge } from "./edge.ts";
import { jwtEdge } from "./jwt/edge.ts";
import type { AuthMode } from "./modes.ts";
import { sessionEdge } from "./session/edge.ts";

/** The edge halves by mode: what proxy.ts reaches. The full strategies are in registry.ts. */
export const edges: Record<AuthMode, AuthEdge> = {
  session: sessionEdge,
  jwt: jwtEdge,
};

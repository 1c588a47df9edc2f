import "server-only";

import { jwtStrategy } from "./jwt/strategy.ts";
import { sessionStrategy } from "./session/strategy.ts";
import type { AuthMode, AuthStrategy } from "./types.ts";

/** The only place that knows both modes by name; everything else asks for `strategies[mode]`. */
export const strategies: Record<AuthMode, AuthStrategy> = {
  session: sessionStrategy,
  jwt: jwtStrategy,
};

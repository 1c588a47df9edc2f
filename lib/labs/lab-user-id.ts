import { randomUUID } from "node:crypto";

/**
 * How the metrics tell the labs' own traffic from everyone else's: every throwaway user a lab
 * makes gets an id of this form, and only createThrowawayUser makes one (users who sign up, and
 * the seed, get the database's plain uuid). The id is the principal an accepted check
 * established — a session row's user, or a JWT's signed `sub` — so a visitor cannot claim it
 * with a header or a forged cookie. It also travels with the labs' requests to other instances
 * of a fleet and with the token a browser lab hands to a page, where a per-process request
 * marker would not. A visitor who starts a browser lab and reuses its token moves that traffic
 * into the lab figures, which /compare shows beside the others with their count: nothing hides.
 */

const LAB_USER_PREFIX = "lab-";

export function newLabUserId(): string {
  return `${LAB_USER_PREFIX}${randomUUID()}`;
}

export function isLabUserId(userId: string): boolean {
  return userId.startsWith(LAB_USER_PREFIX);
}

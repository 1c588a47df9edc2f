import { randomBytes } from "node:crypto";

/**
 * The sticky-sessions lab's toy session store: a Map in this process's memory, the thing sticky
 * sessions exist for. Deliberately process-local (a second instance cannot see it, a restart
 * empties it) and never used by real authentication: it holds a name, grants nothing, and is
 * read only by /api/labs/sticky/me/memory.
 */

export const TOY_SESSION_COOKIE = "svj_lab_toy_session";

export interface ToySession {
  name: string;
  createdAt: number;
}

export interface ToySessionStore {
  /** A new session for `name`; returns its random id (the cookie's value). */
  create(name: string, now: number): string;
  /** The live session with this id, or null (unknown, or older than the time to live). */
  find(id: string, now: number): ToySession | null;
  /** What a crash does to memory. */
  forgetAll(): void;
  size(): number;
}

export interface ToyStoreLimits {
  /** Anyone may make a toy session: the oldest is dropped past this many, so memory stays bounded. */
  maxSessions: number;
  ttlMs: number;
}

export const TOY_STORE_LIMITS: ToyStoreLimits = { maxSessions: 1000, ttlMs: 10 * 60_000 };

export function createToySessionStore(limits: ToyStoreLimits = TOY_STORE_LIMITS): ToySessionStore {
  // A Map iterates in insertion order: the first key is the oldest session.
  const sessions = new Map<string, ToySession>();
  return {
    create(name, now) {
      const id = randomBytes(24).toString("base64url");
      sessions.set(id, { name, createdAt: now });
      while (sessions.size > limits.maxSessions) sessions.delete(sessions.keys().next().value!);
      return id;
    },
    find(id, now) {
      const session = sessions.get(id);
      if (!session) return null;
      if (now - session.createdAt >= limits.ttlMs) {
        sessions.delete(id);
        return null;
      }
      return session;
    },
    forgetAll() {
      sessions.clear();
    },
    size() {
      return sessions.size;
    },
  };
}

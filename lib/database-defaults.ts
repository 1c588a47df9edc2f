/**
 * The database default, shared by lib/env.ts and prisma.config.ts. Its own module, without
 * `server-only` and without secrets, because the Prisma CLI loads prisma.config.ts outside Next.
 * Relative to the working directory, which is always the project root (npm scripts).
 */
export const DEFAULT_DATABASE_URL = "file:./.data/dev.db";

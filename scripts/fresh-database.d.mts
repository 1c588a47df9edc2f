/** Types for fresh-database.mjs (plain JavaScript, so the test runner needs no compiler). */
export function newRunId(): string;
export function createFreshDatabase(options?: { baseUrl?: string; name?: string }): Promise<{ url: string; drop: () => Promise<void> }>;
export function dropDatabase(url: string, baseUrl?: string): Promise<void>;

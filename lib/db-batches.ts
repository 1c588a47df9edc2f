/**
 * Deleting many rows without one long statement: a batch of ids is read, then deleted by id,
 * until a batch comes back short or the time is up. Each batch is its own short statement, so
 * a sweep never holds SQLite's single writer (or a PostgreSQL table's locks) for long, and a
 * sweep cut short by a crash or its deadline has deleted whole batches and nothing half.
 */
export interface SweepLimits {
  /** Rows per statement. */
  batchSize: number;
  /** Epoch ms after which no new batch starts (the rest waits for the next sweep). */
  stopAt: number;
}

export async function deleteInBatches(
  findIds: (take: number) => Promise<string[]>,
  deleteIds: (ids: string[]) => Promise<number>,
  limits: SweepLimits,
  clock: () => number = Date.now,
): Promise<number> {
  let deleted = 0;
  while (clock() < limits.stopAt) {
    const ids = await findIds(limits.batchSize);
    if (ids.length > 0) deleted += await deleteIds(ids);
    if (ids.length < limits.batchSize) break;
  }
  return deleted;
}

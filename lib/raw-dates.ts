/**
 * Raw-SQL rows carry dates as Date (PostgreSQL) or as the stored text/number (SQLite);
 * the hand-written hot-path queries normalise them here.
 */
export type DateLike = Date | string | number;

export function toDate(value: DateLike): Date {
  return value instanceof Date ? value : new Date(value);
}

export function toDateOrNull(value: DateLike | null): Date | null {
  return value === null ? null : toDate(value);
}

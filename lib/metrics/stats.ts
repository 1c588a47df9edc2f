/**
 * A fixed-size window of recent samples with percentiles: bounded memory however long the
 * server runs, and recent enough to reflect what the app does now.
 */
export class RollingWindow {
  private readonly values: number[] = [];
  private next = 0;
  count = 0;

  constructor(private readonly size = 1000) {}

  add(value: number): void {
    if (this.values.length < this.size) this.values.push(value);
    else this.values[this.next] = value;
    this.next = (this.next + 1) % this.size;
    this.count += 1;
  }

  /** How many samples the window holds now: what its percentiles are computed over. */
  get held(): number {
    return this.values.length;
  }

  /** Nearest-rank percentile over the window; null before the first sample. */
  percentile(p: number): number | null {
    return this.percentiles([p])[0] ?? null;
  }

  /** Several nearest-rank percentiles from one sort (a chart's ladder); nulls before the first sample. */
  percentiles(ps: readonly number[]): (number | null)[] {
    if (this.values.length === 0) return ps.map(() => null);
    const sorted = [...this.values].sort((a, b) => a - b);
    return ps.map((p) => sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1] ?? null);
  }

  mean(): number | null {
    if (this.values.length === 0) return null;
    return this.values.reduce((sum, value) => sum + value, 0) / this.values.length;
  }

  /** The most recent sample; null before the first. */
  latest(): number | null {
    if (this.values.length === 0) return null;
    return this.values[(this.next - 1 + this.size) % this.size] ?? null;
  }

  /**
   * Every value still in the window, once, ascending. For figures that take few values (a
   * cookie's size changes only with its claims), so each one measured can be shown as it was.
   */
  distinct(): number[] {
    return [...new Set(this.values)].sort((a, b) => a - b);
  }
}

/**
 * The simulation's clock: a binary min-heap of events by time, ties broken by the order they
 * were scheduled in — so two events at the same instant always run in the same order, and the
 * same seed gives the same run.
 */

export interface Scheduled<E> {
  at: number;
  event: E;
}

export class EventQueue<E> {
  private readonly times: number[] = [];
  private readonly orders: number[] = [];
  private readonly events: E[] = [];
  private scheduled = 0;

  get size(): number {
    return this.events.length;
  }

  push(at: number, event: E): void {
    if (!Number.isFinite(at)) throw new Error(`an event needs a finite time, not ${at}`);
    this.times.push(at);
    this.orders.push(this.scheduled++);
    this.events.push(event);
    this.up(this.events.length - 1);
  }

  pop(): Scheduled<E> | undefined {
    if (this.events.length === 0) return undefined;
    const top = { at: this.times[0]!, event: this.events[0]! };
    const last = this.events.length - 1;
    this.swap(0, last);
    this.times.pop();
    this.orders.pop();
    this.events.pop();
    this.down(0);
    return top;
  }

  private before(i: number, j: number): boolean {
    return this.times[i]! < this.times[j]! || (this.times[i] === this.times[j] && this.orders[i]! < this.orders[j]!);
  }

  private swap(i: number, j: number): void {
    [this.times[i], this.times[j]] = [this.times[j]!, this.times[i]!];
    [this.orders[i], this.orders[j]] = [this.orders[j]!, this.orders[i]!];
    [this.events[i], this.events[j]] = [this.events[j]!, this.events[i]!];
  }

  private up(index: number): void {
    let i = index;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(index: number): void {
    let i = index;
    for (;;) {
      const [left, right] = [2 * i + 1, 2 * i + 2];
      let smallest = i;
      if (left < this.events.length && this.before(left, smallest)) smallest = left;
      if (right < this.events.length && this.before(right, smallest)) smallest = right;
      if (smallest === i) return;
      this.swap(i, smallest);
      i = smallest;
    }
  }
}

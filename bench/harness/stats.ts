/** Order statistics. Nearest-rank percentiles: the reported value is always one that was actually observed. */

/** The p-th percentile (0 < p ≤ 100) of ascending `sorted`, by nearest rank; NaN when empty. */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] ?? Number.NaN;
}

/** The median of a handful of values (round throughputs, start times); the mean of the middle two when even. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? Number.NaN) + upper) / 2;
}

export function max(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : Math.max(...values);
}

/**
 * A growable list of latency samples. A round at ~15k req/s for 3 s is ~45k samples; a Float64Array grown by
 * doubling keeps the per-response cost in the load generator to one store, which matters because the load generator
 * shares two cores with the server under test.
 */
export class SampleBuffer {
  private data = new Float64Array(1 << 16);
  private size = 0;

  push(value: number): void {
    if (this.size === this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.size++] = value;
  }

  get length(): number {
    return this.size;
  }

  /** The samples, sorted ascending. */
  sorted(): Float64Array {
    return this.data.slice(0, this.size).sort();
  }
}

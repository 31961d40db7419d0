/**
 * The spans of a sentence already taken by a claim, so that one stretch of text is read
 * as one claim ("14:05" is a time, not a figure). The finders add spans left to right,
 * each finder starting over from the sentence's start, so the set is kept as a few
 * sorted runs: a span is appended to the current run, or opens a new one when it starts
 * before the run's last span. Looking a span up is a binary search per run plus a short
 * walk back bounded by the longest span, so a sentence of 100,000 values (a data dump
 * flattened into one line) costs n log n rather than n².
 */
export interface Span {
  start: number;
  end: number;
}

export class SpanSet {
  private readonly runs: Span[][] = [];
  private longest = 0;

  add(start: number, end: number): void {
    let run = this.runs[this.runs.length - 1];
    if (!run || run[run.length - 1].start > start) this.runs.push((run = []));
    run.push({ start, end });
    if (end - start > this.longest) this.longest = end - start;
  }

  /** Whether any taken span overlaps [start, end). */
  overlaps(start: number, end: number): boolean {
    for (const run of this.runs) {
      for (let k = firstStartingAtOrAfter(run, end) - 1; k >= 0; k--) {
        const o = run[k];
        if (o.start + this.longest <= start) break;
        if (o.end > start) return true;
      }
    }
    return false;
  }

  /** The taken spans overlapping [start, end), in order of their start. */
  overlapping(start: number, end: number): Span[] {
    const out: Span[] = [];
    for (const run of this.runs) {
      for (let k = firstStartingAtOrAfter(run, end) - 1; k >= 0; k--) {
        const o = run[k];
        if (o.start + this.longest <= start) break;
        if (o.end > start) out.push(o);
      }
    }
    return out.sort((a, b) => a.start - b.start);
  }
}

function firstStartingAtOrAfter(run: Span[], x: number): number {
  let lo = 0;
  let hi = run.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (run[mid].start < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

import type { Position, SourceRange } from './ast';

/**
 * Converts string offsets to 0-based line/character positions. Line starts are computed once;
 * lookups remember the last line because the parser asks in (mostly) increasing order.
 */
export class LineMap {
  private readonly starts: number[] = [0];
  private last = 0;

  constructor(text: string) {
    const starts = this.starts;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
      starts.push(i + 1);
    }
  }

  /** Position of `offset` (clamped to the text). */
  position(offset: number): Position {
    const starts = this.starts;
    let line = this.last;
    if (offset < starts[line] || (line + 1 < starts.length && offset >= starts[line + 1])) {
      if (line + 2 < starts.length && offset >= starts[line + 1] && offset < starts[line + 2]) {
        line++;
      } else {
        let lo = 0;
        let hi = starts.length - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (starts[mid] <= offset) {
            lo = mid;
          } else {
            hi = mid - 1;
          }
        }
        line = lo;
      }
      this.last = line;
    }
    return { line, character: Math.max(0, offset - starts[line]) };
  }

  range(start: number, end: number): SourceRange {
    return { start: this.position(start), end: this.position(end) };
  }
}

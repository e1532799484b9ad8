import type { Position, SourceLocation, SourceRange } from '../model';

/**
 * Converts string offsets (UTF-16 code units, as jsonc-parser reports them) to 0-based line/character
 * positions. The line-start table is built once per file; each lookup is a binary search.
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(
    readonly file: string,
    text: string,
  ) {
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) {
        this.starts.push(i + 1);
      } else if (c === 13) {
        // CR LF counts once; a lone CR is a line break too, as in VS Code.
        if (text.charCodeAt(i + 1) === 10) {
          i++;
        }
        this.starts.push(i + 1);
      }
    }
  }

  position(offset: number): Position {
    const starts = this.starts;
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
    return { line: lo, character: offset - starts[lo] };
  }

  range(offset: number, length: number): SourceRange {
    return { start: this.position(offset), end: this.position(offset + length) };
  }

  location(offset: number, length: number): SourceLocation {
    return { file: this.file, range: this.range(offset, length) };
  }
}

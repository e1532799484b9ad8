import type { Position, SourceRange } from '../model';

/**
 * Converts string offsets into 0-based line/character positions (UTF-16), for LF, CRLF and lone CR
 * line ends, as VS Code counts lines: the one line map of every parser (HCL, HCL JSON, Bicep, ARM, YAML).
 * The line-start table is built when a position is first asked for, then kept: most files of a scan
 * are parsed and evaluated without any of their positions being read (on the 42-repository corpus, two
 * maps in three); a lookup checks the line of the previous one and the next line first (parsers
 * ask in mostly increasing order), else searches.
 */
export class LineMap {
  private starts: number[] | undefined;
  private last = 0;

  /** `text`: the text the map is of (kept, so that a parser can read a part of it again later). */
  constructor(readonly text: string) {}

  private lineStarts(): number[] {
    const starts = [0];
    const text = this.text;
    if (!text.includes('\r')) {
      // LF only (the common case): the native search is several times faster than a loop over characters.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
        starts.push(i + 1);
      }
    } else {
      const n = text.length;
      for (let i = 0; i < n; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) {
          starts.push(i + 1);
        } else if (c === 13) {
          if (text.charCodeAt(i + 1) === 10) {
            i++;
          }
          starts.push(i + 1);
        }
      }
    }
    this.starts = starts;
    return starts;
  }

  /** Position of `offset` (an offset before the text is clamped to its start). */
  position(offset: number): Position {
    const starts = this.starts ?? this.lineStarts();
    let line = this.last;
    const inLine = (l: number) => offset >= starts[l] && (l + 1 >= starts.length || offset < starts[l + 1]);
    if (!inLine(line)) {
      if (line + 1 < starts.length && inLine(line + 1)) {
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

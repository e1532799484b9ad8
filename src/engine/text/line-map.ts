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
  private starts: Uint32Array | undefined;
  private last = 0;

  /** `text`: the text the map is of (kept, so that a parser can read a part of it again later). */
  constructor(readonly text: string) {}

  /**
   * The offsets where lines start, counted first and then written into an array of exactly that size
   * (4 bytes a line, outside the collected heap): a table grown line by line left garbage several times
   * its size, made when a large file's tree was already in memory.
   */
  private lineStarts(): Uint32Array {
    const lfOnly = !this.text.includes('\r');
    const starts = new Uint32Array(this.scan(lfOnly) + 1);
    this.scan(lfOnly, starts);
    this.starts = starts;
    return starts;
  }

  /** Counts the line starts after the first, writing them into `out` (from index 1) when given. */
  private scan(lfOnly: boolean, out?: Uint32Array): number {
    const text = this.text;
    let n = 0;
    if (lfOnly) {
      // LF only (the common case): the native search is several times faster than a loop over characters.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
        n++;
        if (out) {
          out[n] = i + 1;
        }
      }
      return n;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) {
        if (c === 13 && text.charCodeAt(i + 1) === 10) {
          i++;
        }
        n++;
        if (out) {
          out[n] = i + 1;
        }
      }
    }
    return n;
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

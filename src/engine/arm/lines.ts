import type { Position, SourceLocation, SourceRange } from '../model';
import { LineMap } from '../text/line-map';

/** Offsets (as jsonc-parser reports them, UTF-16) of one file to positions, ranges and locations. */
export class LineIndex {
  private readonly map: LineMap;

  constructor(
    readonly file: string,
    text: string,
  ) {
    this.map = new LineMap(text);
  }

  position(offset: number): Position {
    return this.map.position(offset);
  }

  range(offset: number, length: number): SourceRange {
    return this.map.range(offset, offset + length);
  }

  location(offset: number, length: number): SourceLocation {
    return { file: this.file, range: this.range(offset, length) };
  }
}

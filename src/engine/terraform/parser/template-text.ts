import { fit } from '../../text/fit';
import type { TemplatePart, TemplateText } from './ast';

/** A heredoc line's first part: its text, or null when the line starts with an interpolation/directive. */
export interface LineStart {
  part: TemplateText | null;
  minOnly: boolean;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0b || c === 0x0c;
}

/** `~}`: removes the leading whitespace (including newlines) of the following text. */
export function trimStartWhitespace(part: TemplateText): void {
  const v = part.value;
  let i = 0;
  while (i < v.length && isSpace(v.charCodeAt(i))) {
    i++;
  }
  part.value = v.slice(i);
}

/** `${~`: removes the trailing whitespace (including newlines) of the preceding text. */
export function trimEndWhitespace(part: TemplateText): void {
  const v = part.value;
  let i = v.length;
  while (i > 0 && isSpace(v.charCodeAt(i - 1))) {
    i--;
  }
  part.value = v.slice(0, i);
}

/**
 * `<<-` heredocs: removes the smallest indentation found on any line from every line. Lines of
 * only whitespace do not count towards the minimum and are left alone; a line starting with an
 * interpolation has indentation 0.
 */
export function applyHeredocIndent(lines: LineStart[]): void {
  let min = Number.MAX_SAFE_INTEGER;
  const adjust: TemplateText[] = [];
  for (const { part } of lines) {
    if (part === null) {
      min = 0;
      continue;
    }
    const v = part.value;
    let n = 0;
    while (n < v.length && v.charCodeAt(n) !== 0x0a && isSpace(v.charCodeAt(n))) {
      n++;
    }
    if (n < v.length && v.charCodeAt(n) === 0x0a && n === v.length - 1) {
      continue;
    }
    adjust.push(part);
    min = Math.min(min, n);
  }
  if (min === 0 || min === Number.MAX_SAFE_INTEGER) {
    return;
  }
  for (const part of adjust) {
    part.value = part.value.slice(min);
  }
}

/** Merges adjacent text parts and drops empty ones, recursively. */
export function finishParts(parts: TemplatePart[]): TemplatePart[] {
  const out: TemplatePart[] = [];
  let prev: TemplateText | null = null;
  for (const p of parts) {
    if (p.kind === 'text') {
      if (p.value === '') {
        continue;
      }
      if (prev) {
        prev = {
          kind: 'text',
          value: prev.value + p.value,
          range: { start: prev.range.start, end: p.range.end },
          offset: prev.offset,
          endOffset: p.endOffset,
        };
        out[out.length - 1] = prev;
      } else {
        prev = p;
        out.push(p);
      }
      continue;
    }
    prev = null;
    if (p.kind === 'if') {
      p.then = finishParts(p.then);
      if (p.else) {
        p.else = finishParts(p.else);
      }
    } else if (p.kind === 'for') {
      p.body = finishParts(p.body);
    }
    out.push(p);
  }
  return fit(out);
}

import type { RuleId, SourceRange } from '../model';
import { RULES } from '../rules/registry';

/**
 * Suppression directives, written in a comment (`#`, `//` or `/* *\/`):
 *
 *   # cloud-act-lens:ignore CAL001 -- data is public marketing material
 *   // cloud-act-lens:ignore CAL001,CAL003 expires=2027-06-30 -- migration to STACKIT tracked in JIRA-12
 *   # cloud-act-lens:ignore-file CAL005 -- this repository only holds U.S. workloads
 *
 * `ignore` applies to the next resource declaration (only blank lines, comments and decorators between);
 * `ignore-file` to the whole file. A reason after `--` is required. After `expires` the finding returns.
 */
export interface Directive {
  scope: 'next' | 'file';
  rules: RuleId[];
  reason: string;
  expires?: string;
  /** Line of the directive (0-based) and its range. */
  line: number;
  range: SourceRange;
}

export interface DirectiveProblem {
  message: string;
  range: SourceRange;
}

export const MARKER = 'cloud-act-lens:';

/** Whether `text` may hold a directive: a file without the marker holds none (the cheap check first). */
export function mayHoldDirectives(text: string): boolean {
  return text.includes(MARKER);
}
const RULE_RE = /^CAL\d{3}$/;
const KNOWN = new Set<string>(RULES.map((r) => r.id));
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCommentBefore(line: string, at: number): boolean {
  const before = line.slice(0, at);
  return before.includes('#') || before.includes('//') || before.includes('/*');
}

function validDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) {
    return false;
  }
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

/** Finds all directives in `text`. Cheap when there are none: one indexOf over the text. */
export function parseDirectives(text: string): { directives: Directive[]; problems: DirectiveProblem[] } {
  const directives: Directive[] = [];
  const problems: DirectiveProblem[] = [];
  let from = 0;
  // Lines are counted incrementally so that many directives in one large file stay linear.
  let countedTo = 0;
  let line = 0;
  while (true) {
    const at = text.indexOf(MARKER, from);
    if (at < 0) {
      break;
    }
    const lineStart = text.lastIndexOf('\n', at) + 1;
    let lineEnd = text.indexOf('\n', at);
    if (lineEnd < 0) {
      lineEnd = text.length;
    }
    from = lineEnd;
    const lineText = text.slice(lineStart, lineEnd).replace(/\r$/, '');
    const col = at - lineStart;
    if (!isCommentBefore(lineText, col)) {
      continue;
    }
    for (let i = text.indexOf('\n', countedTo); i >= 0 && i < lineStart; i = text.indexOf('\n', i + 1)) {
      line++;
    }
    countedTo = lineStart;
    const range: SourceRange = { start: { line, character: col }, end: { line, character: lineText.length } };
    const body = lineText.slice(col + MARKER.length).replace(/\*\/\s*$/, '');
    const dash = body.indexOf('--');
    const head = (dash >= 0 ? body.slice(0, dash) : body).trim().split(/\s+/).filter(Boolean);
    const reason = dash >= 0 ? body.slice(dash + 2).trim() : '';
    const verb = head.shift();
    if (verb !== 'ignore' && verb !== 'ignore-file') {
      problems.push({
        message: `unknown directive "${verb ?? ''}": use cloud-act-lens:ignore or cloud-act-lens:ignore-file`,
        range,
      });
      continue;
    }
    const rules: RuleId[] = [];
    let expires: string | undefined;
    let bad = false;
    for (const token of head) {
      if (token.startsWith('expires=')) {
        expires = token.slice('expires='.length);
        if (!validDate(expires)) {
          problems.push({ message: `invalid expiry date "${expires}": use YYYY-MM-DD`, range });
          bad = true;
        }
        continue;
      }
      for (const id of token.split(',').filter(Boolean)) {
        if (!RULE_RE.test(id) || !KNOWN.has(id)) {
          problems.push({ message: `unknown rule "${id}" in suppression directive`, range });
          bad = true;
        } else {
          rules.push(id as RuleId);
        }
      }
    }
    if (rules.length === 0 && !bad) {
      problems.push({
        message: 'suppression directive names no rule (e.g. cloud-act-lens:ignore CAL001 -- reason)',
        range,
      });
      continue;
    }
    if (!reason) {
      problems.push({ message: 'suppression directive without a reason: add "-- why this is accepted"', range });
      continue;
    }
    if (bad) {
      continue;
    }
    directives.push({ scope: verb === 'ignore' ? 'next' : 'file', rules, reason, expires, line, range });
  }
  return { directives, problems };
}

/** True when `expires` (YYYY-MM-DD, inclusive) lies before `now`. */
export function isExpired(expires: string | undefined, now: Date): boolean {
  if (!expires) {
    return false;
  }
  return new Date(`${expires}T23:59:59.999Z`).getTime() < now.getTime();
}

/**
 * Whether a `next` directive on `directiveLine` governs a resource whose header starts on `headerLine`:
 * only blank lines, comments and decorators may stand between.
 */
export function governs(lines: string[], directiveLine: number, headerLine: number): boolean {
  if (headerLine <= directiveLine) {
    return false;
  }
  for (let l = directiveLine + 1; l < headerLine; l++) {
    const t = (lines[l] ?? '').trim();
    if (
      t !== '' &&
      !t.startsWith('#') &&
      !t.startsWith('//') &&
      !t.startsWith('/*') &&
      !t.startsWith('*') &&
      !t.startsWith('@')
    ) {
      return false;
    }
  }
  return true;
}

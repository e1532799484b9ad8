// Text of suppression directives and where they go. No 'vscode' import, so it is unit-tested in Node.
import { applyEdits, modify, parse } from 'jsonc-parser';

import type { AcceptedFinding, RuleId } from '../engine';

/** `#` for HCL, `//` for Bicep and ARM (JSON with comments), none for strict JSON (`.tf.json`). */
export type CommentStyle = '#' | '//' | null;

export function commentStyleFor(path: string): CommentStyle {
  const p = path.toLowerCase();
  if (p.endsWith('.tf.json') || p.endsWith('.tofu.json') || p.endsWith('.tfvars.json')) {
    return null;
  }
  if (p.endsWith('.tf') || p.endsWith('.tofu') || p.endsWith('.tfvars')) {
    return '#';
  }
  if (p.endsWith('.bicep') || p.endsWith('.bicepparam') || p.endsWith('.json') || p.endsWith('.jsonc')) {
    return '//';
  }
  return null;
}

/** Why a reason cannot be used, or undefined when it can. */
export function checkReason(reason: string): string | undefined {
  if (reason.trim() === '') {
    return 'Give a reason: it is shown in the report as "accepted, with reason".';
  }
  if (/[\r\n]/.test(reason) || reason.includes('*/')) {
    return 'The reason must fit on one line.';
  }
  return undefined;
}

/** Why an expiry date cannot be used, or undefined when it is empty or a real YYYY-MM-DD date. */
export function checkExpiry(expires: string): string | undefined {
  const s = expires.trim();
  if (s === '') {
    return undefined;
  }
  const d = new Date(`${s}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || Number.isNaN(d.getTime()) || !d.toISOString().startsWith(s)) {
    return 'Use a date as YYYY-MM-DD, or leave it empty.';
  }
  // A date that has passed would write a directive that is already expired (CAL007 at once).
  if (s <= today()) {
    return 'Use a date after today: the finding returns after this date.';
  }
  return undefined;
}

/** Today as YYYY-MM-DD (UTC), the form expiry dates are compared in. */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** `# cloud-act-lens:ignore CAL001 expires=2027-06-30 -- reason` */
export function directiveText(
  style: '#' | '//',
  scope: 'next' | 'file',
  rules: RuleId[],
  reason: string,
  expires?: string,
): string {
  const verb = scope === 'file' ? 'ignore-file' : 'ignore';
  const exp = expires && expires.trim() ? ` expires=${expires.trim()}` : '';
  return `${style} cloud-act-lens:${verb} ${rules.join(',')}${exp} -- ${reason.trim()}`;
}

/** The leading whitespace of `line`, so that the directive lines up with the resource it governs. */
export function indentOf(line: string): string {
  let i = 0;
  while (i < line.length && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) {
    i++;
  }
  return line.slice(0, i);
}

/**
 * The line to insert (with its newline) above the resource header on `headerLine`, or, for file scope,
 * at the top of the file.
 */
export function suppressionInsertion(
  lines: readonly string[],
  headerLine: number,
  scope: 'next' | 'file',
  directive: string,
  eol = '\n',
): { line: number; text: string } {
  if (scope === 'file') {
    return { line: 0, text: `${directive}${eol}` };
  }
  return { line: headerLine, text: `${indentOf(lines[headerLine] ?? '')}${directive}${eol}` };
}

/** Adds an `accepted` entry to the project file's text (JSON with comments), creating the file's object if needed. */
/**
 * The path of `file` relative to the workspace folder, as an accepted entry's `file` (forward slashes),
 * so that "accept" covers the finding in that file only; undefined outside the folder.
 */
export function fileInFolder(folderPath: string, file: string): string | undefined {
  const prefix = `${folderPath.replace(/\/$/, '')}/`;
  return file.startsWith(prefix) ? file.slice(prefix.length) : undefined;
}

export function addAcceptedEntry(text: string | undefined, entry: AcceptedFinding): string {
  const base = text && text.trim() !== '' ? text : '{}\n';
  const value: Record<string, string> = { ruleId: entry.ruleId };
  if (entry.resource) {
    value.resource = entry.resource;
  }
  if (entry.file) {
    value.file = entry.file;
  }
  value.reason = entry.reason;
  if (entry.expires) {
    value.expires = entry.expires;
  }
  const existing = (parse(base, [], { allowTrailingComma: true }) as { accepted?: unknown } | undefined)?.accepted;
  const formattingOptions = { insertSpaces: true, tabSize: 2, eol: '\n' };
  const edits = Array.isArray(existing)
    ? modify(base, ['accepted', existing.length], value, { formattingOptions, isArrayInsertion: true })
    : modify(base, ['accepted'], [value], { formattingOptions });
  return applyEdits(base, edits);
}

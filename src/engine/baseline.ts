import { parse, type ParseError, printParseErrorCode } from 'jsonc-parser';

import { type AcceptedFinding, defaultConfig, mergeConfig } from './config';
import type { Finding } from './model';
import * as paths from './workspace/paths';

/**
 * Baselines (`--write-baseline`, `--baseline`): the findings of a workspace as it is today, accepted so
 * that a pipeline fails only on new ones. A baseline holds entries of the project file's `accepted`
 * list (rule, resource address, file), so the same matching applies and an entry can be moved into
 * `.cloud-act-lens.json` with a real reason. Paths are relative to the first scanned path, as there.
 * The project file can name a baseline (`"baseline": "..."`), so that the editor shows the same.
 */

const REASON_PREFIX = 'in the baseline written on ';

/**
 * Entries for the findings not accepted otherwise, one per rule, resource and file, in a stable order.
 * Findings a baseline already accepts keep their entry (and its date): writing the baseline again
 * refreshes it, dropping entries whose findings are gone.
 */
export function baselineEntries(findings: readonly Finding[], root: string, date: string): AcceptedFinding[] {
  const byKey = new Map<string, AcceptedFinding>();
  for (const f of findings) {
    if (f.suppressed && !f.suppressed.reason.startsWith(REASON_PREFIX)) {
      continue;
    }
    const reason = f.suppressed?.reason ?? `${REASON_PREFIX}${date}`;
    const file = paths.relative(root, f.file);
    // File-level findings (CAL007) name the file as their resource.
    const resource = f.resource.startsWith('/') ? undefined : f.resource;
    const key = `${file}\u0000${resource ?? ''}\u0000${f.ruleId}`;
    if (!byKey.has(key)) {
      byKey.set(key, resource ? { ruleId: f.ruleId, resource, file, reason } : { ruleId: f.ruleId, file, reason });
    }
  }
  return [...byKey.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([, e]) => e);
}

/** The baseline file's text. */
export function baselineText(entries: AcceptedFinding[], date: string): string {
  const doc = {
    description:
      'Findings accepted when this baseline was written (cloud-act-lens scan --write-baseline); scans with --baseline report only new ones as open. Move an entry to .cloud-act-lens.json with a real reason to accept it for good.',
    written: date,
    accepted: entries,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** A baseline's accepted entries, and problems with entries that were left out. Throws when it is not a baseline. */
export function parseBaseline(text: string): { accepted: AcceptedFinding[]; problems: string[] } {
  const errors: ParseError[] = [];
  const raw = parse(text, errors, { allowTrailingComma: true }) as unknown;
  if (errors.length > 0) {
    throw new Error(`invalid JSON (${printParseErrorCode(errors[0].error)} at offset ${errors[0].offset})`);
  }
  const entries = typeof raw === 'object' && raw !== null && 'accepted' in raw ? raw.accepted : undefined;
  if (!Array.isArray(entries)) {
    throw new Error('it has no "accepted" list');
  }
  const problems: string[] = [];
  return { accepted: mergeConfig(defaultConfig(), { accepted: entries }, problems).accepted, problems };
}

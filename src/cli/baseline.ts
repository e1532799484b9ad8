import { readFileSync } from 'node:fs';
import { type AcceptedFinding, type Finding, defaultConfig, mergeConfig, paths } from '../engine';

/**
 * Baselines (`--write-baseline`, `--baseline`): the findings of a workspace as it is today, accepted so
 * that a pipeline fails only on new ones. A baseline holds entries of the project file's `accepted`
 * list (rule, resource address, file), so the same matching applies and an entry can be moved into
 * `.cloud-act-lens.json` with a real reason. Paths are relative to the first scanned path, as there.
 */

/** Entries for the findings not accepted otherwise, one per rule, resource and file, in a stable order. */
export function baselineEntries(findings: readonly Finding[], root: string, date: string): AcceptedFinding[] {
  const reason = `in the baseline written on ${date}`;
  const byKey = new Map<string, AcceptedFinding>();
  for (const f of findings) {
    if (f.suppressed) {
      continue;
    }
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

/** Reads a baseline: its accepted entries, and problems with entries that were left out. Throws when unreadable. */
export function readBaseline(path: string): { accepted: AcceptedFinding[]; problems: string[] } {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  const problems: string[] = [];
  const entries = typeof raw === 'object' && raw !== null && 'accepted' in raw ? raw.accepted : undefined;
  if (!Array.isArray(entries)) {
    throw new Error('it has no "accepted" list');
  }
  return { accepted: mergeConfig(defaultConfig(), { accepted: entries }, problems).accepted, problems };
}

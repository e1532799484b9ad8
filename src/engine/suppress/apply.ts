import type { AcceptedFinding, LensConfig } from '../config';
import type { Finding, Placement } from '../model';
import { relative } from '../workspace/paths';
import { type Directive, governs, isExpired, mayHoldDirectives, parseDirectives } from './directives';

/** Splits text into lines once per file; directives need only the lines between a directive and a header. */
function lines(text: string): string[] {
  return text.split('\n');
}

function matchesAccepted(a: AcceptedFinding, f: Finding, root: string | undefined): boolean {
  if (a.ruleId !== f.ruleId) {
    return false;
  }
  if (a.resource && a.resource !== f.resource) {
    return false;
  }
  if (a.file && root !== undefined && relative(root, f.file) !== a.file.replace(/^\.\//, '')) {
    return false;
  }
  return Boolean(a.resource || a.file);
}

/**
 * The project file's accepted entries (and a baseline's, which hold thousands) by the keys a finding can
 * match: rule + resource + file, rule + resource, rule + file. Built once per list.
 */
interface AcceptedIndex {
  byKey: Map<string, AcceptedFinding[]>;
  order: Map<AcceptedFinding, number>;
}

const indexes = new WeakMap<readonly AcceptedFinding[], AcceptedIndex>();

const keyOf = (rule: string, resource: string, file: string) => `${rule}\u0000${resource}\u0000${file}`;

function acceptedIndex(accepted: readonly AcceptedFinding[]): AcceptedIndex {
  let index = indexes.get(accepted);
  if (!index) {
    const byKey = new Map<string, AcceptedFinding[]>();
    for (const a of accepted) {
      const key = keyOf(a.ruleId, a.resource ?? '', a.file?.replace(/^\.\//, '') ?? '');
      const list = byKey.get(key) ?? [];
      list.push(a);
      byKey.set(key, list);
    }
    index = { byKey, order: new Map(accepted.map((a, i) => [a, i])) };
    indexes.set(accepted, index);
  }
  return index;
}

/** The first accepted entry (in file order) that matches `f` and has not expired. */
function acceptedFor(
  accepted: readonly AcceptedFinding[],
  f: Finding,
  root: string | undefined,
  now: Date,
): AcceptedFinding | undefined {
  if (root === undefined) {
    // Without a root, file paths cannot be compared and entries match on rule and resource alone.
    return accepted.find((a) => matchesAccepted(a, f, root) && !isExpired(a.expires, now));
  }
  const { byKey, order } = acceptedIndex(accepted);
  const file = relative(root, f.file);
  const candidates = [
    ...(byKey.get(keyOf(f.ruleId, f.resource, file)) ?? []),
    ...(byKey.get(keyOf(f.ruleId, f.resource, '')) ?? []),
    ...(byKey.get(keyOf(f.ruleId, '', file)) ?? []),
  ].sort((x, y) => order.get(x)! - order.get(y)!);
  return candidates.find((a) => matchesAccepted(a, f, root) && !isExpired(a.expires, now));
}

/** A unit's suppressions: its directive problems as CAL007 findings, and a marker for its placements. */
export interface UnitSuppressions {
  /** CAL007 findings: malformed and expired directives of the unit's files. */
  extra: Finding[];
  /** Marks the findings of `placements` (any batch of the unit's) accepted by a directive or the project file. */
  mark(placements: readonly Placement[]): void;
}

/**
 * Reads the directives of a unit's files once, so that its placements can be marked in batches (a unit of
 * 200,000 resources is placed and handed on a batch at a time). Accepted findings stay in the result with
 * `suppressed`.
 */
export function suppressionsFor(
  texts: Map<string, string>,
  config: LensConfig,
  now: Date,
  root: string | undefined,
): UnitSuppressions {
  const extra: Finding[] = [];
  const severity = config.rules.CAL007 ?? 'warning';
  const liveByFile = new Map<string, { live: Directive[]; textLines: string[] }>();
  for (const [file, text] of texts) {
    if (!mayHoldDirectives(text)) {
      continue;
    }
    const { directives, problems } = parseDirectives(text);
    for (const problem of problems) {
      if (severity !== 'off') {
        extra.push({
          ruleId: 'CAL007',
          severity,
          message: problem.message,
          file,
          range: problem.range,
          resource: file,
          related: [],
        });
      }
    }
    const live: Directive[] = [];
    for (const d of directives) {
      if (isExpired(d.expires, now)) {
        if (severity !== 'off') {
          extra.push({
            ruleId: 'CAL007',
            severity,
            message: `suppression of ${d.rules.join(', ')} expired on ${d.expires}; the finding is reported again`,
            file,
            range: d.range,
            resource: file,
            related: [],
          });
        }
      } else {
        live.push(d);
      }
    }
    if (live.length > 0) {
      liveByFile.set(file, { live, textLines: lines(text) });
    }
  }
  const mark = (placements: readonly Placement[]): void => {
    if (liveByFile.size > 0) {
      for (const p of placements) {
        const inFile = liveByFile.get(p.file);
        if (!inFile) {
          continue;
        }
        for (const f of p.findings) {
          const d = inFile.live.find(
            (d) =>
              d.rules.includes(f.ruleId) &&
              (d.scope === 'file' || governs(inFile.textLines, d.line, p.headerRange.start.line)),
          );
          if (d) {
            f.suppressed = { reason: d.reason, expires: d.expires, location: { file: p.file, range: d.range } };
          }
        }
      }
    }
    if (config.accepted.length > 0) {
      for (const p of placements) {
        for (const f of p.findings) {
          if (f.suppressed) {
            continue;
          }
          const a = acceptedFor(config.accepted, f, root, now);
          if (a) {
            f.suppressed = { reason: a.reason, expires: a.expires, location: { file: f.file, range: f.range } };
          }
        }
      }
    }
  };
  return { extra, mark };
}

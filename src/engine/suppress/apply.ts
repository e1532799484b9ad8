import type { AcceptedFinding, LensConfig } from '../config';
import type { Finding, Placement } from '../model';
import { relative } from '../workspace/paths';
import { governs, isExpired, parseDirectives, type Directive } from './directives';

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

const indexes = new WeakMap<readonly AcceptedFinding[], Map<string, AcceptedFinding[]>>();
const orders = new WeakMap<readonly AcceptedFinding[], Map<AcceptedFinding, number>>();

function acceptedOrder(accepted: readonly AcceptedFinding[]): Map<AcceptedFinding, number> {
  let order = orders.get(accepted);
  if (!order) {
    order = new Map(accepted.map((a, i) => [a, i]));
    orders.set(accepted, order);
  }
  return order;
}

/**
 * Accepted findings by rule and resource (and by rule alone for entries that name only a file), in
 * their order: a baseline accepts thousands of findings, and a scan looks each finding up once.
 */
function acceptedIndex(accepted: readonly AcceptedFinding[]): Map<string, AcceptedFinding[]> {
  let index = indexes.get(accepted);
  if (!index) {
    index = new Map();
    for (const a of accepted) {
      const key = a.resource ? `${a.ruleId}\u0000${a.resource}` : a.ruleId;
      const list = index.get(key) ?? [];
      list.push(a);
      index.set(key, list);
    }
    indexes.set(accepted, index);
  }
  return index;
}

/**
 * Marks findings accepted by comment directives in their file or by the project file, and reports
 * problems with directives as CAL007 findings. Accepted findings stay in the result with `suppressed`.
 */
export function applySuppressions(
  placements: Placement[],
  texts: Map<string, string>,
  config: LensConfig,
  now: Date,
  root: string | undefined,
): Finding[] {
  const extra: Finding[] = [];
  const severity = config.rules.CAL007 ?? 'warning';
  const byFile = new Map<string, Placement[]>();
  for (const p of placements) {
    const list = byFile.get(p.file) ?? [];
    list.push(p);
    byFile.set(p.file, list);
  }
  for (const [file, text] of texts) {
    if (!text.includes('cloud-act-lens:')) {
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
    if (live.length === 0) {
      continue;
    }
    const textLines = lines(text);
    for (const p of byFile.get(file) ?? []) {
      for (const f of p.findings) {
        const d = live.find(
          (d) =>
            d.rules.includes(f.ruleId) && (d.scope === 'file' || governs(textLines, d.line, p.headerRange.start.line)),
        );
        if (d) {
          f.suppressed = { reason: d.reason, expires: d.expires, location: { file, range: d.range } };
        }
      }
    }
  }
  if (config.accepted.length > 0) {
    const index = acceptedIndex(config.accepted);
    for (const p of placements) {
      for (const f of p.findings) {
        if (f.suppressed) {
          continue;
        }
        // Both lists are in file order; the first entry that matches wins, as the project file reads.
        const candidates = [...(index.get(`${f.ruleId}\u0000${f.resource}`) ?? []), ...(index.get(f.ruleId) ?? [])];
        if (candidates.length > 1) {
          const order = acceptedOrder(config.accepted);
          candidates.sort((x, y) => order.get(x)! - order.get(y)!);
        }
        const a = candidates.find((a) => matchesAccepted(a, f, root) && !isExpired(a.expires, now));
        if (a) {
          f.suppressed = { reason: a.reason, expires: a.expires, location: { file: f.file, range: f.range } };
        }
      }
    }
  }
  return extra;
}

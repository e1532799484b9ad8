import type { AnalysisError, Finding, Placement } from '../model';
import type { PolicyTally } from '../residency/policy';
import { type ReportData, rootOf } from './report-data';

/**
 * The JSON document of the CLI contract (schemaVersion 1, see architecture.md). Fields may be added,
 * never renamed or removed. Lines and columns are 1-based; end columns are exclusive.
 */
export function toJson(data: ReportData): string {
  const chunks: string[] = [];
  writeJson(data, (chunk) => chunks.push(chunk));
  return chunks.join('');
}

/**
 * Writes the same document as {@link toJson} in pieces, one resource, finding or error at a time, so
 * that a scan of a huge workspace never builds the whole document as one string (V8 strings stop at
 * about 512 MB). Layout: the frame is indented by two spaces, and each element of `resources`,
 * `findings` and `errors` is one line of compact JSON. Indenting every field as well made the report
 * 1.8 times the size of the real Bicep it described (12.4 MB for 6.8 MB of modules); one line per
 * element keeps it near the source's size, and a report diffs and greps element by element.
 */
export function writeJson(data: ReportData, write: (chunk: string) => void): void {
  writeJsonDocument(
    data.tool,
    {
      resources: mapItems(data.placements, (p) => resourceJson(data, p)),
      findings: mapItems(data.findings, (f) => findingJson(data, f)),
      errors: mapItems(data.errors, (e) => errorJson(data, e)),
    },
    write,
    data.residency,
  );
}

/**
 * Items rendered one at a time, as they are written: joining a few hundred into one string first made
 * every character be copied once more (tf42's 15,667 items rendered and written: 136–199 ms that way,
 * 85–134 ms without).
 */
function* mapItems<T>(items: readonly T[], toObject: (item: T) => object): Iterable<string> {
  for (const item of items) {
    yield JSON.stringify(toObject(item));
  }
}

/** Elements of a top-level list, one line of compact JSON each (without the first line's indent). */
export function jsonListItems(objs: object[]): string {
  return objs.map((o) => JSON.stringify(o)).join(',\n    ');
}

/** One element of a top-level list (see {@link jsonListItems}). */
export function jsonListItem(obj: object): string {
  return jsonListItems([obj]);
}

/**
 * Frames the document around list elements already rendered by {@link jsonListItems} (each string one
 * or more elements), which may come from anywhere (memory, or a file that a large scan spilled them to).
 */
export function writeJsonDocument(
  tool: ReportData['tool'],
  lists: { resources: Iterable<string>; findings: Iterable<string>; errors: Iterable<string> },
  write: (chunk: string) => void,
  residency: readonly PolicyTally[] = [],
): void {
  write(`{\n  "schemaVersion": 1,\n  "tool": ${indent(JSON.stringify(tool, null, 2), '  ')},\n`);
  // Added in 0.2: per residency policy in effect, how many placements are inside, outside, or cannot
  // be checked yet. Present only when a policy is configured.
  if (residency.length > 0) {
    write(`  "residency": [\n    ${jsonListItems(residency.map(residencyJson))}\n  ],\n`);
  }
  writeList('resources', lists.resources, write, false);
  writeList('findings', lists.findings, write, false);
  writeList('errors', lists.errors, write, true);
  write('}\n');
}

function residencyJson(t: PolicyTally): object {
  return {
    policy: t.policy,
    kind: t.kind,
    file: t.file,
    line: t.line,
    allows: t.allows,
    compliant: t.compliant,
    outside: t.outside,
    unresolved: t.unresolved,
  };
}

/**
 * Item by item: `write` is expected to buffer (the CLI encodes the pieces into one reused buffer). Joining
 * items into chunks first made each chunk a string to flatten, and a two-byte one whenever an item held
 * text outside ASCII.
 */
function writeList(name: string, items: Iterable<string>, write: (chunk: string) => void, last: boolean): void {
  const end = last ? '\n' : ',\n';
  let first = true;
  for (const item of items) {
    write(first ? `  "${name}": [\n    ` : ',\n    ');
    write(item);
    first = false;
  }
  write(first ? `  "${name}": []${end}` : `\n  ]${end}`);
}

/** Indents every line but the first (JSON strings hold no raw line breaks, so this is exact). */
function indent(json: string, prefix: string): string {
  return json.replace(/\n/g, `\n${prefix}`);
}

export function resourceJson(data: ReportData, p: Placement): object {
  return {
    file: data.rel(p.file),
    line: p.range.start.line + 1,
    column: p.range.start.character + 1,
    language: p.language,
    type: p.type,
    name: p.name,
    address: p.address,
    module: p.module,
    // Added in 0.2: the root module or template this placement belongs to (see rootOf).
    root: rootOf(data, p),
    provider: p.provider,
    region: p.regionId,
    country: p.country,
    controller: p.controller,
    operator: p.operator,
    provenance: data.provenance(p) || null,
    unresolvedReason: p.region.kind === 'unknown' ? p.region.reason : null,
    dataClass: p.dataClass,
    global: p.global,
    instanceKey: p.instanceKey ?? null,
    copies: p.copies.map((c) => ({
      kind: c.kind,
      region: c.regionId,
      country: c.country,
      operator: c.operator,
      controller: c.controller,
      provenance: data.steps(c.provenance) || null,
      unresolvedReason: c.unresolvedReason,
    })),
    findings: p.findings.filter((f) => !f.suppressed).map((f) => f.ruleId),
    accepted: p.findings.filter((f) => f.suppressed).map((f) => f.ruleId),
  };
}

export function findingJson(data: ReportData, f: Finding): object {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    file: data.rel(f.file),
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
    resource: f.resource.startsWith('/') ? data.rel(f.resource) : f.resource,
    // Added in 0.2: as on resources.
    root: rootOf(data, f),
    message: f.message,
    suppressed: f.suppressed ? { reason: f.suppressed.reason, expires: f.suppressed.expires ?? null } : null,
  };
}

export function errorJson(data: ReportData, e: AnalysisError): object {
  return {
    file: data.rel(e.file),
    line: (e.range?.start.line ?? 0) + 1,
    message: e.message,
  };
}

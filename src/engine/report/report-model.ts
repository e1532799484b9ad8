import { alternativesIn, getProvider } from '../catalog';
import { countryName } from '../catalog/countries';
import * as legal from '../legal';
import type { AnalysisError, CopyKind, Finding, NotReadKind, Placement, RuleId, Severity } from '../model';
import type { PolicyTally } from '../residency/policy';
import { crossesBorder } from '../rules/cal008';
import { resourceLabel } from '../rules/describe';
import { getRule, ruleDocsUrl } from '../rules/registry';
import { type ReportData, rootOf } from './report-data';

/** One rule that applies to a placement, active or accepted. */
export interface RowRule {
  ruleId: RuleId;
  severity: Severity;
  message: string;
  /** Present when the finding was accepted (suppressed); the reason is shown, the finding still counted. */
  accepted: { reason: string; expires: string | null } | null;
}

/** A copy of a placement's data as every format shows it. */
export interface ReportCopy {
  kind: CopyKind;
  region: string | null;
  unresolvedReason: string | null;
  country: string | null;
  /** The country's name, or "several countries" for a multi-region. */
  countryName: string | null;
  operator: string | null;
  controller: string | null;
  /** In another country than the resource, or across several (CAL008's condition). */
  crossesBorder: boolean;
  provenance: string;
}

/** A placement as every format shows it: plain strings and numbers, 1-based lines and columns. */
export interface ReportRow {
  /** Index into {@link ReportModel.rows}, stable for one model (the webview sends it back on click). */
  id: number;
  /** Path relative to the report's base directory, forward slashes. */
  file: string;
  line: number;
  column: number;
  resource: string;
  type: string;
  language: string;
  provider: string;
  region: string | null;
  unresolvedReason: string | null;
  country: string | null;
  countryName: string | null;
  operator: string | null;
  controller: string | null;
  controllerName: string | null;
  rules: RowRule[];
  /** Highest severity among active (not accepted) findings, null when none. */
  severity: Severity | null;
  provenance: string;
  /** The provenance chain step by step, origin last (the webview shows the first and folds the rest). */
  provenanceSteps: string[];
  /**
   * The root module or template that produced the row, relative like `file`: a Terraform root
   * directory (`.` for the base directory), a Bicep or ARM entry file. Rows group by it.
   */
  root: string;
  copies: ReportCopy[];
}

export interface ReportSummary {
  resources: number;
  files: number;
  /** Placements in a non-U.S. region whose operator is ultimately controlled by a U.S. entity. */
  nonUsRegionUsControlled: number;
  unresolved: number;
  /** Placements with at least one copy of their data in another country (CAL008's condition). */
  copiesAcrossBorders: number;
  accepted: number;
  errors: number;
  /** Modules and templates referred to but not read (registry, remote), whose resources are missing. */
  notRead: number;
  /** Active findings per severity. */
  bySeverity: Record<Severity, number>;
}

/** One bar of a chart: how many placements share a key, and how many of them are flagged by CAL001. */
export interface Bar {
  key: string;
  label: string;
  count: number;
  usControlled: number;
}

export interface CountryAlternatives {
  country: string;
  countryName: string;
  providers: Array<{ name: string; operator: string; controllerName: string; regions: string[] }>;
}

export interface ReportRuleInfo {
  id: RuleId;
  name: string;
  title: string;
  helpUri: string;
}

/** Everything the formatters and the webview show, in the same order for every format. */
export interface ReportModel {
  tool: ReportData['tool'];
  summary: ReportSummary;
  rows: ReportRow[];
  errors: Array<{ file: string; line: number; message: string }>;
  /** What the scanned files refer to but a scan never reads (see {@link AnalysisError.notRead}), by kind. */
  notRead: NotReadGroup[];
  /** Findings that belong to no placement (CAL007 on suppression directives). */
  otherFindings: Array<RowRule & { file: string; line: number; column: number }>;
  byCountry: Bar[];
  byController: Bar[];
  byProvider: Bar[];
  legal: { paragraphs: string[]; citations: legal.Citation[] };
  alternatives: CountryAlternatives[];
  /** The rules that occur in the rows, in id order, with their documentation links. */
  rules: ReportRuleInfo[];
  /** Per residency policy: placements inside, outside, not checkable yet; [] without a policy. */
  residency: PolicyTally[];
}

/**
 * What a scan does not read, of one kind: the reason once, then each thing not read with the places that
 * refer to it (a registry module called from 40 examples is one line, not 40 copies of one sentence).
 */
export interface NotReadGroup {
  kind: NotReadKind;
  /** What these are, said once for the whole group (`Terraform modules that are not installed`). */
  title: string;
  /** What to do about them, a sentence, or empty. */
  advice: string;
  /** Places in the group. */
  count: number;
  /** Most places first; `source` is what is not read, as written, or a description when it is not given. */
  sources: Array<{ source: string; given: boolean; places: Array<{ file: string; line: number }> }>;
}

/** The lead of every "Not read" section. */
export const NOT_READ_LEAD = 'What these places refer to is not in this report: a scan never downloads anything.';

/** Each kind's title and advice, in the order the reports list them, and what stands for a source not given. */
const NOT_READ_KINDS: ReadonlyArray<{ kind: NotReadKind; title: string; advice: string; ungiven: string }> = [
  {
    kind: 'terraform-module',
    title: 'Terraform modules that are not installed',
    advice: 'run terraform init in the root module that calls them, then scan again.',
    ungiven: 'source not given',
  },
  {
    kind: 'terragrunt-module',
    title: 'Modules of Terragrunt units that come from a remote source',
    advice: '',
    ungiven: 'source not known statically',
  },
  {
    kind: 'bicep-registry-module',
    title: 'Bicep modules from a registry (br:) or a template spec (ts:)',
    advice: '',
    ungiven: 'reference not given',
  },
  {
    kind: 'bicep-registry-template',
    title: 'Templates of parameters files that are in a registry (br:) or a template spec (ts:)',
    advice: '',
    ungiven: 'reference not given',
  },
  {
    kind: 'arm-linked-template',
    title: 'Linked templates at a remote address',
    advice: 'the address is not shown.',
    ungiven: 'remote address',
  },
];

function notReadGroups(data: ReportData, errors: AnalysisError[]): NotReadGroup[] {
  const out: NotReadGroup[] = [];
  for (const { kind, title, advice, ungiven } of NOT_READ_KINDS) {
    const bySource = new Map<string, NotReadGroup['sources'][number]>();
    let count = 0;
    for (const e of errors) {
      if (e.notRead?.kind !== kind) {
        continue;
      }
      const given = e.notRead.source !== undefined;
      const source = e.notRead.source ?? ungiven;
      const key = `${given ? 's' : 'u'}${source}`;
      let entry = bySource.get(key);
      if (!entry) {
        entry = { source, given, places: [] };
        bySource.set(key, entry);
      }
      entry.places.push({ file: data.rel(e.file), line: (e.range?.start.line ?? 0) + 1 });
      count++;
    }
    if (count === 0) {
      continue;
    }
    const sources = [...bySource.values()];
    for (const s of sources) {
      s.places.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
    }
    sources.sort(
      (a, b) => b.places.length - a.places.length || (a.source < b.source ? -1 : a.source > b.source ? 1 : 0),
    );
    out.push({ kind, title, advice, count, sources });
  }
  return out;
}

/** `Terraform modules that are not installed (3 places): run terraform init ...`: a group's heading line. */
export function notReadHeading(g: NotReadGroup): string {
  return `${g.title} (${plural(g.count, 'place')})${g.advice ? `: ${g.advice}` : '.'}`;
}

/** `main.tf:5, other.tf:12`: the places of one thing not read, for one-line cells. */
export function notReadPlaces(places: ReadonlyArray<{ file: string; line: number }>): string {
  return places.map((p) => `${p.file}:${p.line}`).join(', ');
}

const RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };
/** Bar key of placements whose region is not determined (never a country code). */
const UNRESOLVED = 'unresolved';

/** Mirrors CAL001's condition so that the summary counts even when the rule is turned off. */
export function isNonUsRegionUsControlled(p: Placement): boolean {
  return !p.global && p.regionKnown && p.control === 'us' && p.controller === 'US' && p.country !== 'US';
}

function rowRule(f: Finding): RowRule {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    accepted: f.suppressed ? { reason: f.suppressed.reason, expires: f.suppressed.expires ?? null } : null,
  };
}

function toRow(p: Placement, id: number, data: ReportData): ReportRow {
  const rules = p.findings.map(rowRule);
  let severity: Severity | null = null;
  for (const r of rules) {
    if (!r.accepted && (severity === null || RANK[r.severity] > RANK[severity])) {
      severity = r.severity;
    }
  }
  return {
    id,
    file: data.rel(p.file),
    line: p.range.start.line + 1,
    column: p.range.start.character + 1,
    resource: resourceLabel(p),
    type: p.type,
    language: p.language,
    provider: p.provider,
    region: p.regionId,
    unresolvedReason: p.region.kind === 'unknown' ? p.region.reason : null,
    country: p.country,
    countryName: p.country ? countryName(p.country) : null,
    operator: p.operator,
    controller: p.controller,
    controllerName: p.controller ? countryName(p.controller) : null,
    rules,
    severity,
    provenance: data.provenance(p),
    provenanceSteps: data.provenanceSteps(p),
    root: rootOf(data, p),
    copies: p.copies.map((c) => ({
      kind: c.kind,
      region: c.regionId,
      unresolvedReason: c.unresolvedReason,
      country: c.country,
      countryName: c.country ? countryName(c.country) : c.multiCountry ? 'several countries' : null,
      operator: c.operator,
      controller: c.controller,
      crossesBorder: crossesBorder(p, c),
      provenance: data.steps(c.provenance),
    })),
  };
}

function bars(placements: Placement[], key: (p: Placement) => string, label: (k: string) => string): Bar[] {
  const map = new Map<string, Bar>();
  for (const p of placements) {
    const k = key(p);
    const bar = map.get(k) ?? { key: k, label: label(k), count: 0, usControlled: 0 };
    bar.count++;
    bar.usControlled += isNonUsRegionUsControlled(p) ? 1 : 0;
    map.set(k, bar);
  }
  return [...map.values()].sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}

function alternatives(placements: Placement[]): CountryAlternatives[] {
  const countries = [...new Set(placements.filter(isNonUsRegionUsControlled).map((p) => p.country))]
    .filter((c): c is string => c !== null)
    .sort();
  return countries.map((country) => ({
    country,
    countryName: countryName(country),
    providers: alternativesIn(country).map((a) => ({
      name: a.provider.displayName,
      operator: a.provider.operator.name,
      controllerName: countryName(a.controller),
      regions: a.regions.map((r) => (r.name && r.name !== r.id ? `${r.id} (${r.name})` : r.id)),
    })),
  }));
}

/** Builds the model that every report format renders, so that all formats show the same content. */
export function buildReportModel(data: ReportData): ReportModel {
  const rows = data.placements.map((p, i) => toRow(p, i, data));
  const active = data.findings.filter((f) => !f.suppressed);
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of active) {
    bySeverity[f.severity]++;
  }
  const unknown = 'unknown';
  const onPlacements = new Set(data.placements.flatMap((p) => p.findings));
  const ruleIds = [...new Set(data.findings.map((f) => f.ruleId))].sort();
  const notRead = data.errors.filter((e) => e.notRead);
  const item = (e: AnalysisError) => ({
    file: data.rel(e.file),
    line: (e.range?.start.line ?? 0) + 1,
    message: e.message,
  });
  return {
    tool: data.tool,
    summary: {
      resources: data.placements.length,
      files: data.files,
      nonUsRegionUsControlled: data.placements.filter(isNonUsRegionUsControlled).length,
      unresolved: data.placements.filter((p) => p.regionId === null).length,
      copiesAcrossBorders: data.placements.filter((p) => p.copies.some((c) => crossesBorder(p, c))).length,
      accepted: data.findings.length - active.length,
      errors: data.errors.length - notRead.length,
      notRead: notRead.length,
      bySeverity,
    },
    rows,
    otherFindings: data.findings
      .filter((f) => !onPlacements.has(f))
      .map((f) => ({
        ...rowRule(f),
        file: data.rel(f.file),
        line: f.range.start.line + 1,
        column: f.range.start.character + 1,
      })),
    errors: data.errors.filter((e) => !e.notRead).map(item),
    notRead: notReadGroups(data, notRead),
    // Unresolved regions are their own bar: "not one country" means a known multi-region.
    byCountry: bars(
      data.placements,
      (p) => (p.regionId === null ? UNRESOLVED : (p.country ?? unknown)),
      (k) => (k === UNRESOLVED ? 'Region not determined' : k === unknown ? 'Not one country' : countryName(k)),
    ),
    byController: bars(
      data.placements,
      (p) => p.controller ?? unknown,
      (k) => (k === unknown ? 'Unknown' : countryName(k)),
    ),
    byProvider: bars(
      data.placements,
      (p) => p.provider,
      (k) => getProvider(k)?.displayName ?? k,
    ),
    legal: {
      paragraphs: [legal.statuteSentence(), legal.caseSentences().join(' '), legal.limitsSentence()],
      citations: legal.citations(),
    },
    alternatives: alternatives(data.placements),
    rules: ruleIds.map((id) => {
      const rule = getRule(id);
      return { id, name: rule.name, title: rule.title, helpUri: ruleDocsUrl(id) };
    }),
    residency: data.residency,
  };
}

/** `CAL001 warning` or `CAL001 accepted: reason (until 2027-01-01)`, for one-line cells. */
export function describeRowRule(r: RowRule): string {
  if (!r.accepted) {
    return `${r.ruleId} ${r.severity}`;
  }
  const until = r.accepted.expires ? ` (until ${r.accepted.expires})` : '';
  return `${r.ruleId} accepted: ${r.accepted.reason}${until}`;
}

/** `1 file`, `2 files`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The summary as one sentence; the same wording in every format. */
export function summarySentence(s: ReportSummary): string {
  return (
    `${plural(s.resources, 'resource')} in ${plural(s.files, 'file')}: ${s.nonUsRegionUsControlled} in non-U.S. regions of ` +
    `U.S.-controlled operators, ${s.copiesAcrossBorders} with a copy of their data in another country, ` +
    `${s.unresolved} unresolved, ${s.accepted} accepted, ${plural(s.errors, 'error')}` +
    (s.notRead > 0
      ? `, ${s.notRead} ${s.notRead === 1 ? 'module or template' : 'modules or templates'} not read.`
      : '.')
  );
}

/** `2026-12-03 06:10 UTC`: an ISO date and time, never a locale-dependent one. */
export function isoMinute(d: Date): string {
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** `Scanned 2026-12-03 06:10 UTC: infra, modules` for a report's header, or '' without a scan context. */
export function scanLine(data: { scan?: { at: Date; paths: string[] } }): string {
  return data.scan ? `Scanned ${isoMinute(data.scan.at)}: ${data.scan.paths.join(', ')}` : '';
}

/** `GCP organisation policy gcp.resourceLocations (org.yaml:4)`: the policy and where it is written. */
export function residencyPolicyName(t: PolicyTally): string {
  return `${t.policy} (${t.file}${t.line ? `:${t.line}` : ''})`;
}

/** `3 inside, 1 outside, 2 not checked (region not known)`: one policy's compliance, in every format. */
export function residencyCounts(t: PolicyTally): string {
  return `${t.compliant} inside, ${t.outside} outside, ${t.unresolved} not checked (region not known)`;
}

/** `replication: us-east-1 (United States)` or `geo-redundancy: region not known (reason)`, for one-line cells. */
export function describeRowCopy(c: ReportCopy): string {
  const where = c.region
    ? `${c.region}${c.countryName ? ` (${c.countryName})` : ''}`
    : `region not known (${c.unresolvedReason ?? ''})`;
  return `${c.kind}: ${where}`;
}

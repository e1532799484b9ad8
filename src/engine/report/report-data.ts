import { unitKeyOf } from '../analyzer';
import { CATALOG_DATE } from '../catalog';
import type { AnalysisError, Finding, Placement, ProvenanceStep, ScanResult } from '../model';
import { type PolicyTally, type ResidencyPolicy, ResidencyTally } from '../residency/policy';
import { describeProvenance, describeProvenanceSteps } from '../rules/describe';
import { TOOL_NAME, TOOL_VERSION } from '../version';
import { dirname, relative } from '../workspace/paths';

/** Everything a formatter needs, with paths already made relative to `baseDir`. */
export interface ReportData {
  tool: { name: string; version: string; catalogDate: string };
  baseDir: string;
  placements: Placement[];
  findings: Finding[];
  errors: AnalysisError[];
  files: number;
  /**
   * When and what was scanned, for reports that go into an audit file (HTML, Markdown). Absent in the
   * JSON and SARIF contract, which stay byte-identical for the same input.
   */
  scan?: { at: Date; paths: string[] };
  /** Per residency policy in effect: placements inside, outside, and not checkable yet; [] without a policy. */
  residency: PolicyTally[];
  /** `file` relative to the base directory, forward slashes. */
  rel(file: string): string;
  provenance(p: Placement): string;
  /** The same chain step by step (the report shows the first and folds the rest). */
  provenanceSteps(p: Placement): string[];
  /** A provenance chain (a copy's) as one line, with relative paths. */
  steps(steps: ProvenanceStep[]): string;
}

function compareByLocation(
  a: { file: string; range?: { start: { line: number; character: number } } },
  b: typeof a,
): number {
  if (a.file !== b.file) {
    return a.file < b.file ? -1 : 1;
  }
  const la = a.range?.start.line ?? 0;
  const lb = b.range?.start.line ?? 0;
  return la - lb || (a.range?.start.character ?? 0) - (b.range?.start.character ?? 0);
}

/** Builds report data from a scan, sorted by file and position so that output is deterministic. */
export function buildReportData(
  result: ScanResult,
  baseDir: string,
  policies: readonly ResidencyPolicy[] = [],
): ReportData {
  // Many resources share a file: compute each relative path once.
  const relCache = new Map<string, string>();
  const rel = (file: string) => {
    let r = relCache.get(file);
    if (r === undefined) {
      r = file.startsWith('/') ? relative(baseDir, file) : file;
      relCache.set(file, r);
    }
    return r;
  };
  const ctx = { displayPath: rel };
  const tally = new ResidencyTally(policies);
  tally.add(result.placements);
  return {
    tool: { name: TOOL_NAME, version: TOOL_VERSION, catalogDate: CATALOG_DATE },
    baseDir,
    placements: [...result.placements].sort(compareByLocation),
    findings: [...result.findings].sort(compareByLocation),
    errors: [...result.errors].sort(compareByLocation),
    files: result.files,
    residency: tally.results(),
    rel,
    provenance: (p) => describeProvenance(p.provenance, ctx),
    provenanceSteps: (p) => describeProvenanceSteps(p.provenance, ctx),
    steps: (steps) => describeProvenance(steps, ctx),
  };
}

/**
 * The root module or template that produced a placement or finding, relative like `file`: a Terraform
 * root directory (`.` for the base directory), a Bicep or ARM entry file or parameters file. A module
 * that several roots call has one placement per root, and this is what tells them apart. Without an
 * analysis unit (a finding on a suppression comment), the file's directory.
 */
export function rootOf(data: ReportData, item: { unit?: string; file: string }): string {
  return data.rel(item.unit !== undefined ? unitKeyOf(item.unit) : dirname(item.file)) || '.';
}

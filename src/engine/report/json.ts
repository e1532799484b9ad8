import type { ReportData } from './report-data';

/**
 * The JSON document of the CLI contract (schemaVersion 1, see architecture.md). Fields may be added,
 * never renamed or removed. Lines and columns are 1-based; end columns are exclusive.
 */
export function toJson(data: ReportData): string {
  const doc = {
    schemaVersion: 1,
    tool: data.tool,
    resources: data.placements.map((p) => ({
      file: data.rel(p.file),
      line: p.range.start.line + 1,
      column: p.range.start.character + 1,
      language: p.language,
      type: p.type,
      name: p.name,
      address: p.address,
      module: p.module,
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
      findings: p.findings.filter((f) => !f.suppressed).map((f) => f.ruleId),
      accepted: p.findings.filter((f) => f.suppressed).map((f) => f.ruleId),
    })),
    findings: data.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      file: data.rel(f.file),
      line: f.range.start.line + 1,
      column: f.range.start.character + 1,
      endLine: f.range.end.line + 1,
      endColumn: f.range.end.character + 1,
      resource: f.resource.startsWith('/') ? data.rel(f.resource) : f.resource,
      message: f.message,
      suppressed: f.suppressed ? { reason: f.suppressed.reason, expires: f.suppressed.expires ?? null } : null,
    })),
    errors: data.errors.map((e) => ({
      file: data.rel(e.file),
      line: (e.range?.start.line ?? 0) + 1,
      message: e.message,
    })),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

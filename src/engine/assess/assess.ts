import type { LensConfig } from '../config';
import type { Finding, Placement, RelatedInfo, Severity, SourceRange } from '../model';
import { describeStep } from '../rules/describe';
import { RULES } from '../rules/registry';
import type { RuleContext } from '../rules/rule';

function contains(outer: SourceRange, inner: SourceRange): boolean {
  const before = (a: SourceRange['start'], b: SourceRange['start']) =>
    a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

/**
 * The diagnostic range: the region value when it is written in the resource's own declaration
 * (`location = "westeurope"`), else the resource header. A value in a provider block or a variable
 * default is shared by many resources, so it is shown as related information rather than stacking
 * every resource's diagnostic on that one line.
 */
function findingRange(p: Placement): SourceRange {
  if (p.regionLocation && p.regionLocation.file === p.file && contains(p.range, p.regionLocation.range)) {
    return p.regionLocation.range;
  }
  return p.headerRange;
}

function related(p: Placement, ctx: RuleContext): RelatedInfo[] {
  const out: RelatedInfo[] = [];
  for (const step of p.provenance) {
    if (step.location) {
      out.push({ message: `Region from ${describeStep(step, ctx)}`, location: step.location });
    }
  }
  return out;
}

/** Runs every enabled rule over a placement and returns its findings (not yet checked against suppressions). */
export function assess(p: Placement, config: LensConfig, ctx: RuleContext): Finding[] {
  if (config.dataHoldingOnly && p.dataClass !== 'customer-data') {
    return [];
  }
  const out: Finding[] = [];
  for (const rule of RULES) {
    const setting = config.rules[rule.id] ?? rule.defaultSeverity;
    if (setting === 'off') {
      continue;
    }
    const hit = rule.check(p, ctx);
    if (!hit) {
      continue;
    }
    const severity: Severity = hit.severity ?? setting;
    out.push({
      ruleId: rule.id,
      severity,
      message: hit.message,
      file: p.file,
      range: findingRange(p),
      resource: p.address,
      related: hit.related ?? [...related(p, ctx), ...(hit.alsoRelated ?? [])],
    });
  }
  return out;
}

import { countryName } from '../catalog/countries';
import type { Placement, ProvenanceStep } from '../model';
import type { RuleContext } from './rule';

/** `eu-central-1 (Germany)` or `EU (multi-region: DE, NL, ...)`. */
export function describeRegion(p: Placement): string {
  if (p.country) {
    return `${p.regionId} (${countryName(p.country)})`;
  }
  return p.regionId ?? 'an unknown region';
}

/** `Amazon Web Services, Inc. → Amazon.com, Inc. (United States)`: the operator, then who ultimately controls it. */
export function describeControl(p: Placement): string {
  if (!p.operator) {
    return 'unknown to the catalog';
  }
  if (p.ultimateParent && p.ultimateParent !== p.operator) {
    return `${p.operator} → ${p.ultimateParent} (${countryName(p.controller)})`;
  }
  return `${p.operator} (${countryName(p.controller)})`;
}

export function describeStep(step: ProvenanceStep, ctx: Pick<RuleContext, 'displayPath'>): string {
  if (!step.location) {
    return step.description;
  }
  return `${step.description} at ${ctx.displayPath(step.location.file)}:${step.location.range.start.line + 1}`;
}

/**
 * The provenance chain as one line, origin last: `provider "aws" at main.tf:7 ← var.region default at
 * variables.tf:2`. A step in the same file as the step before it says `at line N`: chains through one
 * long path repeated it up to eight times, a third of the JSON report of real Bicep modules.
 */
export function describeProvenance(steps: ProvenanceStep[], ctx: Pick<RuleContext, 'displayPath'>): string {
  return describeProvenanceSteps(steps, ctx).join(' ← ');
}

/** The steps of a provenance chain, one string each (a path is written in full once, then by line). */
export function describeProvenanceSteps(steps: ProvenanceStep[], ctx: Pick<RuleContext, 'displayPath'>): string[] {
  let previous: string | undefined;
  return steps.map((s) => {
    const file = s.location?.file;
    const text =
      file !== undefined && file === previous
        ? `${s.description} at line ${s.location!.range.start.line + 1}`
        : describeStep(s, ctx);
    previous = file ?? previous;
    return text;
  });
}

export function resourceLabel(p: Placement): string {
  // A Bicep address shows the loop index before the parameters file it was resolved with: `gw[0]@prod.json`.
  const shown = p.address.endsWith(']') || p.address.includes(`[${p.instanceKey}]@`);
  return p.instanceKey !== undefined && !shown ? `${p.address}[${p.instanceKey}]` : p.address;
}

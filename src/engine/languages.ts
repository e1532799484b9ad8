import type { LanguageAnalyzer } from './analyzer';
import { armAnalyzer } from './arm/analyzer';
import { mayBeArm } from './arm/document';
import { bicepAnalyzer } from './bicep/analyzer';
import { terraformAnalyzer } from './terraform/analyzer';
import { fileKind } from './terraform/config/files';
import { isPlanText } from './terraform/plan';

/** Every language analyzer, in the order their results are reported. */
export function defaultAnalyzers(): LanguageAnalyzer[] {
  return [terraformAnalyzer, bicepAnalyzer, armAnalyzer];
}

/**
 * Whether the engine analyses a document: a file that an analyzer claims by name and, for JSON (claimed
 * by name because a template or a plan may be called anything), one whose text may be an ARM template,
 * an ARM parameter file or a Terraform plan. Editors ask this before analysing an open document, so that
 * they keep no list of their own. `text` is read only for JSON.
 */
export function analysesDocument(path: string, text: () => string): boolean {
  if (!defaultAnalyzers().some((a) => a.claims(path))) {
    return false;
  }
  const lower = path.toLowerCase();
  if ((!lower.endsWith('.json') && !lower.endsWith('.jsonc')) || fileKind(path) !== undefined) {
    return true;
  }
  const t = text();
  return mayBeArm(t) || isPlanText(t);
}

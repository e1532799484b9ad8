import type { LanguageAnalyzer } from './analyzer';
import { armAnalyzer } from './arm/analyzer';
import { bicepAnalyzer } from './bicep/analyzer';
import { terraformAnalyzer } from './terraform/analyzer';

/** Every language analyzer, in the order their results are reported. */
export function defaultAnalyzers(): LanguageAnalyzer[] {
  return [terraformAnalyzer, bicepAnalyzer, armAnalyzer];
}

/**
 * The engine's public API, used by the VS Code extension and the CLI alike. Nothing under src/engine
 * imports 'vscode'; file access is injected through {@link EngineFs}.
 */
export { Engine, type EngineOptions, type RunOptions, type RunResult, type ScanPlan } from './engine';
export type { AnalysisContext, AnalysisUnit, LanguageAnalyzer, UnitResult } from './analyzer';
export type { DirEntry, EngineFs, EntryType, FileStat, LimitedRead } from './host';
export { confine, OutsideRootError } from './workspace/confine';
export { quoteValue, shortValue, MAX_QUOTED } from './text/quote';
export * from './model';
export {
  defaultConfig,
  mergeConfig,
  residencyPolicy,
  DEFAULT_EXCLUDES,
  PROJECT_FILE,
  type LensConfig,
  type RuleSetting,
  type AcceptedFinding,
} from './config';
export { loadProjectConfig } from './project-file';
export { explainPolicies, type PolicyView } from './residency/explain';
export {
  judge,
  policyAllows,
  policyLabel,
  ResidencyTally,
  type PolicyTally,
  type ResidencyPolicy,
} from './residency/policy';
export { baselineEntries, baselineText, parseBaseline } from './baseline';
export { defaultAnalyzers } from './languages';
export { isTerraformEnvironment } from './terraform/knowledge/region-attributes';
export * as catalog from './catalog';
export { countryName } from './catalog/countries';
export * as legal from './legal';
export { RULES, getRule, ruleDocsUrl, DOCS_URL } from './rules/registry';
export { describeProvenance, describeStep } from './rules/describe';
export { buildReportData, type ReportData } from './report/report-data';
export {
  errorJson,
  findingJson,
  jsonListItem,
  resourceJson,
  toJson,
  writeJson,
  writeJsonDocument,
} from './report/json';
export { toTable } from './report/table';
export {
  FORMAT_EXTENSIONS,
  FORMATTERS,
  STREAMING,
  formatNames,
  type Formatter,
  type FormatOptions,
} from './report/formats';
export { buildReportModel, isoMinute, type ReportModel } from './report/report-model';
/** The parts of the HTML report, for the editor's report view, and the one HTML escaper. */
export * as reportHtml from './report/html-parts';
export { escapeHtml } from './report/escape';
export { TOOL_NAME, TOOL_VERSION } from './version';
export * as paths from './workspace/paths';

/**
 * The engine's public API, used by the VS Code extension and the CLI alike. Nothing under src/engine
 * imports 'vscode'; file access is injected through {@link EngineFs}.
 */
export type { AnalysisContext, AnalysisUnit, LanguageAnalyzer, UnitResult } from './analyzer';
export { unitId, unitKeyOf } from './analyzer';
export { baselineEntries, baselineText, parseBaseline } from './baseline';
export * as catalog from './catalog';
export { countryName } from './catalog/countries';
export {
  type AcceptedFinding,
  DEFAULT_EXCLUDES,
  defaultConfig,
  type LensConfig,
  mergeConfig,
  PROJECT_FILE,
  residencyPolicy,
  type RuleSetting,
} from './config';
export { Engine, type EngineOptions, type RunOptions, type RunResult, type ScanPlan } from './engine';
export type { DirEntry, EngineFs, EntryType, FileStat, LimitedRead } from './host';
export { analysesDocument, defaultAnalyzers } from './languages';
export * as legal from './legal';
export * from './model';
export { loadProjectConfig } from './project-file';
export {
  FORMAT_EXTENSIONS,
  formatNames,
  type FormatOptions,
  type Formatter,
  FORMATTERS,
  STREAMING,
} from './report/formats';
export {
  errorJson,
  findingJson,
  jsonListItem,
  resourceJson,
  toJson,
  writeJson,
  writeJsonDocument,
} from './report/json';
export { buildReportData, type ReportData } from './report/report-data';
export { buildReportModel, isoMinute, type ReportModel } from './report/report-model';
export { toTable } from './report/table';
export { explainPolicies, type PolicyView } from './residency/explain';
export {
  judge,
  policyAllows,
  policyLabel,
  type PolicyTally,
  type ResidencyPolicy,
  ResidencyTally,
} from './residency/policy';
export { describeProvenance, describeStep } from './rules/describe';
export { DOCS_URL, getRule, ruleDocsUrl, RULES } from './rules/registry';
export { isTerraformEnvironment } from './terraform/knowledge/region-attributes';
export { MAX_QUOTED, quoteValue, shortValue } from './text/quote';
export { confine, OutsideRootError } from './workspace/confine';
/** The parts of the HTML report, for the editor's report view, and the one HTML escaper. */
export { escapeHtml } from './report/escape';
export * as reportHtml from './report/html-parts';
export { TOOL_NAME, TOOL_VERSION } from './version';
export * as paths from './workspace/paths';

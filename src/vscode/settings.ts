import * as vscode from 'vscode';

import {
  DEFAULT_EXCLUDES,
  defaultConfig,
  type LensConfig,
  residencyPolicy,
  type RuleId,
  RULES,
  type RuleSetting,
} from '../engine';
import { CONFIG_SECTION } from './constants';

/** Settings that only the editor uses (the rest map onto the engine's LensConfig). */
export interface EditorSettings {
  /** Analyse every file of the workspace, not only open ones (for workspaces under `maxFiles`). */
  workspaceAnalysis: boolean;
  /** Above this many candidate files, only open files are analysed. */
  workspaceMaxFiles: number;
  codeLens: boolean;
  statusBar: boolean;
  /** Time budget for one analysis in the extension host, in milliseconds. */
  timeBudgetMs: number;
}

const LEVELS = new Set<string>(['error', 'warning', 'info', 'off']);
const RULE_IDS: RuleId[] = RULES.map((r) => r.id);

function level(v: unknown): RuleSetting | undefined {
  return typeof v === 'string' && LEVELS.has(v) ? (v as RuleSetting) : undefined;
}

function strings(v: unknown): string[] | undefined {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : undefined;
}

/**
 * Reads the extension settings for one resource (workspace folder or file) into the engine's LensConfig.
 * Read per resource URI every time, never cached in globals, so changes apply without a reload. The
 * project file (`.cloud-act-lens.json`) is merged over this by the caller, so CI and editors agree.
 */
export function readSettings(scope: vscode.Uri | undefined, base: LensConfig = defaultConfig()): LensConfig {
  const cfg = vscode.workspace.getConfiguration(CONFIG_SECTION, scope);
  const config: LensConfig = {
    ...base,
    rules: { ...base.rules },
    languages: { ...base.languages },
    vars: { ...base.vars },
  };
  // `cloudActLens.rules.CAL001` etc. are separate settings; VS Code also returns them as one object.
  const rules = cfg.get<Record<string, unknown>>('rules') ?? {};
  for (const id of RULE_IDS) {
    const l = level(rules[id]);
    if (l) {
      config.rules[id] = l;
    }
  }
  config.noDataSeverity = level(cfg.get('noCustomerDataSeverity')) ?? config.noDataSeverity;
  config.dataHoldingOnly = cfg.get<boolean>('dataHoldingOnly') ?? config.dataHoldingOnly;
  for (const lang of ['terraform', 'bicep', 'arm'] as const) {
    const on = cfg.get<boolean>(`${lang}.enabled`);
    if (typeof on === 'boolean') {
      config.languages[lang] = on;
    }
  }
  config.varFiles = strings(cfg.get('terraform.varFiles')) ?? config.varFiles;
  config.include = strings(cfg.get('include')) ?? config.include;
  const exclude = strings(cfg.get('exclude'));
  if (exclude) {
    config.exclude = [...DEFAULT_EXCLUDES, ...exclude];
  }
  const mb = cfg.get<number>('maxFileSizeMB');
  if (typeof mb === 'number' && mb > 0) {
    config.maxFileSize = Math.round(mb * 1024 * 1024);
  }
  for (const [setting, key] of [
    ['azure.deploymentLocation', 'deploymentLocation'],
    ['azure.resourceGroupLocation', 'resourceGroupLocation'],
  ] as const) {
    const v = cfg.get<string>(setting);
    if (typeof v === 'string' && v.trim() !== '') {
      config[key] = v.trim();
    }
  }
  // The residency policy goes through the engine's one normaliser, as the project file's does.
  const residency = {
    countries: strings(cfg.get('residency.countries')),
    controllers: strings(cfg.get('residency.controllers')),
    import: strings(cfg.get('residency.import')),
  };
  if (residency.countries?.length || residency.controllers?.length || residency.import?.length) {
    const problems: string[] = [];
    const raw = Object.fromEntries(Object.entries(residency).filter(([, v]) => v?.length));
    config.residency = residencyPolicy(raw, 'settings', problems);
    if (config.residency && problems.length > 0) {
      config.residency.problems = problems;
    }
  }
  const compiled = cfg.get<string>('arm.compiledTemplates');
  if (compiled === 'both' || compiled === 'prefer-bicep') {
    config.compiledArm = compiled;
  }
  return config;
}

/** Reads the editor-only settings for `scope`. */
export function readEditorSettings(scope: vscode.Uri | undefined): EditorSettings {
  const cfg = vscode.workspace.getConfiguration(CONFIG_SECTION, scope);
  const num = (key: string, fallback: number) => {
    const v = cfg.get<number>(key);
    return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : fallback;
  };
  return {
    workspaceAnalysis: cfg.get<boolean>('workspaceAnalysis.enabled') ?? true,
    workspaceMaxFiles: num('workspaceAnalysis.maxFiles', 2000),
    codeLens: cfg.get<boolean>('codeLens.enabled') ?? false,
    statusBar: cfg.get<boolean>('statusBar.enabled') ?? true,
    timeBudgetMs: num('analysisTimeBudgetMs', 10_000),
  };
}

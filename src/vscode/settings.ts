import * as vscode from 'vscode';
import { defaultConfig, type LensConfig, type RuleId, type RuleSetting } from '../engine';
import { CONFIG_SECTION } from './constants';

/**
 * Reads the extension settings for one resource (workspace folder or file) into the engine's LensConfig.
 * Read per resource URI every time, never cached in globals, so changes apply without a reload.
 * SEED: the editor work extends this with every setting in package.json.
 */
export function readSettings(scope: vscode.Uri | undefined, base: LensConfig = defaultConfig()): LensConfig {
  const cfg = vscode.workspace.getConfiguration(CONFIG_SECTION, scope);
  const config: LensConfig = { ...base, rules: { ...base.rules } };
  const rules = cfg.get<Record<string, RuleSetting>>('rules');
  if (rules) {
    for (const [id, level] of Object.entries(rules)) {
      config.rules[id as RuleId] = level;
    }
  }
  return config;
}

import type { RuleId } from '../model';
import { cal001 } from './cal001';
import { cal002 } from './cal002';
import { cal003 } from './cal003';
import { cal004 } from './cal004';
import { cal005 } from './cal005';
import { cal006 } from './cal006';
import { cal007 } from './cal007';
import { cal008 } from './cal008';
import { cal009 } from './cal009';
import type { Rule } from './rule';

export type { Rule, RuleContext, RuleHit } from './rule';

/** All rules, in id order. */
export const RULES: readonly Rule[] = [cal001, cal002, cal003, cal004, cal005, cal006, cal007, cal008, cal009];

export function getRule(id: RuleId): Rule {
  return RULES.find((r) => r.id === id)!;
}

/** Files of the main branch of the project's repository. */
const REPOSITORY_FILES = 'https://github.com/cloud-act-lens/cloud-act-lens/blob/main';

/** Link to the rule's page, docs/rules/CALnnn.md: a stable target for diagnostics and SARIF `helpUri`. */
export function ruleDocsUrl(id: RuleId): string {
  return `${REPOSITORY_FILES}/docs/rules/${id}.md`;
}

/** The project's README: the tool's home page (SARIF `informationUri`). */
export const DOCS_URL = `${REPOSITORY_FILES}/README.md`;

import { COUNTRY_GROUPS, expandCountries } from './catalog/groups';
import type { RuleId, Severity } from './model';
import type { ResidencyPolicy } from './residency/policy';
import { RULES } from './rules/registry';

export type RuleSetting = Severity | 'off';

/** A finding accepted in the project file (as opposed to a comment directive in the source). */
export interface AcceptedFinding {
  ruleId: RuleId;
  /** Resource address (`aws_s3_bucket.invoices`) or glob-free file path relative to the project root. */
  resource?: string;
  file?: string;
  reason: string;
  /** ISO date after which the finding returns. */
  expires?: string;
}

/**
 * Options shared by the extension (settings) and the CLI (flags), and read from `.cloud-act-lens.json`
 * at the workspace root so that CI and editors agree.
 */
export interface LensConfig {
  /** Globs relative to the scan root; empty means everything the languages claim. */
  include: string[];
  exclude: string[];
  languages: { terraform: boolean; bicep: boolean; arm: boolean };
  /** Per-rule severity; `off` disables. CAL005 is off by default. */
  rules: Partial<Record<RuleId, RuleSetting>>;
  /** Severity of CAL001 for resources that hold no customer data. */
  noDataSeverity: RuleSetting;
  /** Only report resources that hold customer data. */
  dataHoldingOnly: boolean;
  /** Extra `.tfvars` files to apply (relative to the module or absolute), after the automatic ones. */
  varFiles: string[];
  /** `--var name=value` equivalents. */
  vars: Record<string, string>;
  /** Files larger than this many bytes are skipped with a notice in `errors`. */
  maxFileSize: number;
  /** When a compiled `main.json` sits beside `main.bicep`: report only the Bicep source (default) or both. */
  compiledArm: 'prefer-bicep' | 'both';
  accepted: AcceptedFinding[];
  /**
   * Azure (Bicep, ARM): the location a deployment is started at (`az deployment sub create --location`),
   * which `deployment().location` then has. Unset: that stays unresolved (CAL002).
   */
  deploymentLocation?: string;
  /**
   * Azure: the location of the resource group templates are deployed to (`az deployment group create
   * --resource-group`), which `resourceGroup().location` then has. Unset: unresolved (CAL002).
   */
  resourceGroupLocation?: string;
  /**
   * Environment variables Terraform would see (CLI `--env`): `TF_VAR_name` sets a root variable below
   * every variables file, and a provider without a region in its configuration takes the one its
   * environment variable gives (AWS_REGION, GOOGLE_REGION, ...). Unset: neither is read.
   */
  environment?: Record<string, string>;
  /**
   * The organisation's residency policy (CAL009): the countries where data may be placed (copies
   * included), the countries of the entities that may ultimately control the operator (ISO codes and
   * groups such as `EU`, `EEA`), and the cloud policies it already runs (`import`). No policy, no CAL009.
   */
  residency?: ResidencyConfig;
  /** The baseline the project file names (`"baseline"`), absolute; its entries are already in `accepted`. */
  baselineFile?: string;
}

/** `residency` as written (project file or settings), with the policies in effect. */
export interface ResidencyConfig {
  countries?: string[];
  controllers?: string[];
  /** Policy files to import, as written (relative to the project file, or to the folder for settings). */
  import?: string[];
  /** Where `residency` is declared: the project file's name, or `settings`. */
  source: string;
  /**
   * Every policy in effect: the `countries`/`controllers` rule, then each imported policy (added by the
   * loader, `loadProjectConfig`). A placement must satisfy every policy that governs its provider.
   */
  policies: ResidencyPolicy[];
  /** What was wrong with `residency` in the editor settings (the project file's problems are its errors). */
  problems?: string[];
  /** The full paths of the `import` files (read or not), so that an editor reloads when one changes. */
  importedFiles?: string[];
}

export const DEFAULT_EXCLUDES = ['**/node_modules/**', '**/.git/**', '**/.terraform/**', '**/.terragrunt-cache/**'];

export function defaultConfig(): LensConfig {
  return {
    include: [],
    exclude: [...DEFAULT_EXCLUDES],
    languages: { terraform: true, bicep: true, arm: true },
    // Every rule's default severity, from the one rule registry.
    rules: Object.fromEntries(RULES.map((r) => [r.id, r.defaultSeverity])),
    noDataSeverity: 'info',
    dataHoldingOnly: false,
    varFiles: [],
    vars: {},
    maxFileSize: 32 * 1024 * 1024,
    compiledArm: 'prefer-bicep',
    accepted: [],
  };
}

const SEVERITIES = new Set(['error', 'warning', 'info', 'off']);
const RULE_IDS = new Set<string>(RULES.map((r) => r.id));

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function stringArray(v: unknown, name: string, problems: string[]): string[] | undefined {
  if (v === undefined) {
    return undefined;
  }
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) {
    return v;
  }
  problems.push(`"${name}" must be an array of strings`);
  return undefined;
}

/**
 * The fields of the project file, as its JSON schema (media/project-file.schema.json) lists them; a
 * test keeps the two in step. `baseline` is read by the loader, `$schema` only by editors.
 */
export const PROJECT_FILE_FIELDS = [
  '$schema',
  'include',
  'exclude',
  'languages',
  'rules',
  'noDataSeverity',
  'dataHoldingOnly',
  'varFiles',
  'vars',
  'maxFileSize',
  'compiledArm',
  'deploymentLocation',
  'resourceGroupLocation',
  'residency',
  'accepted',
  'baseline',
] as const;

/**
 * Merges a parsed project file (`.cloud-act-lens.json`) over `base`. Unknown or ill-typed fields are
 * reported in `problems` and ignored, so a typo never disables the scan.
 */
export function mergeConfig(base: LensConfig, raw: unknown, problems: string[]): LensConfig {
  const out: LensConfig = {
    ...base,
    rules: { ...base.rules },
    vars: { ...base.vars },
    languages: { ...base.languages },
  };
  if (!isRecord(raw)) {
    problems.push('the project file must contain a JSON object');
    return out;
  }
  for (const key of Object.keys(raw)) {
    if (!(PROJECT_FILE_FIELDS as readonly string[]).includes(key)) {
      problems.push(`"${key.slice(0, 40)}" is not a field of the project file (see its JSON schema); ignored`);
    }
  }
  out.include = stringArray(raw.include, 'include', problems) ?? out.include;
  const exclude = stringArray(raw.exclude, 'exclude', problems);
  if (exclude) {
    out.exclude = [...DEFAULT_EXCLUDES, ...exclude];
  }
  out.varFiles = stringArray(raw.varFiles, 'varFiles', problems) ?? out.varFiles;
  if (isRecord(raw.vars)) {
    for (const [k, v] of Object.entries(raw.vars)) {
      out.vars[k] = String(v);
    }
  }
  if (isRecord(raw.rules)) {
    for (const [k, v] of Object.entries(raw.rules)) {
      if (RULE_IDS.has(k) && typeof v === 'string' && SEVERITIES.has(v)) {
        out.rules[k as RuleId] = v as RuleSetting;
      } else {
        problems.push(`"rules.${k}" must be one of error, warning, info, off`);
      }
    }
  }
  if (typeof raw.noDataSeverity === 'string' && SEVERITIES.has(raw.noDataSeverity)) {
    out.noDataSeverity = raw.noDataSeverity as RuleSetting;
  }
  if (typeof raw.dataHoldingOnly === 'boolean') {
    out.dataHoldingOnly = raw.dataHoldingOnly;
  }
  if (typeof raw.maxFileSize === 'number' && raw.maxFileSize > 0) {
    out.maxFileSize = raw.maxFileSize;
  }
  if (raw.compiledArm === 'both' || raw.compiledArm === 'prefer-bicep') {
    out.compiledArm = raw.compiledArm;
  }
  for (const key of ['deploymentLocation', 'resourceGroupLocation'] as const) {
    const v = raw[key];
    if (typeof v === 'string' && v.trim() !== '') {
      out[key] = v.trim();
    } else if (v !== undefined) {
      problems.push(`"${key}" must be a region name, e.g. "westeurope"`);
    }
  }
  if (isRecord(raw.languages)) {
    for (const lang of ['terraform', 'bicep', 'arm'] as const) {
      const v = raw.languages[lang];
      if (typeof v === 'boolean') {
        out.languages[lang] = v;
      }
    }
  }
  if (raw.residency !== undefined) {
    out.residency = residencyPolicy(raw.residency, PROJECT_FILE, problems) ?? out.residency;
  }
  if (Array.isArray(raw.accepted)) {
    out.accepted = [];
    raw.accepted.forEach((a, i) => {
      if (
        isRecord(a) &&
        typeof a.ruleId === 'string' &&
        RULE_IDS.has(a.ruleId) &&
        typeof a.reason === 'string' &&
        a.reason.trim()
      ) {
        out.accepted.push({
          ruleId: a.ruleId as RuleId,
          resource: typeof a.resource === 'string' ? a.resource : undefined,
          file: typeof a.file === 'string' ? a.file : undefined,
          reason: a.reason,
          expires: typeof a.expires === 'string' ? a.expires : undefined,
        });
      } else {
        problems.push(`"accepted[${i}]" needs a known "ruleId" and a non-empty "reason"`);
      }
    });
  }
  return out;
}

const RESIDENCY_FIELDS = ['countries', 'controllers', 'import'];

/**
 * The one normaliser of `residency`, for the project file and the editor settings alike: lists of ISO
 * codes and groups, each checked (a typo is a problem, never ignored), and the files to import.
 */
export function residencyPolicy(raw: unknown, source: string, problems: string[]): ResidencyConfig | undefined {
  if (!isRecord(raw)) {
    problems.push('"residency" must be an object with "countries", "controllers" and/or "import"');
    return undefined;
  }
  const out: ResidencyConfig = { source, policies: [] };
  for (const key of ['countries', 'controllers'] as const) {
    const list = stringArray(raw[key], `residency.${key}`, problems);
    if (!list) {
      continue;
    }
    const { unknown } = expandCountries(list);
    if (unknown.length > 0) {
      problems.push(
        `"residency.${key}" has ${unknown.map((u) => JSON.stringify(u.slice(0, 20))).join(', ')}: not an ISO 3166-1 code or a group (${[...COUNTRY_GROUPS.keys()].join(', ')})`,
      );
    }
    out[key] = list;
  }
  const imports = stringArray(raw.import, 'residency.import', problems)?.filter((f) => f.trim() !== '');
  if (imports?.length) {
    out.import = imports;
  }
  for (const key of Object.keys(raw)) {
    if (!RESIDENCY_FIELDS.includes(key)) {
      problems.push(`"residency.${key}" is not a known field (${RESIDENCY_FIELDS.join(', ')})`);
    }
  }
  if (out.countries || out.controllers) {
    out.policies.push({
      kind: 'project',
      name: 'residency',
      file: source,
      ...(out.countries ? { countries: out.countries } : {}),
      ...(out.controllers ? { controllers: out.controllers } : {}),
    });
  }
  return out.countries || out.controllers || out.import ? out : undefined;
}

export const PROJECT_FILE = '.cloud-act-lens.json';

/** Command-line parsing on Node's `util.parseArgs`; errors are one line, and the help text comes from the same option table. */

import { parseArgs as nodeParseArgs, type ParseArgsConfig } from 'node:util';

import { RULES } from '../engine';

export class UsageError extends Error {}

export type FailOn = 'error' | 'warning' | 'info' | 'none';

export interface ScanArgs {
  command: 'scan';
  paths: string[];
  format: string;
  output?: string;
  failOn: FailOn;
  config?: string;
  varFiles: string[];
  vars: Record<string, string>;
  include: string[];
  exclude: string[];
  rules: Record<string, string>;
  color?: boolean;
  debug: boolean;
  maxFileSize?: number;
  /** Threads for the scan (default: one per core beyond the first). */
  jobs?: number;
  /** Azure: the location deployments start at, and that of the target resource group. */
  deploymentLocation?: string;
  resourceGroupLocation?: string;
  /** Accept the findings listed in this baseline file (`--baseline`). */
  baseline?: string;
  /** Write the findings not accepted otherwise to this baseline file (`--write-baseline`). */
  writeBaseline?: string;
  /** Read TF_VAR_* and provider region variables from the environment, as Terraform would. */
  env: boolean;
  /** Print where the scan's time went (start-up, discovery and grouping, analysis, report) on stderr. */
  timings: boolean;
}

export interface ExplainArgs {
  command: 'explain';
  provider: string;
  region: string;
  format: 'text' | 'json';
  debug: boolean;
}

export interface PolicyArgs {
  command: 'policy';
  path: string;
  config?: string;
  format: 'text' | 'json';
  debug: boolean;
}

export type Args = ScanArgs | ExplainArgs | PolicyArgs | { command: 'help' | 'version'; debug: boolean };

const FAIL_ON = new Set(['error', 'warning', 'info', 'none']);

/** One command-line option: how Node's `util.parseArgs` reads it, and its line in the help text. */
interface Option {
  name: string;
  short?: string;
  /** The placeholder of its value (`FILE`); none for a switch. */
  value?: string;
  multiple?: boolean;
  /** The help text, one entry per line. */
  help: string[];
}

/** The scan options, in the order the help lists them: the one definition of what `scan` accepts. */
const SCAN_OPTIONS: Option[] = [
  { name: 'format', short: 'f', value: 'FORMAT', help: ['table (default), json, sarif, markdown, html, csv'] },
  { name: 'output', short: 'o', value: 'FILE', help: ['write the report to FILE instead of stdout'] },
  {
    name: 'fail-on',
    value: 'LEVEL',
    help: ['exit 1 when an unaccepted finding at or above LEVEL exists:', 'error (default), warning, info, none'],
  },
  { name: 'config', value: 'FILE', help: ['project file (default: .cloud-act-lens.json in the first PATH)'] },
  { name: 'var-file', value: 'FILE', multiple: true, help: ['apply a .tfvars file (repeatable)'] },
  {
    name: 'var',
    value: 'NAME=VALUE',
    multiple: true,
    help: ['set a Terraform variable or Bicep parameter (repeatable)'],
  },
  { name: 'include', value: 'GLOB', multiple: true, help: ['only files matching GLOB (repeatable)'] },
  { name: 'exclude', value: 'GLOB', multiple: true, help: ['skip files matching GLOB (repeatable)'] },
  {
    name: 'rule',
    value: 'CALnnn=LEVEL',
    multiple: true,
    help: ["set a rule's severity: error, warning, info, off (repeatable)"],
  },
  { name: 'max-file-size', value: 'MB', help: ['skip larger files with a notice (default 32)'] },
  {
    name: 'baseline',
    value: 'FILE',
    help: [
      'accept the findings listed in FILE (written by --write-baseline):',
      'only new findings are open and count for --fail-on',
    ],
  },
  { name: 'write-baseline', value: 'FILE', help: ['write the findings not accepted otherwise to FILE'] },
  {
    name: 'env',
    help: [
      'Terraform: read TF_VAR_* variables and provider regions',
      '(AWS_REGION, GOOGLE_REGION, ...) from the environment, as terraform would',
    ],
  },
  {
    name: 'deployment-location',
    value: 'REGION',
    help: ['Bicep/ARM: the location deployments start at, for deployment().location'],
  },
  {
    name: 'resource-group-location',
    value: 'REGION',
    help: ["Bicep/ARM: the target resource group's location, for resourceGroup().location"],
  },
  { name: 'jobs', short: 'j', value: 'N', help: ['threads to scan with (default: one per core beyond the first)'] },
  { name: 'color', help: ['force or disable colours (default: when stdout is a terminal)'] },
  { name: 'no-color', help: [] },
  {
    name: 'timings',
    help: [
      'print on stderr where the time went: start-up, discovery and',
      'grouping, analysis, report; and the peak memory',
    ],
  },
  { name: 'debug', help: ['print stack traces for internal errors'] },
];

const EXPLAIN_OPTIONS: Option[] = [
  { name: 'format', value: 'FORMAT', help: [] },
  SCAN_OPTIONS[SCAN_OPTIONS.length - 1],
];
const POLICY_OPTIONS: Option[] = [{ name: 'config', value: 'FILE', help: [] }, ...EXPLAIN_OPTIONS];

type Values = Record<string, string | boolean | string[] | undefined>;

/**
 * Reads `argv` against `options` with Node's `util.parseArgs` (`--name value`, `--name=value`, `-f value`,
 * `--` before paths that start with a dash); its errors become one-line usage errors.
 */
function read(argv: string[], options: Option[], prefix: string): { values: Values; positionals: string[] } {
  const config: ParseArgsConfig['options'] = {};
  for (const o of options) {
    config[o.name] = {
      type: o.value ? 'string' : 'boolean',
      ...(o.short ? { short: o.short } : {}),
      ...(o.multiple ? { multiple: true } : {}),
    };
  }
  try {
    const { values, positionals } = nodeParseArgs({
      args: argv,
      options: config,
      allowPositionals: true,
      strict: true,
    });
    return { values: values as Values, positionals };
  } catch (e) {
    const code = (e as { code?: string }).code;
    const message = e instanceof Error ? e.message : String(e);
    const option = /'(-[^']*?)(?:\s<value>)?'/.exec(message)?.[1]?.split(', ').pop() ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      throw new UsageError(`${prefix}unknown option ${option} (see --help)`);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      throw new UsageError(`${prefix}${option} needs a value`);
    }
    throw new UsageError(`${prefix}${message.split('\n')[0]}`);
  }
}

export function parseArgs(argv: string[], formats: string[]): Args {
  const debug = argv.includes('--debug');
  const rest = argv.filter((a) => a !== '--debug');
  if (rest.length === 0 || rest[0] === '--help' || rest[0] === '-h' || rest[0] === 'help') {
    return { command: 'help', debug };
  }
  if (rest[0] === '--version' || rest[0] === '-v') {
    return { command: 'version', debug };
  }
  const [command, ...tail] = rest;
  const beforeDashes = tail.indexOf('--') < 0 ? tail : tail.slice(0, tail.indexOf('--'));
  if (beforeDashes.includes('--help') || beforeDashes.includes('-h')) {
    return { command: 'help', debug };
  }
  if (command === 'explain') {
    const { values, positionals } = read(tail, EXPLAIN_OPTIONS, 'explain: ');
    const format = (values.format as string | undefined) ?? 'text';
    if (format !== 'text' && format !== 'json') {
      throw new UsageError(`explain: --format must be text or json`);
    }
    if (positionals.length !== 2) {
      throw new UsageError('explain needs PROVIDER and REGION, e.g. cloud-act-lens explain aws eu-central-1');
    }
    return { command: 'explain', provider: positionals[0], region: positionals[1], format, debug };
  }
  if (command === 'policy') {
    const { values, positionals } = read(tail, POLICY_OPTIONS, 'policy: ');
    const format = (values.format as string | undefined) ?? 'text';
    if (format !== 'text' && format !== 'json') {
      throw new UsageError('policy: --format must be text or json');
    }
    if (positionals.length > 1) {
      throw new UsageError('policy takes one PATH (the folder whose project file declares the policy)');
    }
    return {
      command: 'policy',
      path: positionals[0] ?? '.',
      config: values.config as string | undefined,
      format,
      debug,
    };
  }
  if (command !== 'scan') {
    throw new UsageError(`unknown command "${command}"; use scan, explain or policy (see --help)`);
  }
  const { values: v, positionals } = read(tail, SCAN_OPTIONS, '');
  const str = (name: string) => v[name] as string | undefined;
  const list = (name: string) => (v[name] as string[] | undefined) ?? [];
  const format = str('format') ?? 'table';
  if (!formats.includes(format)) {
    throw new UsageError(`unknown format "${format}"; use one of ${formats.join(', ')}`);
  }
  const failOn = str('fail-on') ?? 'error';
  if (!FAIL_ON.has(failOn)) {
    throw new UsageError(`--fail-on must be one of error, warning, info, none`);
  }
  const vars: Record<string, string> = {};
  for (const kv of list('var')) {
    const k = kv.indexOf('=');
    if (k <= 0) {
      throw new UsageError(`--var needs name=value, got "${kv}"`);
    }
    vars[kv.slice(0, k)] = kv.slice(k + 1);
  }
  const rules: Record<string, string> = {};
  for (const r of list('rule')) {
    const m = /^(CAL\d{3})=(error|warning|info|off)$/.exec(r);
    if (!m) {
      throw new UsageError(`--rule needs CALnnn=error|warning|info|off, got "${r}"`);
    }
    // The rule registry is the one list of rules: an id it does not know is a usage error, not ignored.
    if (!RULES.some((x) => x.id === m[1])) {
      throw new UsageError(`--rule: unknown rule ${m[1]} (known: ${RULES.map((x) => x.id).join(', ')})`);
    }
    rules[m[1]] = m[2];
  }
  const number = (name: string, ok: (n: number) => boolean, message: string) => {
    const raw = str(name);
    const n = raw === undefined ? undefined : Number(raw);
    if (n !== undefined && !ok(n)) {
      throw new UsageError(message);
    }
    return n;
  };
  const mb = number(
    'max-file-size',
    (n) => Number.isFinite(n) && n > 0,
    '--max-file-size needs a positive number of megabytes',
  );
  const color = v['no-color'] === true ? false : v.color === true ? true : undefined;
  return {
    command: 'scan',
    paths: positionals.length > 0 ? positionals : ['.'],
    format,
    output: str('output'),
    failOn: failOn as FailOn,
    config: str('config'),
    varFiles: list('var-file'),
    vars,
    include: list('include'),
    exclude: list('exclude'),
    rules,
    color,
    debug,
    maxFileSize: mb === undefined ? undefined : mb * 1024 * 1024,
    jobs: number('jobs', (n) => Number.isInteger(n) && n >= 1, '--jobs needs a whole number of at least 1'),
    deploymentLocation: str('deployment-location'),
    resourceGroupLocation: str('resource-group-location'),
    baseline: str('baseline'),
    writeBaseline: str('write-baseline'),
    env: v.env === true,
    timings: v.timings === true,
  };
}

/** The scan options' lines of the help text, from the option table. */
function scanHelp(): string {
  const lines: string[] = [];
  for (const o of SCAN_OPTIONS) {
    if (o.help.length === 0) {
      continue;
    }
    const names = o.name === 'color' ? '--color, --no-color' : `${o.short ? `-${o.short}, ` : ''}--${o.name}`;
    const head = `  ${names}${o.value ? ` ${o.value}` : ''}`;
    const [first, ...more] = o.help;
    if (head.length <= 24) {
      lines.push(`${head.padEnd(26)}${first}`);
    } else {
      lines.push(head, `${' '.repeat(26)}${first}`);
    }
    more.forEach((m) => lines.push(`${' '.repeat(26)}${m}`));
  }
  return lines.join('\n');
}

export const HELP = `cloud-act-lens — which resources put data in a non-U.S. region run by a U.S.-controlled provider

Usage:
  cloud-act-lens scan [PATH...] [options]     scan Terraform/OpenTofu, Bicep and ARM files
  cloud-act-lens explain PROVIDER REGION      what the catalog knows about a region [--format json]
  cloud-act-lens policy [PATH]                the residency policies in effect (CAL009) and what
                                              they allow [--config FILE] [--format json]
  cloud-act-lens --version | --help

Scan options:
${scanHelp()}

Exit codes: 0 ok, 1 findings at or above --fail-on (policy: a policy file with problems),
2 usage error or unreadable path.
The scan makes no network connections and sends no telemetry.
`;

/** Command-line parsing without dependencies: the grammar is small and errors must be one line. */

import { RULES } from '../engine/rules/registry';

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
  if (tail.includes('--help') || tail.includes('-h')) {
    return { command: 'help', debug };
  }
  if (command === 'explain') {
    const positional = tail.filter((a, i) => !a.startsWith('--') && tail[i - 1] !== '--format');
    const fi = tail.indexOf('--format');
    const format = fi >= 0 ? tail[fi + 1] : 'text';
    if (format !== 'text' && format !== 'json') {
      throw new UsageError(`explain: --format must be text or json`);
    }
    const unknown = tail.find((a) => a.startsWith('--') && a !== '--format');
    if (unknown) {
      throw new UsageError(`explain: unknown option ${unknown}`);
    }
    if (positional.length !== 2) {
      throw new UsageError('explain needs PROVIDER and REGION, e.g. cloud-act-lens explain aws eu-central-1');
    }
    return { command: 'explain', provider: positional[0], region: positional[1], format, debug };
  }
  if (command === 'policy') {
    return policyArgs(tail, debug);
  }
  if (command !== 'scan') {
    throw new UsageError(`unknown command "${command}"; use scan, explain or policy (see --help)`);
  }
  const args: ScanArgs = {
    command: 'scan',
    paths: [],
    format: 'table',
    failOn: 'error',
    varFiles: [],
    vars: {},
    include: [],
    exclude: [],
    rules: {},
    debug,
    env: false,
    timings: false,
  };
  for (let i = 0; i < tail.length; i++) {
    const a = tail[i];
    const value = (): string => {
      const v = tail[++i];
      if (v === undefined || (v.startsWith('--') && v.length > 2)) {
        throw new UsageError(`${a} needs a value`);
      }
      return v;
    };
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0) {
      // --format=json style: split and re-dispatch.
      tail.splice(i, 1, a.slice(0, eq), a.slice(eq + 1));
      i--;
      continue;
    }
    switch (a) {
      case '--format':
      case '-f':
        args.format = value();
        if (!formats.includes(args.format)) {
          throw new UsageError(`unknown format "${args.format}"; use one of ${formats.join(', ')}`);
        }
        break;
      case '--output':
      case '-o':
        args.output = value();
        break;
      case '--fail-on': {
        const v = value();
        if (!FAIL_ON.has(v)) {
          throw new UsageError(`--fail-on must be one of error, warning, info, none`);
        }
        args.failOn = v as FailOn;
        break;
      }
      case '--config':
        args.config = value();
        break;
      case '--var-file':
        args.varFiles.push(value());
        break;
      case '--var': {
        const v = value();
        const k = v.indexOf('=');
        if (k <= 0) {
          throw new UsageError(`--var needs name=value, got "${v}"`);
        }
        args.vars[v.slice(0, k)] = v.slice(k + 1);
        break;
      }
      case '--include':
        args.include.push(value());
        break;
      case '--exclude':
        args.exclude.push(value());
        break;
      case '--rule': {
        const v = value();
        const m = /^(CAL\d{3})=(error|warning|info|off)$/.exec(v);
        if (!m) {
          throw new UsageError(`--rule needs CALnnn=error|warning|info|off, got "${v}"`);
        }
        // The rule registry is the one list of rules: an id it does not know is a usage error, not ignored.
        if (!RULES.some((r) => r.id === m[1])) {
          throw new UsageError(`--rule: unknown rule ${m[1]} (known: ${RULES.map((r) => r.id).join(', ')})`);
        }
        args.rules[m[1]] = m[2];
        break;
      }
      case '--max-file-size': {
        const v = Number(value());
        if (!Number.isFinite(v) || v <= 0) {
          throw new UsageError('--max-file-size needs a positive number of megabytes');
        }
        args.maxFileSize = v * 1024 * 1024;
        break;
      }
      case '--jobs':
      case '-j': {
        const v = Number(value());
        if (!Number.isInteger(v) || v < 1) {
          throw new UsageError('--jobs needs a whole number of at least 1');
        }
        args.jobs = v;
        break;
      }
      case '--deployment-location':
        args.deploymentLocation = value();
        break;
      case '--resource-group-location':
        args.resourceGroupLocation = value();
        break;
      case '--baseline':
        args.baseline = value();
        break;
      case '--write-baseline':
        args.writeBaseline = value();
        break;
      case '--env':
        args.env = true;
        break;
      case '--timings':
        args.timings = true;
        break;
      case '--color':
        args.color = true;
        break;
      case '--no-color':
        args.color = false;
        break;
      default:
        if (a.startsWith('-') && a !== '-') {
          throw new UsageError(`unknown option ${a} (see --help)`);
        }
        args.paths.push(a);
    }
  }
  if (args.paths.length === 0) {
    args.paths.push('.');
  }
  return args;
}

/** `policy [PATH] [--config FILE] [--format text|json]`. */
function policyArgs(tail: string[], debug: boolean): PolicyArgs {
  const args: PolicyArgs = { command: 'policy', path: '.', format: 'text', debug };
  const positional: string[] = [];
  for (let i = 0; i < tail.length; i++) {
    const a = tail[i];
    if (a === '--format' || a === '--config') {
      const v = tail[++i];
      if (v === undefined) {
        throw new UsageError(`policy: ${a} needs a value`);
      }
      if (a === '--config') {
        args.config = v;
      } else if (v === 'text' || v === 'json') {
        args.format = v;
      } else {
        throw new UsageError('policy: --format must be text or json');
      }
    } else if (a.startsWith('-')) {
      throw new UsageError(`policy: unknown option ${a}`);
    } else {
      positional.push(a);
    }
  }
  if (positional.length > 1) {
    throw new UsageError('policy takes one PATH (the folder whose project file declares the policy)');
  }
  args.path = positional[0] ?? '.';
  return args;
}

export const HELP = `cloud-act-lens — which resources put data in a non-U.S. region run by a U.S.-controlled provider

Usage:
  cloud-act-lens scan [PATH...] [options]     scan Terraform/OpenTofu, Bicep and ARM files
  cloud-act-lens explain PROVIDER REGION      what the catalog knows about a region [--format json]
  cloud-act-lens policy [PATH]                the residency policies in effect (CAL009) and what
                                              they allow [--config FILE] [--format json]
  cloud-act-lens --version | --help

Scan options:
  -f, --format FORMAT     table (default), json, sarif, markdown, html, csv
  -o, --output FILE       write the report to FILE instead of stdout
  --fail-on LEVEL         exit 1 when an unaccepted finding at or above LEVEL exists:
                          error (default), warning, info, none
  --config FILE           project file (default: .cloud-act-lens.json in the first PATH)
  --var-file FILE         apply a .tfvars file (repeatable)
  --var NAME=VALUE        set a Terraform variable or Bicep parameter (repeatable)
  --include GLOB          only files matching GLOB (repeatable)
  --exclude GLOB          skip files matching GLOB (repeatable)
  --rule CALnnn=LEVEL     set a rule's severity: error, warning, info, off (repeatable)
  --max-file-size MB      skip larger files with a notice (default 32)
  --baseline FILE         accept the findings listed in FILE (written by --write-baseline):
                          only new findings are open and count for --fail-on
  --write-baseline FILE   write the findings not accepted otherwise to FILE
  --env                   Terraform: read TF_VAR_* variables and provider regions
                          (AWS_REGION, GOOGLE_REGION, ...) from the environment, as terraform would
  --deployment-location REGION
                          Bicep/ARM: the location deployments start at, for deployment().location
  --resource-group-location REGION
                          Bicep/ARM: the target resource group's location, for resourceGroup().location
  -j, --jobs N            threads to scan with (default: one per core beyond the first)
  --color, --no-color     force or disable colours (default: when stdout is a terminal)
  --timings               print on stderr where the time went: start-up, discovery and
                          grouping, analysis, report; and the peak memory
  --debug                 print stack traces for internal errors

Exit codes: 0 ok, 1 findings at or above --fail-on (policy: a policy file with problems),
2 usage error or unreadable path.
The scan makes no network connections and sends no telemetry.
`;

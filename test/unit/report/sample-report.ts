import {
  type AnalysisError,
  buildReportData,
  type Finding,
  type Placement,
  type ReportData,
  type ScanResult,
} from '../../../src/engine';

/** Names an attacker could put in a Terraform file: markup, quotes, line breaks, terminal escapes, formulas. */
export const HOSTILE_NAME = `<script>alert("x")</script>'\n\x1b[31m|*_[a](b)`;
export const HOSTILE_FILE = '/repo/we<i>rd "dir"/=cmd()|x.tf';
export const FORMULA = '=HYPERLINK("http://evil")';

const range = (line: number, c0: number, c1: number) => ({
  start: { line, character: c0 },
  end: { line, character: c1 },
});

export function placement(over: Partial<Placement>): Placement {
  return {
    language: 'terraform',
    file: '/repo/main.tf',
    range: range(4, 0, 20),
    headerRange: range(4, 0, 20),
    type: 'aws_s3_bucket',
    name: 'invoices',
    address: 'aws_s3_bucket.invoices',
    module: null,
    provider: 'aws',
    region: { kind: 'known', value: 'eu-central-1' },
    provenance: [{ description: 'provider "aws"', location: { file: '/repo/main.tf', range: range(1, 0, 10) } }],
    dataClass: 'customer-data',
    global: false,
    regionId: 'eu-central-1',
    country: 'DE',
    controller: 'US',
    operator: 'Amazon Web Services, Inc.',
    ultimateParent: 'Amazon.com, Inc.',
    control: 'us',
    regionKnown: true,
    copies: [],
    findings: [],
    ...over,
  };
}

export function finding(p: Placement, over: Partial<Finding>): Finding {
  const f: Finding = {
    ruleId: 'CAL001',
    severity: 'warning',
    message: `${p.address} is in ${p.regionId}`,
    file: p.file,
    range: p.headerRange,
    resource: p.address,
    related: [],
    ...over,
  };
  p.findings.push(f);
  return f;
}

/** A scan with a flagged bucket, an accepted one, an unresolved one, a hostile one, a U.S. one and an error. */
export function sampleScan(): ScanResult {
  const flagged = placement({ unit: 'terraform:/repo' });
  const accepted = placement({
    unit: 'terraform:/repo',
    address: 'aws_s3_bucket.logs',
    name: 'logs',
    range: range(10, 0, 5),
    headerRange: range(10, 0, 5),
  });
  const unresolved = placement({
    address: 'aws_instance.web',
    type: 'aws_instance',
    file: '/repo/modules/web/main.tf',
    // Called by the root in envs/prod, which passes its own variable on.
    unit: 'terraform:/repo/envs/prod',
    provenance: [
      { description: 'var.region', location: { file: '/repo/modules/web/main.tf', range: range(2, 0, 10) } },
      {
        description: 'module "web" input region',
        location: { file: '/repo/envs/prod/main.tf', range: range(5, 0, 10) },
      },
      {
        description: 'var.region (no default)',
        location: { file: '/repo/envs/prod/variables.tf', range: range(0, 0, 10) },
      },
    ],
    region: { kind: 'unknown', reason: 'var.region has no default' },
    regionId: null,
    country: null,
    regionKnown: false,
  });
  const hostile = placement({ file: HOSTILE_FILE, address: HOSTILE_NAME, name: HOSTILE_NAME, range: range(0, 2, 9) });
  const formula = placement({
    unit: 'terraform:/repo',
    file: '/repo/z.tf',
    address: FORMULA,
    name: FORMULA,
    regionId: 'us-east-1',
    country: 'US',
  });
  const findings = [
    finding(flagged, {}),
    finding(accepted, {
      suppressed: {
        reason: 'backups only, <b>approved</b>',
        expires: '2027-01-01',
        location: { file: '/repo/main.tf', range: range(9, 0, 30) },
      },
    }),
    finding(unresolved, {
      ruleId: 'CAL002',
      severity: 'info',
      message: 'region unresolved: var.region has no default',
    }),
    finding(hostile, { message: `bad ${HOSTILE_NAME}` }),
  ];
  const directive: Finding = {
    ruleId: 'CAL007',
    severity: 'warning',
    message: 'directive gives no reason',
    file: '/repo/main.tf',
    range: range(2, 0, 30),
    resource: '/repo/main.tf',
    related: [],
  };
  return {
    placements: [flagged, accepted, unresolved, hostile, formula],
    findings: [...findings, directive],
    errors: [{ file: '/repo/broken.tf', range: range(2, 4, 5), message: 'unterminated string <"x">' }],
    files: 6,
  };
}

export function sampleData(): ReportData {
  return buildReportData(sampleScan(), '/repo');
}

/**
 * The sample scan with what a scan does not read, listed under "Not read": one registry module called
 * from main.tf:5 and twice from examples/b.tf (listed there first), another from examples/b.tf:2, and a
 * remote linked template of an ARM template (no source shown).
 */
export function sampleScanWithNotRead(): ScanResult {
  const scan = sampleScan();
  const module = (file: string, line: number, source: string): AnalysisError => ({
    file,
    range: range(line - 1, 2, 38),
    message: `module "m${line}" is not installed (run terraform init), so what it deploys is not in this report`,
    notRead: { kind: 'terraform-module', source },
  });
  scan.errors.push(
    module('/repo/examples/b.tf', 30, 'terraform-aws-modules/vpc/aws'),
    module('/repo/examples/b.tf', 2, 'terraform-aws-modules/s3-bucket/aws'),
    module('/repo/main.tf', 5, 'terraform-aws-modules/vpc/aws'),
    module('/repo/examples/b.tf', 12, 'terraform-aws-modules/vpc/aws'),
    {
      file: '/repo/arm/main.json',
      range: range(9, 4, 20),
      message:
        'linked template not read, so what it deploys is not in this report: remote templates are never downloaded',
      notRead: { kind: 'arm-linked-template' },
    },
  );
  return scan;
}

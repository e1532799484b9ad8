/**
 * Deterministic benchmark corpus: Terraform and Bicep workspaces with realistic shapes (providers and
 * aliases, variables and tfvars, local modules, for_each over regions, long IAM policy heredocs, Bicep
 * user-defined types, params, modules and loops). The same seed always yields the same bytes.
 *
 *   node out/bench/generate-corpus-cli.js DIR [--tf-modules N] [--bicep-files N]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** mulberry32: tiny, fast, deterministic. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AWS_REGIONS = [
  'eu-central-1',
  'eu-west-1',
  'eu-west-3',
  'eu-north-1',
  'us-east-1',
  'ap-southeast-2',
  'ca-central-1',
];
const AZURE_REGIONS = [
  'westeurope',
  'northeurope',
  'germanywestcentral',
  'francecentral',
  'uksouth',
  'eastus',
  'australiaeast',
];
const AWS_TYPES = [
  'aws_s3_bucket',
  'aws_db_instance',
  'aws_sqs_queue',
  'aws_dynamodb_table',
  'aws_kms_key',
  'aws_instance',
  'aws_security_group',
];
const AZ_TYPES = [
  ['Microsoft.Storage/storageAccounts', '2023-01-01'],
  ['Microsoft.KeyVault/vaults', '2023-07-01'],
  ['Microsoft.Sql/servers', '2023-05-01-preview'],
  ['Microsoft.Network/virtualNetworks', '2023-09-01'],
  ['Microsoft.Web/sites', '2023-01-01'],
];

function policy(r: () => number): string {
  const statements: string[] = [];
  const n = 3 + Math.floor(r() * 8);
  for (let i = 0; i < n; i++) {
    statements.push(`    {
      "Sid": "Statement${i}",
      "Effect": "Allow",
      "Action": ["s3:GetObject", "s3:PutObject", "s3:ListBucket", "kms:Decrypt"],
      "Resource": ["arn:aws:s3:::bucket-${i}/*", "arn:aws:s3:::bucket-${i}"],
      "Condition": { "StringEquals": { "aws:PrincipalOrgID": "o-${Math.floor(r() * 1e9)}" } }
    }`);
  }
  return `<<-EOT
  {
    "Version": "2012-10-17",
    "Statement": [
${statements.join(',\n')}
    ]
  }
  EOT`;
}

function tfModule(r: () => number, i: number): Record<string, string> {
  const region = AWS_REGIONS[Math.floor(r() * AWS_REGIONS.length)];
  const other = AWS_REGIONS[Math.floor(r() * AWS_REGIONS.length)];
  const resources: string[] = [];
  const count = 4 + Math.floor(r() * 12);
  for (let j = 0; j < count; j++) {
    const type = AWS_TYPES[Math.floor(r() * AWS_TYPES.length)];
    const alias = r() < 0.3 ? '\n  provider = aws.secondary' : '';
    const loop = r() < 0.2 ? '\n  for_each = toset(local.environments)' : '';
    resources.push(`resource "${type}" "r${j}" {${alias}${loop}
  tags = merge(local.common_tags, {
    Name        = "\${var.prefix}-${j}"
    Environment = var.environment
  })
}`);
  }
  return {
    'versions.tf': `terraform {
  required_version = ">= 1.5"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}
`,
    'providers.tf': `provider "aws" {
  region = var.region
}

provider "aws" {
  alias  = "secondary"
  region = "${other}"
}
`,
    'variables.tf': `variable "region" {
  type        = string
  description = "Primary region of stack ${i}"
  default     = "${region}"
}

variable "prefix" {
  type    = string
  default = "stack${i}"
}

variable "environment" {
  type    = string
  default = "prod"
  validation {
    condition     = contains(["dev", "test", "prod"], var.environment)
    error_message = "Unknown environment."
  }
}
`,
    'locals.tf': `locals {
  environments = ["dev", "test", "prod"]
  common_tags = {
    Owner      = "platform"
    CostCenter = "cc-${Math.floor(r() * 9999)}"
    Stack      = "\${var.prefix}"
  }
}
`,
    'main.tf': `${resources.join('\n\n')}

resource "aws_iam_policy" "access" {
  name   = "\${var.prefix}-access"
  policy = ${policy(r)}
}

module "logs" {
  source = "../shared/logs"
  name   = "\${var.prefix}-logs"
  providers = {
    aws = aws.secondary
  }
}
`,
    'terraform.tfvars': `environment = "prod"\n`,
  };
}

const SHARED_LOGS = {
  'main.tf': `variable "name" {
  type = string
}

resource "aws_cloudwatch_log_group" "this" {
  name              = var.name
  retention_in_days = 30
}
`,
};

function bicepFile(r: () => number, i: number): string {
  const loc = AZURE_REGIONS[Math.floor(r() * AZURE_REGIONS.length)];
  const parts: string[] = [
    `metadata description = 'Generated workload ${i}'`,
    '',
    `@description('Deployment region')`,
    `param location string = '${loc}'`,
    `param prefix string = 'wl${i}'`,
    `param secondaryRegions array = [\n  'northeurope'\n  'swedencentral'\n]`,
    '',
    `type tagSet = {\n  owner: string\n  costCenter: string?\n  @description('Data classification')\n  classification: 'public' | 'internal' | 'confidential'\n}`,
    '',
    `var tags tagSet = {\n  owner: 'platform'\n  classification: 'confidential'\n}`,
    '',
  ];
  const count = 3 + Math.floor(r() * 8);
  for (let j = 0; j < count; j++) {
    const [type, api] = AZ_TYPES[Math.floor(r() * AZ_TYPES.length)];
    const loop = r() < 0.2;
    parts.push(
      loop
        ? `resource r${j} '${type}@${api}' = [for (region, k) in secondaryRegions: {\n  name: '\${prefix}${j}\${k}'\n  location: region\n  tags: tags\n  properties: {\n    enabled: true\n  }\n}]`
        : `resource r${j} '${type}@${api}' = {\n  name: '\${prefix}-${j}'\n  location: location\n  tags: union(tags, { index: '${j}' })\n  properties: {\n    enabled: true\n    settings: [\n      {\n        name: 'a'\n        value: 1\n      }\n    ]\n  }\n}`,
    );
    parts.push('');
  }
  parts.push(
    `module shared './modules/shared.bicep' = {\n  name: 'shared-${i}'\n  params: {\n    location: location\n  }\n}`,
  );
  parts.push('', `output first string = r0.name`);
  return parts.join('\n') + '\n';
}

const SHARED_BICEP = `param location string\n\nresource law 'Microsoft.OperationalInsights/workspaces@2022-10-01' = {\n  name: 'logs'\n  location: location\n}\n`;

export interface CorpusOptions {
  tfModules: number;
  bicepFiles: number;
  seed?: number;
}

/** Writes the corpus below `dir` and returns the number of files and bytes per language. */
export function generateCorpus(
  dir: string,
  opts: CorpusOptions,
): { tfFiles: number; tfBytes: number; bicepFiles: number; bicepBytes: number } {
  const r = rng(opts.seed ?? 42);
  let tfFiles = 0;
  let tfBytes = 0;
  let bicepFiles = 0;
  let bicepBytes = 0;
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return Buffer.byteLength(text);
  };
  for (const [name, text] of Object.entries(SHARED_LOGS)) {
    tfBytes += write(path.join(dir, 'terraform', 'shared', 'logs', name), text);
    tfFiles++;
  }
  for (let i = 0; i < opts.tfModules; i++) {
    for (const [name, text] of Object.entries(tfModule(r, i))) {
      tfBytes += write(path.join(dir, 'terraform', `stack-${String(i).padStart(5, '0')}`, name), text);
      tfFiles++;
    }
  }
  bicepBytes += write(path.join(dir, 'bicep', 'modules', 'shared.bicep'), SHARED_BICEP);
  bicepFiles++;
  for (let i = 0; i < opts.bicepFiles; i++) {
    bicepBytes += write(path.join(dir, 'bicep', `workload-${String(i).padStart(5, '0')}.bicep`), bicepFile(r, i));
    bicepFiles++;
  }
  return { tfFiles, tfBytes, bicepFiles, bicepBytes };
}

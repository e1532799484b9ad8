import assert from 'node:assert/strict';

import {
  defaultAnalyzers,
  defaultConfig,
  Engine,
  type Finding,
  type LanguageAnalyzer,
  type Placement,
} from '../../../src/engine';
import { memoryFs } from '../helpers/memory-fs';

const MAIN = `provider "aws" {
  region = "eu-central-1"
}

resource "aws_s3_bucket" "invoices" {
  bucket = "x"
}
`;

describe('engine end to end', () => {
  it('places a resource, consults the catalog and reports CAL001 on its header, related to the region value', async () => {
    const fs = memoryFs({ '/ws/main.tf': MAIN });
    const engine = new Engine({ readRoots: ['/'], fs, analyzers: defaultAnalyzers() });
    const result = await engine.scan(['/ws'], { config: defaultConfig() });
    assert.equal(result.placements.length, 1);
    const p = result.placements[0];
    assert.equal(p.regionId, 'eu-central-1');
    assert.equal(p.country, 'DE');
    assert.equal(p.controller, 'US');
    assert.deepEqual(
      result.findings.map((f) => [f.ruleId, f.severity, f.range.start.line]),
      [['CAL001', 'warning', 4]],
    );
    assert.deepEqual(
      result.findings[0].related.map((r) => r.location.range.start.line),
      [0],
    );
    assert.match(result.findings[0].message, /Germany/);
    assert.match(result.findings[0].message, /Amazon\.com, Inc\./);
  });

  it('hands a huge unit to a sink in batches, with the same placements, findings and suppressions as in memory', async () => {
    const n = 12_001;
    const parts = ['provider "aws" {\n  region = "eu-central-1"\n}\n', '# cloud-act-lens:ignore CAL999 -- malformed\n'];
    for (let i = 0; i < n; i++) {
      if (i === 7_500) {
        parts.push('# cloud-act-lens:ignore CAL001 -- accepted in the third batch\n');
      }
      parts.push(`resource "aws_s3_bucket" "b${i}" {\n  bucket = "b${i}"\n}\n`);
    }
    const fs = memoryFs({ '/ws/main.tf': parts.join('') });
    const inMemory = await new Engine({ readRoots: ['/'], fs, analyzers: defaultAnalyzers() }).scan(['/ws'], {
      config: defaultConfig(),
    });
    const batches: number[] = [];
    const sunk: { placements: Placement[]; findings: Finding[] } = { placements: [], findings: [] };
    const streamed = await new Engine({ readRoots: ['/'], fs, analyzers: defaultAnalyzers() }).scan(['/ws'], {
      config: defaultConfig(),
      sink: (placements, findings) => {
        batches.push(placements.length);
        sunk.placements.push(...placements);
        sunk.findings.push(...findings);
      },
    });
    assert.ok(batches.length >= 3, `${batches.length} calls of the sink`);
    assert.ok(Math.max(...batches) < n, `largest batch ${Math.max(...batches)}`);
    assert.deepEqual(streamed.placements, []);
    const summary = (r: { placements: Placement[]; findings: Finding[] }) => ({
      placements: r.placements.map((p) => `${p.address} ${p.regionId}`),
      findings: r.findings.map((f) => `${f.ruleId} ${f.range.start.line} ${f.suppressed ? 'accepted' : 'open'}`),
    });
    assert.equal(inMemory.placements.length, n);
    assert.deepEqual(summary(sunk), summary(inMemory));
    assert.equal(inMemory.findings.filter((f) => f.ruleId === 'CAL007').length, 1);
    assert.equal(inMemory.findings.filter((f) => f.suppressed).length, 1);
  });

  it("in a one-shot scan, takes a huge unit's resources while it is analysed, each once, even when a pass is run again for a file", async () => {
    const n = 12_000;
    const parts = ['provider "aws" {\n  region = "eu-central-1"\n}\n'];
    for (let i = 0; i < n; i++) {
      parts.push(`resource "aws_s3_bucket" "b${i}" {\n  bucket = "b${i}"\n}\n`);
    }
    // After 12,000 resources, one whose region is read from a file: its first pass asks for the file,
    // and the unit is analysed again once it is read.
    parts.push('resource "aws_s3_bucket" "late" {\n  provider = aws.other\n}\n');
    parts.push('provider "aws" {\n  alias  = "other"\n  region = trimspace(file("${path.module}/region.txt"))\n}\n');
    const fs = memoryFs({ '/ws/main.tf': parts.join(''), '/ws/region.txt': 'eu-west-1\n' });
    const inMemory = await new Engine({ readRoots: ['/'], fs, analyzers: defaultAnalyzers() }).scan(['/ws'], {
      config: defaultConfig(),
    });
    // The Terraform analyzer, watched: how much the sink had received when the analysis returned.
    const sunk: Placement[] = [];
    const atReturn: number[] = [];
    const analyzers = defaultAnalyzers().map((a): LanguageAnalyzer =>
      a.language !== 'terraform'
        ? a
        : {
            ...a,
            claims: (p) => a.claims(p),
            units: (files, ctx) => a.units(files, ctx),
            analyze: async (unit, ctx) => {
              const r = await a.analyze(unit, ctx);
              atReturn.push(sunk.length, r.resources.length);
              return r;
            },
          },
    );
    const engine = new Engine({ readRoots: ['/'], fs, analyzers, keepUnitResults: false });
    await engine.scan(['/ws'], { config: defaultConfig(), sink: (placements) => sunk.push(...placements) });
    const [before, rest] = atReturn;
    assert.ok(before >= 10_000, `${before} resources handed on before the analysis returned`);
    assert.equal(before + rest, n + 1);
    const summary = (ps: Placement[]) => ps.map((p) => `${p.address} ${p.regionId}`);
    assert.deepEqual(summary(sunk), summary(inMemory.placements));
    assert.equal(new Set(summary(sunk)).size, n + 1);
    assert.equal(sunk.find((p) => p.address === 'aws_s3_bucket.late')?.regionId, 'eu-west-1');
  });

  it('in one-shot scans, caches the trees of files that several units share and drops the others after their unit', async () => {
    const parsed: string[] = [];
    // Two units that share a module file; each unit parses its files twice (as analyzers may).
    const toy: LanguageAnalyzer = {
      language: 'terraform',
      claims: (p) => p.endsWith('.toy'),
      units: async () => [
        { language: 'terraform', key: 'a', files: ['/ws/a.toy', '/ws/m.toy'] },
        { language: 'terraform', key: 'b', files: ['/ws/b.toy', '/ws/m.toy'] },
      ],
      analyze: async (unit, ctx) => {
        for (let round = 0; round < 2; round++) {
          for (const f of unit.files) {
            ctx.parse(f, 'toy', (await ctx.readText(f)) ?? '', (t) => (parsed.push(f), t.length));
          }
        }
        return { resources: [], errors: [], dependencies: unit.files };
      },
    };
    const fs = memoryFs({ '/ws/a.toy': 'a', '/ws/b.toy': 'b', '/ws/m.toy': 'm' });
    const config = defaultConfig();
    const oneShot = new Engine({ readRoots: ['/'], fs, analyzers: [toy], keepUnitResults: false });
    await oneShot.scan(['/ws'], { config });
    // Each file parsed once: the unit's own files are kept for the length of their unit.
    assert.deepEqual(parsed.sort(), ['/ws/a.toy', '/ws/b.toy', '/ws/m.toy']);
    parsed.length = 0;
    await oneShot.scan(['/ws'], { config });
    // A second scan finds only the shared file in the parse cache.
    assert.deepEqual(parsed.sort(), ['/ws/a.toy', '/ws/b.toy']);

    // A plan run in shares (as threads do) still caches what the whole plan shares.
    const split = new Engine({ readRoots: ['/'], fs, analyzers: [toy], keepUnitResults: false });
    const plan = await split.plan(['/ws'], { config });
    assert.deepEqual(plan.shared, ['/ws/m.toy']);
    parsed.length = 0;
    for (const unit of plan.units) {
      await split.runPlan([unit], { config }, plan.files.length, plan.shared);
    }
    assert.deepEqual(parsed.sort(), ['/ws/a.toy', '/ws/b.toy', '/ws/m.toy']);
  });

  it('lists each directory once in a scan: analyzers reuse the listings made while discovering', async () => {
    const fs = memoryFs({
      '/ws/main.tf': `${MAIN}\nmodule "m" {\n  source = "./modules/m"\n}\n`,
      '/ws/modules/m/main.tf': 'resource "aws_s3_bucket" "m" {}\n',
      '/ws/docs/readme.md': '# not scanned',
    });
    const listed = fs.listed;
    const engine = new Engine({ readRoots: ['/'], fs, analyzers: defaultAnalyzers() });
    const result = await engine.scan(['/ws'], { config: defaultConfig() });
    assert.equal(result.placements.length, 2);
    assert.deepEqual(
      listed.filter((p, i) => listed.indexOf(p) !== i),
      [],
      `listed more than once: ${listed.join(', ')}`,
    );
  });

  it('loads a module outside the scanned folder that calls a module in its own subfolder', async () => {
    // Outside the roots, a listing shows module configuration only (no subfolders): it says nothing
    // about which subfolders exist.
    const fs = memoryFs({
      '/ws/app/main.tf': `${MAIN}\nmodule "shared" {\n  source = "../shared"\n}\n`,
      '/ws/shared/main.tf': 'module "inner" {\n  source = "./inner"\n}\n',
      '/ws/shared/inner/main.tf': 'resource "aws_sqs_queue" "q" {}\n',
    });
    const engine = new Engine({ readRoots: ['/ws/app'], fs, analyzers: defaultAnalyzers() });
    const result = await engine.scan(['/ws/app'], { config: defaultConfig() });
    assert.deepEqual(result.placements.map((p) => p.address).sort(), [
      'aws_s3_bucket.invoices',
      'module.shared.module.inner.aws_sqs_queue.q',
    ]);
  });

  it('does not look for .terraform/modules in a root module that has no .terraform', async () => {
    const fs = memoryFs({ '/ws/main.tf': MAIN, '/ws/env/prod/main.tf': MAIN });
    const listed = fs.listed;
    const engine = new Engine({ readRoots: ['/'], fs, analyzers: defaultAnalyzers() });
    const result = await engine.scan(['/ws'], { config: defaultConfig() });
    assert.equal(result.placements.length, 2);
    // Every root module looks for `.terraform/modules/modules.json`; none of them has a `.terraform`.
    assert.deepEqual(
      listed.filter((p) => p.includes('.terraform')),
      [],
    );
  });

  it('without read-ahead (the CLI) reads each file when it is needed, with the same result', async () => {
    const files = {
      '/ws/main.tf': MAIN,
      '/ws/prod.tfvars': 'x = 1\n',
      '/ws/env/main.tf': `${MAIN}\nmodule "m" {\n  source = "../mod"\n}\n`,
      '/ws/mod/main.tf': 'resource "aws_sqs_queue" "q" {}\n',
    };
    const run = async (readAhead?: boolean) => {
      const fs = memoryFs(files);
      const engine = new Engine({ readRoots: ['/'], fs, analyzers: defaultAnalyzers(), readAhead });
      const plan = await engine.plan(['/ws'], { config: defaultConfig() });
      const readWhileGrouping = [...fs.reads];
      const result = await engine.runPlan(plan.units, { config: defaultConfig() }, plan.files.length);
      return { readWhileGrouping, reads: fs.reads, result };
    };
    const ahead = await run();
    const onDemand = await run(false);
    // Reading ahead reads every claimed file while grouping; without it, the variables file that no
    // grouping decision needs is read by the analysis of its unit.
    assert.ok(ahead.readWhileGrouping.includes('/ws/prod.tfvars'));
    assert.ok(!onDemand.readWhileGrouping.includes('/ws/prod.tfvars'));
    assert.ok(onDemand.reads.includes('/ws/prod.tfvars'));
    assert.equal(new Set(onDemand.reads).size, onDemand.reads.length, 'no file is read twice');
    assert.deepEqual(
      onDemand.result.placements.map((p) => [p.address, p.regionId, p.file]),
      ahead.result.placements.map((p) => [p.address, p.regionId, p.file]),
    );
    assert.equal(onDemand.result.placements.length, 3);
  });

  it('reports a file it cannot read by its name, never by the path the machine gave it', async () => {
    const fs = memoryFs({ '/ws/main.tf': MAIN, '/ws/locked.tf': 'x' });
    fs.readFileLimited = async (path: string) => {
      if (path === '/ws/locked.tf') {
        throw new Error(`EACCES: permission denied, open '${path}'`);
      }
      return { kind: 'ok', bytes: new TextEncoder().encode(MAIN) };
    };
    const engine = new Engine({ readRoots: ['/'], fs, analyzers: defaultAnalyzers() });
    const result = await engine.scan(['/ws'], { config: defaultConfig() });
    assert.deepEqual(
      result.errors.map((e) => [e.file, e.message]),
      [['/ws/locked.tf', `cannot read file: "EACCES: permission denied, open 'locked.tf'"`]],
    );
    assert.equal(result.placements.length, 1);
  });

  it('reports a linked ARM template that does not exist at the templateLink that names it', async () => {
    const template = {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      resources: [
        {
          type: 'Microsoft.Resources/deployments',
          apiVersion: '2022-09-01',
          name: 'linked',
          properties: { mode: 'Incremental', templateLink: { relativePath: 'nested/missing.json' } },
        },
      ],
    };
    const fs = memoryFs({ '/ws/azuredeploy.json': JSON.stringify(template, null, 2) });
    const engine = new Engine({ readRoots: ['/'], fs, analyzers: defaultAnalyzers() });
    const result = await engine.scan(['/ws'], { config: defaultConfig() });
    assert.deepEqual(
      result.errors.map((e) => [e.file, e.range?.start.line, e.message]),
      [['/ws/azuredeploy.json', 10, 'linked template not found: nested/missing.json']],
    );
  });

  it('uses unsaved editor text and does not re-read unchanged files', async () => {
    const fs = memoryFs({ '/ws/main.tf': MAIN });
    const engine = new Engine({ readRoots: ['/'], fs, analyzers: defaultAnalyzers() });
    await engine.scan(['/ws'], { config: defaultConfig() });
    const before = fs.reads.length;
    const edited = MAIN.replace('eu-central-1', 'us-east-1');
    const result = await engine.analyzePaths(['/ws/main.tf'], {
      config: defaultConfig(),
      overlays: new Map([['/ws/main.tf', edited]]),
    });
    assert.equal(fs.reads.length, before);
    assert.equal(result.placements[0].regionId, 'us-east-1');
    assert.deepEqual(result.findings, []);
  });

  it('reports an unreadable or binary file as an error and keeps the good ones', async () => {
    const fs = memoryFs({ '/ws/main.tf': MAIN, '/ws/bad.tf': new Uint8Array([0x72, 0, 0x1, 0x2]) });
    const engine = new Engine({ readRoots: ['/'], fs, analyzers: defaultAnalyzers() });
    const result = await engine.scan(['/ws'], { config: defaultConfig() });
    assert.equal(result.placements.length, 1);
    assert.deepEqual(
      result.errors.map((e) => [e.file, e.message]),
      [['/ws/bad.tf', 'binary file (contains NUL bytes); skipped']],
    );
  });

  it('honours a suppression directive with a reason and reports one without', async () => {
    const text = `provider "aws" {
  region = "eu-central-1"
}

# cloud-act-lens:ignore CAL001 -- public marketing assets only
resource "aws_s3_bucket" "site" {}

# cloud-act-lens:ignore CAL001
resource "aws_s3_bucket" "logs" {}
`;
    const engine = new Engine({
      readRoots: ['/'],
      fs: memoryFs({ '/ws/main.tf': text }),
      analyzers: defaultAnalyzers(),
    });
    const result = await engine.scan(['/ws'], { config: defaultConfig() });
    const byResource = Object.fromEntries(
      result.findings.filter((f) => f.ruleId === 'CAL001').map((f) => [f.resource, f]),
    );
    assert.equal(byResource['aws_s3_bucket.site'].suppressed?.reason, 'public marketing assets only');
    assert.equal(byResource['aws_s3_bucket.logs'].suppressed, undefined);
    const cal007 = result.findings.filter((f) => f.ruleId === 'CAL007');
    assert.equal(cal007.length, 1);
    assert.match(cal007[0].message, /without a reason/);
  });
});

describe('engine suppression directives, searched for once per text read', () => {
  const bucket = (directive: string) => `provider "aws" {
  region = "eu-central-1"
}
${directive}
resource "aws_s3_bucket" "b" {}
`;
  const accepted = (r: { findings: Finding[] }) =>
    r.findings.filter((f) => f.ruleId === 'CAL001').map((f) => [f.file, f.suppressed?.reason ?? 'open']);

  it('honours a directive typed into unsaved text although the file on disk holds none', async () => {
    const engine = new Engine({
      readRoots: ['/'],
      fs: memoryFs({ '/ws/main.tf': bucket('') }),
      analyzers: defaultAnalyzers(),
    });
    assert.deepEqual(accepted(await engine.scan(['/ws'], { config: defaultConfig() })), [['/ws/main.tf', 'open']]);
    const overlays = new Map([['/ws/main.tf', bucket('# cloud-act-lens:ignore CAL001 -- test data')]]);
    assert.deepEqual(accepted(await engine.analyzePaths(['/ws/main.tf'], { config: defaultConfig(), overlays })), [
      ['/ws/main.tf', 'test data'],
    ]);
  });

  it('honours a directive saved to a file after the file changed, and forgets one that was removed', async () => {
    const fs = memoryFs({ '/ws/main.tf': bucket('') });
    const engine = new Engine({ readRoots: ['/'], fs, analyzers: defaultAnalyzers() });
    assert.deepEqual(accepted(await engine.scan(['/ws'], { config: defaultConfig() })), [['/ws/main.tf', 'open']]);
    fs.write('/ws/main.tf', bucket('# cloud-act-lens:ignore CAL001 -- test data'));
    engine.invalidate('/ws/main.tf');
    assert.deepEqual(accepted(await engine.scan(['/ws'], { config: defaultConfig() })), [['/ws/main.tf', 'test data']]);
    fs.write('/ws/main.tf', bucket(''));
    engine.invalidate('/ws/main.tf');
    assert.deepEqual(accepted(await engine.scan(['/ws'], { config: defaultConfig() })), [['/ws/main.tf', 'open']]);
  });

  it('honours a directive in a module file for every root that calls it', async () => {
    const root = (region: string) => `module "m" {\n  source = "../../modules/m"\n  region = "${region}"\n}\n`;
    const fs = memoryFs({
      '/ws/envs/a/main.tf': root('eu-central-1'),
      '/ws/envs/b/main.tf': root('eu-west-1'),
      '/ws/modules/m/main.tf': `variable "region" {}
provider "aws" {
  region = var.region
}
# cloud-act-lens:ignore CAL001 -- shared test bucket
resource "aws_s3_bucket" "b" {}
`,
    });
    const engine = new Engine({ readRoots: ['/'], fs, analyzers: defaultAnalyzers(), keepUnitResults: false });
    const result = await engine.scan(['/ws'], { config: defaultConfig() });
    assert.deepEqual(
      result.findings.filter((f) => f.ruleId === 'CAL001').map((f) => [f.unit, f.suppressed?.reason]),
      [
        ['terraform:/ws/envs/a', 'shared test bucket'],
        ['terraform:/ws/envs/b', 'shared test bucket'],
      ],
    );
  });
});

describe('engine editor path', () => {
  it('re-analyses a module file through the unit that uses it, not as an entry of its own', async () => {
    const fs = memoryFs({
      '/ws/main.bicep': `module m './modules/m.bicep' = {\n  name: 'm'\n  params: {\n    location: 'westeurope'\n  }\n}\n`,
      '/ws/modules/m.bicep': `param location string\n\nresource sa 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n  name: 'sa'\n  location: location\n}\n`,
    });
    const engine = new Engine({ readRoots: ['/'], fs, analyzers: defaultAnalyzers() });
    await engine.scan(['/ws'], { config: defaultConfig() });
    engine.invalidate('/ws/modules/m.bicep');
    const result = await engine.analyzePaths(['/ws/modules/m.bicep'], { config: defaultConfig() });
    assert.deepEqual(
      result.placements.map((p) => [p.address, p.regionId]),
      [['module.m.sa', 'westeurope']],
    );
  });
});

describe('engine: an ARM template that a Bicep module deploys', () => {
  const files = {
    '/ws/main.bicep': `module m './nested.json' = {\n  name: 'm'\n  params: {\n    location: 'westeurope'\n  }\n}\n`,
    '/ws/nested.json': JSON.stringify({
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      parameters: { location: { type: 'string' } },
      resources: [
        {
          type: 'Microsoft.Storage/storageAccounts',
          apiVersion: '2023-01-01',
          name: 'sa',
          location: "[parameters('location')]",
        },
      ],
    }),
  };

  it('is analysed once, in the Bicep unit with the parameters the module passes, not also on its own', async () => {
    const engine = new Engine({ readRoots: ['/'], fs: memoryFs(files), analyzers: defaultAnalyzers() });
    const result = await engine.scan(['/ws'], { config: defaultConfig() });
    assert.deepEqual(
      result.placements.map((p) => [p.address, p.regionId, p.language]),
      [['module.m.Microsoft.Storage/storageAccounts/sa', 'westeurope', 'arm']],
    );
    assert.deepEqual(
      result.units.map((u) => u.key),
      ['/ws/main.bicep'],
    );
  });

  it('is re-analysed through that Bicep unit when the template is edited', async () => {
    const engine = new Engine({ readRoots: ['/'], fs: memoryFs(files), analyzers: defaultAnalyzers() });
    await engine.scan(['/ws'], { config: defaultConfig() });
    engine.invalidate('/ws/nested.json');
    const result = await engine.analyzePaths(['/ws/nested.json'], { config: defaultConfig() });
    assert.deepEqual(
      result.placements.map((p) => [p.address, p.regionId]),
      [['module.m.Microsoft.Storage/storageAccounts/sa', 'westeurope']],
    );
  });
});

describe('engine invalidation', () => {
  it('sees a file created in a module after invalidating its path', async () => {
    const fs = memoryFs({ '/ws/main.tf': MAIN });
    const engine = new Engine({ readRoots: ['/'], fs, analyzers: defaultAnalyzers() });
    assert.equal((await engine.scan(['/ws'], { config: defaultConfig() })).placements.length, 1);
    fs.write('/ws/more.tf', 'resource "aws_sqs_queue" "q" {}\n');
    engine.invalidate('/ws/more.tf');
    const after = await engine.scan(['/ws'], { config: defaultConfig() });
    assert.deepEqual(after.placements.map((p) => p.address).sort(), ['aws_s3_bucket.invoices', 'aws_sqs_queue.q']);
  });

  it('sees modules installed by terraform init after invalidating the new modules.json', async () => {
    const fs = memoryFs({ '/ws/main.tf': `${MAIN}\nmodule "store" {\n  source = "acme/store/aws"\n}\n` });
    const engine = new Engine({ readRoots: ['/'], fs, analyzers: defaultAnalyzers() });
    const addresses = async () =>
      (await engine.scan(['/ws'], { config: defaultConfig() })).placements.map((p) => p.address).sort();
    assert.deepEqual(await addresses(), ['aws_s3_bucket.invoices']);
    // `terraform init` creates `.terraform/` (a directory the cached listing of /ws does not hold).
    fs.write(
      '/ws/.terraform/modules/modules.json',
      JSON.stringify({ Modules: [{ Key: 'store', Dir: '.terraform/modules/store' }] }),
    );
    fs.write('/ws/.terraform/modules/store/main.tf', 'resource "aws_sqs_queue" "q" {}\n');
    engine.invalidate('/ws/.terraform/modules/modules.json');
    assert.deepEqual(await addresses(), ['aws_s3_bucket.invoices', 'module.store.aws_sqs_queue.q']);
  });
});

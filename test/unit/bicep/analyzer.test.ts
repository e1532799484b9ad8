import assert from 'node:assert/strict';

import type { AnalysisError, ExtractedResource } from '../../../src/engine';
import { defaultAnalyzers, defaultConfig, Engine } from '../../../src/engine';
import type { AnalysisContext } from '../../../src/engine/analyzer';
import { bicepAnalyzer } from '../../../src/engine/bicep/analyzer';
import { extractTemplate } from '../../../src/engine/bicep/extract';
import { parseBicep } from '../../../src/engine/bicep/parser';
import { LineMap } from '../../../src/engine/text/line-map';
import { memoryFs } from '../helpers/memory-fs';

const MAIN = `param location string = 'westeurope'

module store './mod/store.bicep' = {
  name: 'store'
  params: { location: location }
}
`;
const STORE = `param location string

resource sa 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'sa'
  location: location
}
`;
const PARAMS = `using './main.bicep'
param location = 'swedencentral'
`;

function setup() {
  const fs = memoryFs({ '/ws/main.bicep': MAIN, '/ws/mod/store.bicep': STORE, '/ws/main.bicepparam': PARAMS });
  return { fs, engine: new Engine({ readRoots: ['/'], fs, analyzers: defaultAnalyzers() }) };
}

describe('bicep analyzer', () => {
  it('makes one unit per entry file with its modules and parameter files', async () => {
    const { engine } = setup();
    const result = await engine.scan(['/ws'], { config: defaultConfig() });
    const bicepUnits = result.units.filter((u) => u.language === 'bicep');
    assert.deepEqual(
      bicepUnits.map((u) => [u.key, u.files]),
      [['/ws/main.bicep', ['/ws/main.bicep', '/ws/mod/store.bicep', '/ws/main.bicepparam']]],
    );
    assert.deepEqual(
      result.placements.map((p) => [p.address, p.regionId, p.file]),
      [['module.store.sa', 'swedencentral', '/ws/mod/store.bicep']],
    );
    const prov = result.placements[0].provenance.map((s) => [
      s.description,
      s.location?.file,
      s.location?.range.start.line,
    ]);
    assert.deepEqual(prov, [
      ['param location', '/ws/mod/store.bicep', 0],
      ['module store params.location', '/ws/main.bicep', 4],
      ['param location', '/ws/main.bicep', 0],
      ['param location in main.bicepparam', '/ws/main.bicepparam', 1],
    ]);
  });

  it('re-resolves when an open .bicepparam file changes', async () => {
    const { engine } = setup();
    await engine.scan(['/ws'], { config: defaultConfig() });
    const result = await engine.analyzePaths(['/ws/main.bicepparam'], {
      config: defaultConfig(),
      overlays: new Map([['/ws/main.bicepparam', PARAMS.replace('swedencentral', 'polandcentral')]]),
    });
    assert.deepEqual(
      result.placements.map((p) => p.regionId),
      ['polandcentral'],
    );
  });

  it('lets --var win over the parameter file', async () => {
    const { engine } = setup();
    const config = { ...defaultConfig(), vars: { location: 'qatarcentral' } };
    const result = await engine.scan(['/ws'], { config });
    assert.deepEqual(
      result.placements.map((p) => p.regionId),
      ['qatarcentral'],
    );
  });

  it('reports parse errors with ranges and still analyses the rest of the file', async () => {
    const text = `resource broken 'Microsoft.Web/sites@2023-12-01' = {
  name: 'x'
  location: = 'oops'
}

resource ok 'Microsoft.Web/sites@2023-12-01' = {
  name: 'y'
  location: 'mexicocentral'
}
`;
    const fs = memoryFs({ '/ws/main.bicep': text });
    const engine = new Engine({ readRoots: ['/'], fs, analyzers: defaultAnalyzers() });
    const result = await engine.scan(['/ws'], { config: defaultConfig() });
    assert.equal(result.errors.length, 1);
    assert.equal(result.errors[0].range?.start.line, 2);
    assert.deepEqual(
      result.placements.map((p) => [p.address, p.regionId]),
      [['ok', 'mexicocentral']],
    );
  });

  it('reports a missing local module and a module cycle without failing', async () => {
    const fs = memoryFs({
      '/ws/a.bicep': `module b './b.bicep' = {\n  name: 'b'\n}\nmodule gone './gone.bicep' = {\n  name: 'g'\n}\n`,
      '/ws/b.bicep': `module a './a.bicep' = {\n  name: 'a'\n}\n`,
    });
    const engine = new Engine({ readRoots: ['/'], fs, analyzers: defaultAnalyzers() });
    const result = await engine.scan(['/ws'], { config: defaultConfig() });
    const messages = result.errors.map((e) => e.message).join('\n');
    assert.match(messages, /module file not found: \.\/gone\.bicep/);
    assert.match(messages, /refers back to itself/);
  });

  it('reports each missing module file once, where the module is declared, even in a module no loop instance reaches', async () => {
    const fs = memoryFs({
      '/ws/main.bicep': `param items array = []\nmodule a './missing.bicep' = {\n  name: 'a'\n}\nmodule n './sub/nested.bicep' = [for i in items: {\n  name: 'n\${i}'\n}]\n`,
      '/ws/sub/nested.bicep': `module x '../gone/x.bicep' = {\n  name: 'x'\n}\n`,
    });
    const engine = new Engine({ readRoots: ['/'], fs, analyzers: defaultAnalyzers() });
    const result = await engine.scan(['/ws'], { config: defaultConfig() });
    assert.deepEqual(
      result.errors.map((e) => [e.file, e.range?.start.line, e.message]),
      [
        ['/ws/main.bicep', 1, 'module file not found: ./missing.bicep'],
        ['/ws/sub/nested.bicep', 0, 'module file not found: ../gone/x.bicep'],
      ],
    );
  });

  it('says where a parameters file names a template that does not exist, and reports no error of a file that is not there', async () => {
    const fs = memoryFs({
      '/ws/params/prod.bicepparam': `using './main.bicep'\nparam location = 'westeurope'\n`,
      '/ws/params/dev.bicepparam': `using '../main.bicep'\nparam location = 'swedencentral'\n`,
      '/ws/main.bicep': MAIN,
      '/ws/mod/store.bicep': STORE,
    });
    const engine = new Engine({ readRoots: ['/'], fs, analyzers: defaultAnalyzers() });
    // Only the parameters folder is scanned: the template above it is still read for dev.bicepparam.
    const result = await engine.scan(['/ws/params'], { config: defaultConfig() });
    assert.deepEqual(
      result.errors.map((e) => [e.file, e.range?.start.line, e.message]),
      [
        [
          '/ws/params/prod.bicepparam',
          0,
          'template file not found: ./main.bicep; the parameters are not applied to any template',
        ],
      ],
    );
    assert.deepEqual(
      result.placements.map((p) => [p.file, p.regionId]),
      [['/ws/mod/store.bicep', 'swedencentral']],
    );
  });

  it('groups without parsing the files that mention no module and extend nothing', async () => {
    const texts: Record<string, string> = {
      '/ws/main.bicep': MAIN,
      '/ws/mod/store.bicep': STORE,
      // The word in a comment: parsed, and found to reference nothing.
      '/ws/other.bicep': `// not a module\nresource r 'Microsoft.Storage/storageAccounts@2023-05-01' = {\n  name: 'r'\n  location: 'westeurope'\n}\n`,
    };
    const parsed: string[] = [];
    const ctx: AnalysisContext = {
      config: defaultConfig(),
      readText: async (p) => texts[p],
      isMissing: (p) => !(p in texts),
      listDir: async () => [],
      parse: (p, _kind, text, parse) => (parsed.push(p), parse(text)),
    };
    const units = await bicepAnalyzer.units(Object.keys(texts), ctx);
    assert.deepEqual(
      units.map((u) => u.files),
      [['/ws/main.bicep', '/ws/mod/store.bicep'], ['/ws/other.bicep']],
    );
    assert.deepEqual(parsed.sort(), ['/ws/main.bicep', '/ws/other.bicep']);
  });

  it('gives a module the parameters of a spread, overridden by those written after it, each with its provenance', async () => {
    const fs = memoryFs({
      '/ws/main.bicep': `var base = {
  location: 'eastus'
  backup: 'northeurope'
}

module a './mod.bicep' = {
  name: 'a'
  params: { ...base, location: 'westeurope' }
}

module b './mod.bicep' = {
  name: 'b'
  params: { ...base }
}
`,
      '/ws/mod.bicep': `param location string
param backup string
param unused string

resource sa 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'sa'
  location: location
}

resource copy 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'copy'
  location: backup
}
`,
    });
    const engine = new Engine({ readRoots: ['/'], fs, analyzers: defaultAnalyzers() });
    const result = await engine.scan(['/ws'], { config: defaultConfig() });
    const where = Object.fromEntries(result.placements.map((p) => [p.address, p.regionId]));
    assert.deepEqual(where, {
      'module.a.sa': 'westeurope',
      'module.a.copy': 'northeurope',
      'module.b.sa': 'eastus',
      'module.b.copy': 'northeurope',
    });
    const a = result.placements.find((p) => p.address === 'module.a.sa')!;
    assert.deepEqual(
      a.provenance.map((s) => s.description),
      ['param location', 'module a params.location'],
    );
  });
  it('places a child of an existing resource where the calling template deploys that resource, and says so', async () => {
    const fs = memoryFs({
      '/ws/main.bicep': `resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-main'
  location: 'norwayeast'
}

module secrets './secrets.bicep' = {
  name: 'secrets'
  params: { vaultName: vault.name }
}

resource maybe 'Microsoft.KeyVault/vaults@2023-07-01' = if (false) {
  name: 'kv-maybe'
  location: 'norwayeast'
}

module unsure './secrets.bicep' = {
  name: 'unsure'
  params: { vaultName: maybe.name }
}
`,
      '/ws/secrets.bicep': `param vaultName string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: vaultName
}

resource secret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  name: 'token'
  parent: vault
  properties: { value: 'x' }
}
`,
    });
    const engine = new Engine({ readRoots: ['/'], fs, analyzers: defaultAnalyzers() });
    const result = await engine.scan(['/ws'], { config: defaultConfig() });
    const secret = result.placements.find((p) => p.address === 'module.secrets.secret')!;
    assert.equal(secret.regionId, 'norwayeast');
    assert.deepEqual(
      secret.provenance.map((s) => s.description),
      [
        'inherited from vault',
        'existing resource vault is the vault that the calling template deploys (same type, name and resource group)',
        'vault.location',
      ],
    );
    // The step names where the caller declares the resource.
    assert.equal(secret.provenance[1].location?.file, '/ws/main.bicep');
    assert.equal(secret.provenance[1].location?.range.start.line, 0);
    // A resource that is not surely deployed (its condition is false here) does not stand for the existing one.
    // Its child is then placed with it wherever it is deployed: not listed here, and not CAL002.
    assert.equal(
      result.placements.find((p) => p.address === 'module.unsure.secret'),
      undefined,
    );
  });
});

describe('bicep analyzer: bounds', () => {
  it('stops doubling chains of variables and huge loops instead of exhausting memory', () => {
    const vars = ["var a0 = 'x'"];
    for (let i = 1; i <= 40; i++) {
      vars.push(`var a${i} = '\${a${i - 1}}\${a${i - 1}}'`);
    }
    const text = `${vars.join('\n')}
resource sa 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: a40
  location: length(a40) > 0 ? 'westeurope' : 'eastus'
}
module m './m.bicep' = [for i in range(0, 10000): {
  name: 'm\${i}'
}]
`;
    const mod = `resource r 'Microsoft.Storage/storageAccounts@2023-05-01' = [for i in range(0, 10000): {
  name: 'r\${i}'
  location: 'westeurope'
}]
`;
    const doc = (path: string, t: string) => ({ path, file: parseBicep(t), lines: new LineMap(t) });
    const docs = new Map([
      ['/ws/main.bicep', doc('/ws/main.bicep', text)],
      ['/ws/m.bicep', doc('/ws/m.bicep', mod)],
    ]);
    const ctx = { docs, errors: [] as AnalysisError[], suffix: '', out: [] as ExtractedResource[] };
    extractTemplate(docs.get('/ws/main.bicep')!, new Map(), ctx);
    assert.equal(ctx.out[0].address, 'sa');
    assert.equal(ctx.out[0].region.kind, 'unknown');
    assert.equal(ctx.out.length, 100_000);
    assert.equal(ctx.errors.filter((e) => /more than 100000 resource instances/.test(e.message)).length, 1);
  });
});

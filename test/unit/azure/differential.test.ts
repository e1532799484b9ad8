import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { nodeFs } from '../../../src/cli/node-fs';
import { defaultAnalyzers, defaultConfig, Engine, paths, type Placement } from '../../../src/engine';

/**
 * Differential test: a Bicep template and the ARM JSON the Bicep compiler built from it must give the
 * same placements. Pairs are directories holding `main.bicep` and `main.json`, found under ROOT (the
 * vendored selection) or under $CAL_AZURE_PAIRS (e.g. a whole module repository).
 */
const ROOT = process.env.CAL_AZURE_PAIRS ?? path.resolve(__dirname, '../../../../test/fixtures/azure-pairs');

function findPairs(dir: string, out: string[] = []): string[] {
  const names = fs.readdirSync(dir);
  if (names.includes('main.bicep') && names.includes('main.json')) {
    out.push(dir);
  }
  for (const n of names.sort()) {
    const p = path.join(dir, n);
    if (n !== 'tests' && fs.statSync(p).isDirectory()) {
      findPairs(p, out);
    }
  }
  return out;
}

/** Registry (`br:`) and template-spec (`ts:`) modules: inlined in the compiled JSON, unreadable offline. */
const REMOTE_MODULE = /^\s*module\s+\S+\s+'(?:br|ts)[:/]/m;
const LOCAL_MODULE = /^\s*module\s+\S+\s+'([^':]+\.bicep)'/gm;

/** Whether the template or a local module it uses (transitively) uses a registry module. */
function usesRemoteModule(file: string, seen = new Set<string>()): boolean {
  if (seen.has(file) || !fs.existsSync(file)) {
    return false;
  }
  seen.add(file);
  const text = fs.readFileSync(file, 'utf8');
  if (REMOTE_MODULE.test(text)) {
    return true;
  }
  return [...text.matchAll(LOCAL_MODULE)].some((m) => usesRemoteModule(path.resolve(path.dirname(file), m[1]), seen));
}

function key(p: Placement): string {
  const copies = p.copies.map((c) => `${c.kind}:${c.regionId ?? '?'}`).sort();
  return [
    p.type.toLowerCase(),
    p.regionId ?? '?',
    p.country ?? '-',
    p.findings
      .map((f) => f.ruleId)
      .sort()
      .join('+'),
    copies.join('+'),
  ].join(' | ');
}

async function placements(file: string): Promise<string[]> {
  const config = { ...defaultConfig(), compiledArm: 'both' as const, resourceGroupLocation: 'westeurope' };
  const engine = new Engine({ readRoots: ['/'], fs: nodeFs, analyzers: defaultAnalyzers() });
  const result = await engine.scan([paths.toEnginePath(file)], { config });
  return result.placements.map(key).sort();
}

function diff(a: string[], b: string[]): { onlyA: string[]; onlyB: string[] } {
  const rest = [...b];
  const onlyA: string[] = [];
  for (const x of a) {
    const i = rest.indexOf(x);
    if (i >= 0) {
      rest.splice(i, 1);
    } else {
      onlyA.push(x);
    }
  }
  return { onlyA, onlyB: rest };
}

/**
 * Pairs left out, each with its reason (the test lists them by name when it runs):
 * - the Bicep uses a registry (`br:`) or template-spec (`ts:`) module: the compiled JSON inlines it, and a
 *   scan never downloads it, so the Bicep side cannot see those resources.
 * Known limits inside compared pairs (none of the pairs has them, so none is left out for them):
 * - a `Microsoft.Resources/deployments` resource declared in Bicep with an inline ARM template: neither
 *   side lists the deployment, but only ARM reads the inline template's resources.
 */
describe('Bicep and its compiled ARM JSON agree', function () {
  this.timeout(600_000);
  const all = fs.existsSync(ROOT) ? findPairs(ROOT) : [];
  const remote = all.filter((d) => usesRemoteModule(path.join(d, 'main.bicep')));
  const pairs = all.filter((d) => !remote.includes(d));

  it('has real pairs to compare', () => {
    assert.ok(pairs.length >= 100, `only ${pairs.length} pairs under ${ROOT}`);
    if (remote.length > 0) {
      console.log(`      left out (registry modules): ${remote.map((d) => path.relative(ROOT, d)).join(', ')}`);
    }
  });

  it('gives the same placements (type, region, country, findings, copies) for every pair', async () => {
    const bad: string[] = [];
    for (const dir of pairs) {
      const b = await placements(path.join(dir, 'main.bicep'));
      const j = await placements(path.join(dir, 'main.json'));
      const d = diff(b, j);
      if (d.onlyA.length || d.onlyB.length) {
        bad.push(
          `${path.relative(ROOT, dir)}\n  bicep only: ${d.onlyA.join('\n              ')}\n  arm only:   ${d.onlyB.join('\n              ')}`,
        );
      }
    }
    if (process.env.CAL_DIFF_OUT) {
      fs.writeFileSync(process.env.CAL_DIFF_OUT, bad.join('\n'));
    }
    assert.equal(bad.length, 0, `${bad.length} of ${pairs.length} pairs differ:\n${bad.slice(0, 5).join('\n')}`);
  });
});

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { nodeFs } from '../../../src/cli/node-fs';
import { defaultAnalyzers, defaultConfig, Engine, type ScanResult } from '../../../src/engine';

/** Names every JavaScript object inherits: a lookup table must not take them for its own entries. */
const NAMES = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];

async function scan(files: Record<string, string>): Promise<ScanResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'cal-names-'));
  try {
    for (const [name, text] of Object.entries(files)) {
      writeFileSync(path.join(dir, name), text);
    }
    const engine = new Engine({ readRoots: ['/'], fs: nodeFs, analyzers: defaultAnalyzers() });
    return await engine.scan([dir.replace(/\\/g, '/')], { config: defaultConfig() });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function reasons(r: ScanResult): string[] {
  return r.placements.map((p) => (p.region.kind === 'unknown' ? p.region.reason : `known ${p.regionId}`));
}

describe('names of JavaScript object members in templates', () => {
  it('Terraform: functions, resource types and references with such names are unknown, not internal errors', async () => {
    const tf = [
      'provider "aws" {\n  region = "eu-west-1"\n}',
      ...NAMES.map((n, i) => `resource "aws_sqs_queue" "q${i}" {\n  region = ${n}("eu-west-1")\n}`),
      // Resources without a region argument: a reference to their region asks the table of resource
      // types whose region is the provider's.
      ...NAMES.map((n, i) => `resource "${n}" "r${i}" {}`),
      ...NAMES.map((n, i) => `resource "aws_sns_topic" "t${i}" {\n  region = ${n}.r${i}.region\n}`),
      // Data sources: a reference to their attributes asks the table of those that echo the provider's region.
      ...NAMES.map((n, i) => `data "${n}" "d${i}" {}`),
      ...NAMES.map((n, i) => `resource "aws_sns_topic" "u${i}" {\n  region = data.${n}.d${i}.name\n}`),
    ].join('\n\n');
    const r = await scan({ 'main.tf': `${tf}\n` });
    assert.deepEqual(r.errors, []);
    const got = reasons(r);
    for (const [i, n] of NAMES.entries()) {
      assert.ok(got.includes(`the function ${n}() is not evaluated statically`), `${n}: ${got.join(' | ')}`);
      assert.ok(got.includes(`data.${n}.d${i}.name is read from the cloud at plan time`), `${n}: ${got.join(' | ')}`);
    }
  });

  it('Bicep: functions and resource types with such names are unknown or classified as unknown types', async () => {
    const bicep = NAMES.map(
      (n, i) =>
        `resource a${i} '${n}@2020-01-01' = {\n  name: 'a${i}'\n  location: ${n}('westeurope')\n}\n` +
        `resource b${i} 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n  name: 'b${i}'\n  location: ${n}().location\n}\n`,
    ).join('\n');
    const r = await scan({ 'main.bicep': bicep });
    assert.deepEqual(r.errors, []);
    assert.equal(r.placements.length, NAMES.length * 2);
    for (const p of r.placements) {
      assert.equal(p.region.kind, 'unknown', p.name);
    }
    // An unknown resource type is assumed to hold customer data, whatever its name.
    for (const p of r.placements.filter((x) => x.name.startsWith('a'))) {
      assert.equal(p.dataClass, 'customer-data', p.name);
    }
  });

  it('ARM: functions with such names are unknown', async () => {
    const template = {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      resources: NAMES.map((n, i) => ({
        type: 'Microsoft.Storage/storageAccounts',
        apiVersion: '2023-01-01',
        name: `s${i}`,
        location: `[${n}('westeurope')]`,
      })),
    };
    const r = await scan({ 'azuredeploy.json': JSON.stringify(template, null, 2) });
    assert.deepEqual(r.errors, []);
    assert.equal(r.placements.length, NAMES.length);
    for (const reason of reasons(r)) {
      assert.match(reason, /not evaluated statically/);
    }
  });
});

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { parse } from 'jsonc-parser';

import { defaultConfig, mergeConfig, RULES } from '../../../src/engine';
import { PROJECT_FILE_FIELDS } from '../../../src/engine/config';

const ROOT = path.resolve(__dirname, '../../../..');

interface Schema {
  properties: Record<
    string,
    { properties?: Record<string, unknown>; items?: { properties?: Record<string, { enum?: string[] }> } }
  >;
}

const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'media/project-file.schema.json'), 'utf8')) as Schema;

function projectFiles(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      projectFiles(full, out);
    } else if (e.name === '.cloud-act-lens.json') {
      out.push(full);
    }
  }
  return out;
}

/** The project file's JSON schema (editor completion and validation) and the engine's normaliser agree. */
describe('project file schema', () => {
  it('lists exactly the fields the normaliser reads, every rule, and the residency fields', () => {
    assert.deepEqual(Object.keys(schema.properties).sort(), [...PROJECT_FILE_FIELDS].sort());
    assert.deepEqual(Object.keys(schema.properties.rules.properties!).sort(), RULES.map((r) => r.id).sort());
    assert.deepEqual(
      schema.properties.accepted.items!.properties!.ruleId.enum,
      RULES.map((r) => r.id),
    );
    assert.deepEqual(Object.keys(schema.properties.residency.properties!).sort(), [
      'controllers',
      'countries',
      'import',
    ]);
  });

  it('is contributed to VS Code for .cloud-act-lens.json, which is JSON with comments', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      contributes: {
        jsonValidation: Array<{ fileMatch: string; url: string }>;
        languages: Array<{ id: string; filenames?: string[] }>;
      };
    };
    assert.deepEqual(pkg.contributes.jsonValidation, [
      { fileMatch: '.cloud-act-lens.json', url: './media/project-file.schema.json' },
    ]);
    assert.ok(pkg.contributes.languages.some((l) => l.id === 'jsonc' && l.filenames?.includes('.cloud-act-lens.json')));
  });

  it('reports an unknown field instead of ignoring it silently; every fixture project file is clean', () => {
    const problems: string[] = [];
    mergeConfig(defaultConfig(), { exlude: ['x'], rules: {} }, problems);
    assert.deepEqual(problems, ['"exlude" is not a field of the project file (see its JSON schema); ignored']);
    for (const file of projectFiles(path.join(ROOT, 'test/fixtures'))) {
      const p: string[] = [];
      mergeConfig(defaultConfig(), parse(fs.readFileSync(file, 'utf8')), p);
      assert.deepEqual(p, [], file);
    }
  });
});

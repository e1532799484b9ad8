import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import * as fc from 'fast-check';
import * as YAML from 'yaml';

import { readBlockYaml } from '../../../src/engine/terraform/eval/yaml-block';
import { decodeFresh, decodeWithLibrary } from '../../../src/engine/terraform/eval/yaml-decode';

/** The reader of plain block YAML either leaves a text to the library or decodes it exactly as the library. */
function agrees(text: string): boolean {
  const block = readBlockYaml(text);
  if (block === undefined) {
    return false;
  }
  const library = decodeWithLibrary(text, 'dir/data.yaml');
  assert.ok(library, `the reader accepted what the library rejects: ${JSON.stringify(text)}`);
  // Values, data types and every scalar's provenance (key path, file and range).
  assert.deepEqual(decodeFresh(text, 'dir/data.yaml'), library, JSON.stringify(text));
  assert.deepEqual(decodeFresh(text, undefined), decodeWithLibrary(text, undefined), JSON.stringify(text));
  return true;
}

const SERVICE_AGENTS = `# Copyright
#
# comments before the document

- name: aiplatform-cc
  display_name: AI Platform Custom Code Service Agent
  api: aiplatform.googleapis.com
  identity: service-\${project_number}@gcp-sa-aiplatform-cc.\${universe_domain}iam.gserviceaccount.com
  role: roles/aiplatform.customCodeServiceAgent
  is_primary: false
  aliases: []
  skip_iam: false
- name: vertex-es   # trailing comment
  role: null
  aliases:
  - one
  - 'two''s'
  - "three: 3"
  count: 3
  ratio: 0.5
  exp: 1e3
  hex: 0x1F
  octal: 0o17
  signed: -12
  empty:
  commented: # nothing here
  nested:
    deeper:
      - a
      -
      - b: 1
        c: ~
`;

describe('yamldecode: the reader of plain block YAML', () => {
  it('reads the shape of configuration YAML itself, with the library’s values and positions', () => {
    assert.ok(agrees(SERVICE_AGENTS), 'the service-agents shape is read without the library');
    assert.ok(agrees('a: 1\n'));
    assert.ok(agrees('  indented: true\n  second: False\n'));
    assert.ok(agrees('- x\n- y # c\n-\n'));
    assert.ok(agrees('key:\n- a\n- b\nother: {}\n'));
  });

  it('leaves every other form to the library', () => {
    const others = [
      'a: [1, 2]\n',
      'a: {b: 1}\n',
      'a: |\n  text\n',
      'a: >\n  text\n',
      'a: &x 1\nb: *x\n',
      'a: !!str 1\n',
      '---\na: 1\n',
      'a: 1\n---\nb: 2\n',
      '%YAML 1.2\n---\na: 1\n',
      'a: "x\\ty"\n',
      'a: multi\n  line\n',
      '"quoted": 1\n',
      'true: 1\n',
      'null: 1\n',
      '1: x\n',
      'a: 1\na: 2\n',
      'a: b: c\n',
      'a:\tx\n',
      'a: 1\r\n',
      'a: .inf\n',
      'a: .nan\n',
      '? complex\n: key\n',
      '- - nested\n',
      'scalar\n',
      '',
      '# only a comment\n',
      '__proto__: 1\n',
      'a: 1\n b: 2\n',
      'a:\n  b: 1\n c: 2\n',
      `${'a:\n'.repeat(1)}${Array.from({ length: 80 }, (_, i) => `${' '.repeat(i + 1)}k:`).join('\n')}\n`,
    ];
    for (const text of others) {
      assert.equal(readBlockYaml(text), undefined, JSON.stringify(text));
    }
  });

  it('agrees with the library on every YAML file of the fixtures', () => {
    const root = join(__dirname, '../../../../test/fixtures');
    const files = readdirSync(root, { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
      .map((e) => join(e.parentPath, e.name));
    assert.ok(files.length >= 5);
    let read = 0;
    for (const file of files) {
      read += agrees(readFileSync(file, 'utf8')) ? 1 : 0;
    }
    assert.ok(read >= 3, `read ${read} of ${files.length} fixture files without the library`);
  });

  it('agrees with the library on documents the library writes from random data', () => {
    const key = fc.stringMatching(/^[a-z_][a-z0-9_./-]{0,8}$/);
    const scalar = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.stringMatching(/^[-+.0-9a-fA-Fox~eE]{1,6}$/),
      fc.constantFrom(
        'null',
        'Null',
        'NULL',
        '~',
        'true',
        'True',
        'FALSE',
        'yes',
        'on',
        '0x1F',
        '0o17',
        '1e3',
        '.5',
        '-.inf',
      ),
      fc.integer(),
      fc.double({ noNaN: true }),
      fc.boolean(),
      fc.constant(null),
    );
    const data = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, scalar, tie('list'), tie('map')),
      list: fc.array(tie('value'), { maxLength: 4 }),
      map: fc.dictionary(key, tie('value'), { maxKeys: 4 }),
    })).value;
    let read = 0;
    fc.assert(
      fc.property(data, fc.boolean(), fc.boolean(), (value, indentSeq, comment) => {
        let text = YAML.stringify(value, { indentSeq });
        if (comment) {
          text = text.replace(/\n/g, ' # note\n');
        }
        read += agrees(text) ? 1 : 0;
      }),
      { numRuns: 500 },
    );
    assert.ok(read > 100, `only ${read} of 500 documents were read without the library`);
  });

  it('agrees with the library on mutated documents (or leaves them to it)', () => {
    const edits = fc.array(
      fc.tuple(
        fc.nat(),
        fc.nat(3),
        fc.constantFrom(' ', '  ', '\n', '-', ':', ': ', '#', ' #', "'", '"', '[]', '{}', 'x', '', '\n- ', '\n  '),
      ),
      { maxLength: 5 },
    );
    fc.assert(
      fc.property(edits, (changes) => {
        let text = SERVICE_AGENTS;
        for (const [pos, del, ins] of changes) {
          const i = pos % (text.length + 1);
          text = text.slice(0, i) + ins + text.slice(i + del);
        }
        agrees(text);
      }),
      { numRuns: 600 },
    );
  });
});

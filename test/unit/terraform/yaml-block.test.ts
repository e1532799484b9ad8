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
    // Keys that start with a digit (cloud-foundation-fabric's stage names) and documents that are only
    // an empty collection were left to the library, whose first use costs tens of milliseconds.
    assert.ok(agrees('providers:\n  0-org-setup:\n    bucket: x\n  1-vpcsc: {}\n'));
    assert.ok(agrees('{}'));
    assert.ok(agrees('[] # nothing\n'));
    assert.ok(agrees('contacts:\n  $email_addresses:gcp-organization-admins:\n  - x\n'));
    assert.ok(agrees('forwarders:\n  "8.8.8.8": default\n  \'a b\': 1\n'));
    // Literal block scalars: CEL conditions and scripts in factory files.
    assert.ok(agrees('a: |\n  text\n'));
    assert.ok(
      agrees('c:\n  expression: |\n    api.getAttribute(\n      # not a comment\n\n      x)\n\n  title: t\nd: 1\n'),
    );
    assert.ok(agrees('- |-\n  one\n  two\n\n- b\n'));
    assert.ok(agrees('a: | # comment\n   indented\n    more\nb: |-\n  x\n'));
    // One-line flow collections (DNS records, firewall ports) and a document start marker.
    assert.ok(agrees('ports: ["22", "80", 443, x y]\nlocal: { CNAME: { rrdatas: [\'a.\'] }, ttl: 300 } # c\n'));
    assert.ok(agrees('- [a, [b, {c: d}], {}]\n- {"q k": 1, e: []}\n'));
    assert.ok(agrees('[1, two]'));
    assert.ok(agrees('# licence\n\n---\n# only comments\n'));
    assert.ok(agrees('---\na: 1\n'));
  });

  it('leaves every other form to the library', () => {
    const others = [
      'a: [1, 2,]\n',
      'a: [1, , 2]\n',
      'a: [a: 1]\n',
      'a: {b:1}\n',
      'a: [1, 2\n',
      'a: [1,\n  2]\n',
      'a: [1 #c\n  ]\n',
      'a: [&x 1]\n',
      'a: [x]y\n',
      '--- a: 1\n',
      'a: >\n  text\n',
      'a: |+\n  text\n',
      'a: |2\n   text\n',
      'a: |\n  text',
      'a: |\n\n  text\n',
      'a: |\n  x\n     \n',
      'a: |x\n  text\n',
      'a:\n  b: |\n    x\n   c: 1\n',
      'a: &x 1\nb: *x\n',
      'a: !!str 1\n',
      'a: 1\n---\nb: 2\n',
      '---\n---\n',
      '%YAML 1.2\n---\na: 1\n',
      'a: "x\\ty"\n',
      'a: multi\n  line\n',
      '"quoted\\n": 1\n',
      '"q"x: 1\n',
      '"q" : 1\n',
      'true: 1\n',
      'null: 1\n',
      '1: x\n',
      '0x1F: x\n',
      '1e3: x\n',
      '0o17: x\n',
      '{} extra\n',
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
    const key = fc.oneof(
      fc.stringMatching(/^[a-z0-9_][a-z0-9_./-]{0,8}$/),
      fc.stringMatching(/^[$a-z0-9][a-z0-9$:_-]{0,8}$/),
      fc.string({ maxLength: 6 }),
    );
    // Lines joined by line breaks: the library writes them as literal block scalars.
    const lines = fc
      .array(fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('', '  indented', '# hash', 'a: b')), {
        minLength: 1,
        maxLength: 4,
      })
      .map((l) => l.join('\n'));
    const scalar = fc.oneof(
      fc.string({ maxLength: 12 }),
      lines,
      lines.map((l) => `${l}\n`),
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
      fc.property(data, fc.boolean(), fc.boolean(), fc.nat(3), (value, indentSeq, comment, flowFrom) => {
        // Collections from some depth on written in flow style (`ports: [ 22, 443 ]`); 0: none.
        const doc = new YAML.Document(value);
        if (flowFrom > 0) {
          YAML.visit(doc, {
            Collection(_key, node, path) {
              if (path.length >= flowFrom) {
                node.flow = true;
              }
            },
          });
        }
        let text = doc.toString({ indentSeq });
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
        fc.constantFrom(
          ' ',
          '  ',
          '\n',
          '-',
          ':',
          ': ',
          '#',
          ' #',
          "'",
          '"',
          '[]',
          '{}',
          'x',
          '',
          '\n- ',
          '\n  ',
          '|',
          '|-',
          ': |\n  ',
          '\n    ',
          '$',
        ),
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

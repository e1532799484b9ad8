import assert from 'node:assert/strict';

import type { Expr, ResourceDecl, Statement } from '../../../src/engine/bicep/ast';
import { parseBicep } from '../../../src/engine/bicep/parser';
import { LineMap } from '../../../src/engine/text/line-map';

/** Parses and asserts that there are no errors; returns the statements. */
function ok(text: string): Statement[] {
  const r = parseBicep(text);
  assert.deepEqual(
    r.errors.map((e) => `${e.message} at ${text.slice(e.start, e.end + 10)}`),
    [],
  );
  return r.statements;
}

function slice(text: string, node: { start: number; end: number }): string {
  return text.slice(node.start, node.end);
}

describe('bicep parser: declarations', () => {
  it('parses targetScope, metadata, params with types, decorators and defaults', () => {
    const text = `targetScope = 'subscription'
metadata info = { owner: 'x' }
@description('The region.')
@allowed(['a', 'b'])
param location string = 'westeurope'
@secure()
param secret string
param count int = 3
param flags bool?
`;
    const s = ok(text);
    assert.deepEqual(
      s.map((x) => x.kind),
      ['targetScope', 'metadata', 'param', 'param', 'param', 'param'],
    );
    const p = s[2];
    assert.equal(p.kind === 'param' && p.decorators.length, 2);
    assert.equal(slice(text, p), text.slice(text.indexOf('@description'), text.indexOf("'westeurope'") + 12));
  });

  it('parses user-defined types: unions, optional properties, arrays, tuples, resourceInput and resource types', () => {
    ok(`@export()
type env = 'dev' | 'prod'
type multi =
  | 'a'
  | 'b'
type obj = {
  @description('name')
  name: string
  size: int?
  tags: { *: string }
  'quoted-key': bool
}
type list = string[]
type tuple = [string, int]
type props = resourceInput<'Microsoft.Storage/storageAccounts@2023-05-01'>.properties
type out = resourceOutput<'Microsoft.Storage/storageAccounts@2023-05-01'>
type neg = -1 | 0
type sub = obj.tags.*
type item = list[*]
param sa resource 'Microsoft.Storage/storageAccounts@2023-05-01'
@discriminator('kind')
type tagged = { kind: 'a', x: int } | { kind: 'b', y: string }
`);
  });

  it('parses imports, extensions and functions', () => {
    const s = ok(`import * as types from './types.bicep'
import { env, obj as o } from './types.bicep'
import {
  a
  b
} from 'br/public:avm/utl/types:0.1.0'
import 'az@1.0.0'
import 'kubernetes@1.0.0' with {
  namespace: 'default'
} as k8s
extension microsoftGraphV1
extension 'br:mcr.microsoft.com/bicep/extensions/microsoftgraph/v1.0:0.1.8-preview' as graph
extension kubernetes with { kubeConfig: 'x', namespace: 'y' } as k8s2
provider 'az@1.0.0'
func add(a int, b int) int => a + b
@export()
func greet(name string) string => 'hi \${name}'
`);
    assert.equal(s.filter((x) => x.kind === 'import').length, 5);
    assert.equal(s.filter((x) => x.kind === 'extension').length, 4);
    assert.equal(s.filter((x) => x.kind === 'func').length, 2);
  });

  it('parses resources: existing, nested children, parent, loops and conditions with exact ranges', () => {
    const text = `resource sa 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'x'
  location: 'westeurope'
  resource blobs 'blobServices' = {
    name: 'default'
    @batchSize(1)
    resource c 'containers' = [for n in ['a', 'b']: {
      name: n
    }]
  }
}
resource ex 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: 'kv'
}
resource cond 'Microsoft.Web/sites@2023-12-01' = if (deploy) {
  name: 'app'
}
resource loop 'Microsoft.Web/sites@2023-12-01' = [for (r, i) in regions: if (i > 0) {
  name: 'app\${i}'
  location: r
}]
resource child 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: sa
  name: 'default'
}
`;
    const s = ok(text) as ResourceDecl[];
    assert.equal(s.length, 5);
    assert.equal(s[0].typeString, 'Microsoft.Storage/storageAccounts@2023-05-01');
    const body = s[0].value;
    assert.equal(body.kind, 'object');
    if (body.kind === 'object') {
      assert.equal(body.resources[0].name.name, 'blobs');
      const inner = body.resources[0].value;
      assert.equal(inner.kind === 'object' && inner.resources[0].value.kind, 'for');
      const loc = body.properties.find((p) => p.key === 'location')!;
      assert.equal(slice(text, loc.value), "'westeurope'");
      const range = new LineMap(text).range(loc.value.start, loc.value.end);
      assert.deepEqual(range, { start: { line: 2, character: 12 }, end: { line: 2, character: 24 } });
    }
    assert.equal(s[1].existing, true);
    assert.equal(s[2].value.kind, 'if');
    assert.equal(s[3].value.kind, 'for');
    assert.equal(slice(text, s[4]), text.slice(text.indexOf('resource child'), text.length - 1));
  });

  it('parses modules from local paths, registries and template specs', () => {
    const s = ok(`module a './mod.bicep' = {
  name: 'a'
  params: { location: location }
}
module b 'br/public:avm/res/storage/storage-account:0.9.0' = {
  name: 'b'
}
module c 'br:contoso.azurecr.io/bicep/modules/core:v1' = if (x) {
  name: 'c'
}
module d 'ts:00000000-0000-0000-0000-000000000000/rg/spec:1.0' = [for r in rs: {
  name: r
}]
`);
    assert.deepEqual(
      s.map((x) => (x.kind === 'module' ? x.path : '')),
      [
        './mod.bicep',
        'br/public:avm/res/storage/storage-account:0.9.0',
        'br:contoso.azurecr.io/bicep/modules/core:v1',
        'ts:00000000-0000-0000-0000-000000000000/rg/spec:1.0',
      ],
    );
  });

  it('parses .bicepparam files: using, using none, extends, params and vars', () => {
    const s = ok(`using './main.bicep'
extends './base.bicepparam'
import { env } from './types.bicep'
var region = 'westeurope'
param location = region
param tags = {
  env: 'prod'
}
param fromEnv = readEnvironmentVariable('REGION', 'westeurope')
`);
    assert.deepEqual(
      s.map((x) => x.kind),
      ['using', 'extends', 'import', 'var', 'param', 'param', 'param'],
    );
    assert.equal(ok(`using none\nparam x = 1\n`)[0].kind, 'using');
  });
});

describe('bicep parser: expressions', () => {
  function expr(src: string): Expr {
    const s = ok(`var x = ${src}\n`);
    const v = s[0];
    assert.equal(v.kind, 'var');
    return (v as { value: Expr }).value;
  }

  it('parses strings with interpolation, escapes and multi-line strings', () => {
    const e = expr("'a${b}c${d.e}f\\'\\n\\u{1F600}\\$'");
    assert.equal(e.kind, 'interp');
    if (e.kind === 'interp') {
      assert.deepEqual(e.parts, ['a', 'c', "f'\n\u{1F600}$"]);
    }
    const m = expr("'''\nline1\n${not interpolated}\n'''");
    assert.deepEqual(m.kind === 'string' && m.value, 'line1\n${not interpolated}\n');
    const nested = expr("'${'${x}'}'");
    assert.equal(nested.kind, 'interp');
  });

  it('parses operators with precedence, ternaries, coalescing, safe access and non-null', () => {
    const e = expr('a || b && c == d + e * f');
    assert.equal(e.kind === 'binary' && e.op, '||');
    const t = expr('a ? b : c ? d : e');
    assert.equal(t.kind === 'ternary' && t.else.kind, 'ternary');
    assert.equal(expr('a ?? b ?? c').kind, 'binary');
    const s = expr('a.?b[?0].c!');
    assert.equal(s.kind, 'nonNull');
    assert.equal(expr('!a').kind, 'unary');
    assert.equal(expr('-1').kind, 'unary');
    assert.equal(expr("a =~ 'X'").kind, 'binary');
    assert.equal(expr('sa::blobs.name').kind, 'member');
  });

  it('parses multi-line ternaries and function calls', () => {
    expr(`cond
  ? 'a'
  : 'b'`);
    expr(`concat(
  'a',
  'b'
)`);
  });

  it('parses objects and arrays separated by newlines or commas, with spread', () => {
    const o = expr(`{ a: 1, 'b-c': 2, ...other
  d: [1, 2, ...more]
  '\${k}': true
}`);
    assert.equal(o.kind === 'object' && o.properties.length, 4);
    assert.equal(o.kind === 'object' && o.spreads.length, 1);
    assert.equal(expr('[]').kind, 'array');
    assert.equal(expr('{}').kind, 'object');
  });

  it('parses lambdas, namespaced calls and for expressions', () => {
    assert.equal(expr('map(items, x => x.name)').kind, 'call');
    assert.equal(expr('reduce(xs, 0, (acc, x) => acc + x)').kind, 'call');
    assert.equal(expr('sortBy(xs, () => 1)').kind, 'call');
    const c = expr('az.resourceGroup().location');
    assert.equal(c.kind === 'member' && c.object.kind, 'call');
    assert.equal(expr('sys.concat(a, b)').kind, 'call');
    assert.equal(expr('[for (x, i) in range(0, 3): x * i]').kind, 'for');
  });
});

describe('bicep parser: trivia, recovery and bounds', () => {
  it('keeps pragmas and comments, handles CRLF and a BOM', () => {
    const text =
      '\uFEFF// lead\r\n#disable-next-line no-unused-params\r\nparam a string /* c */\r\n#disable-diagnostics BCP081 BCP037\r\nvar b = 1\r\n#restore-diagnostics BCP081\r\n';
    const r = parseBicep(text);
    assert.deepEqual(r.errors, []);
    assert.deepEqual(
      r.pragmas.map((p) => [p.name, p.codes]),
      [
        ['disable-next-line', ['no-unused-params']],
        ['disable-diagnostics', ['BCP081', 'BCP037']],
        ['restore-diagnostics', ['BCP081']],
      ],
    );
    assert.equal(r.comments.length, 2);
    const lines = new LineMap(text);
    const p = r.statements[0];
    assert.deepEqual(lines.range(p.start, p.end).start, { line: 2, character: 0 });
  });

  it('reports an error and resumes at the next top-level statement', () => {
    const text = `param a string = (
resource ok1 'Microsoft.Web/sites@2023-12-01' = {
  name: 'x'
var bad = = 1
param b int = 2
`;
    const r = parseBicep(text);
    assert.ok(r.errors.length >= 2);
    assert.deepEqual(
      r.statements.map((s) => s.kind),
      ['param'],
    );
    const named = r.statements[0];
    assert.equal(named.kind === 'param' && named.name.name, 'b');
    for (const e of r.errors) {
      assert.ok(e.start >= 0 && e.end <= text.length && e.start <= e.end);
    }
  });

  it('stops 100,000 nested brackets with an error instead of overflowing the stack', () => {
    for (const [open, close] of [
      ['[', ']'],
      ['(', ')'],
      ['{a:', '}'],
      ["'${", "}'"],
      ['!', ''],
    ]) {
      const text = `var x = ${open.repeat(100000)}1${close.repeat(100000)}\nparam after string\n`;
      const r = parseBicep(text);
      assert.ok(
        r.errors.some((e) => /nesting deeper/.test(e.message)),
        `no depth error for ${open}`,
      );
      assert.ok(r.statements.some((s) => s.kind === 'param'));
    }
  });

  it('parses a 5 MB single line', () => {
    const text = `var x = [${"'abc', ".repeat(800000)}]\n`;
    assert.ok(text.length > 5_000_000);
    const r = parseBicep(text);
    assert.deepEqual(r.errors, []);
  });

  it('reports unterminated strings and comments and invalid characters without throwing', () => {
    for (const text of [
      "var a = 'abc\nvar b = 1\n",
      'var a = 1 /* open',
      "var a = '''open",
      'var a = ~1\n',
      "var a = '${b\n",
    ]) {
      const r = parseBicep(text);
      assert.ok(r.errors.length > 0, text);
    }
  });
});

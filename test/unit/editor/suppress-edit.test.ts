import assert from 'node:assert/strict';

import { parse } from 'jsonc-parser';

import { parseDirectives } from '../../../src/engine/suppress/directives';
import {
  addAcceptedEntry,
  checkExpiry,
  checkReason,
  commentStyleFor,
  directiveText,
  fileInFolder,
  suppressionInsertion,
} from '../../../src/vscode/suppress-edit';

describe('suppression edits', () => {
  it('chooses the comment syntax of the file', () => {
    assert.equal(commentStyleFor('/a/main.tf'), '#');
    assert.equal(commentStyleFor('/a/x.tofu'), '#');
    assert.equal(commentStyleFor('/a/terraform.tfvars'), '#');
    assert.equal(commentStyleFor('/a/main.bicep'), '//');
    assert.equal(commentStyleFor('/a/main.bicepparam'), '//');
    assert.equal(commentStyleFor('/a/azuredeploy.json'), '//');
    assert.equal(commentStyleFor('/a/main.tf.json'), null);
  });

  it('writes directives that the engine parses back', () => {
    for (const style of ['#', '//'] as const) {
      const text = directiveText(style, 'next', ['CAL001'], ' public assets ', '2027-06-30');
      assert.equal(text, `${style} cloud-act-lens:ignore CAL001 expires=2027-06-30 -- public assets`);
      const { directives, problems } = parseDirectives(`${text}\nresource "x" "y" {}\n`);
      assert.deepEqual(problems, []);
      assert.equal(directives[0].reason, 'public assets');
      assert.equal(directives[0].expires, '2027-06-30');
      assert.equal(directives[0].scope, 'next');
    }
    const file = directiveText('#', 'file', ['CAL005'], 'U.S. workloads only');
    assert.equal(parseDirectives(file).directives[0].scope, 'file');
  });

  it('inserts above the resource header with its indentation, or at the top for a file', () => {
    const lines = ['param x string', '', '  resource sa "t" = {', '  }'];
    assert.deepEqual(suppressionInsertion(lines, 2, 'next', '// d'), { line: 2, text: '  // d\n' });
    assert.deepEqual(suppressionInsertion(lines, 2, 'file', '// d', '\r\n'), { line: 0, text: '// d\r\n' });
  });

  it('validates reasons and expiry dates', () => {
    assert.ok(checkReason('  '));
    assert.ok(checkReason('a\nb'));
    assert.ok(checkReason('a */ b'));
    assert.equal(checkReason('fine'), undefined);
    assert.equal(checkExpiry(''), undefined);
    assert.equal(checkExpiry('2099-02-28'), undefined);
    // A date that has passed (or today) would write a directive that is already expired.
    assert.match(checkExpiry('2020-01-01') ?? '', /after today/);
    assert.match(checkExpiry(new Date().toISOString().slice(0, 10)) ?? '', /after today/);
    assert.ok(checkExpiry('2027-02-30'));
    assert.ok(checkExpiry('tomorrow'));
  });

  it('scopes an accepted entry to the file it came from, relative to the workspace folder', () => {
    assert.equal(fileInFolder('/ws', '/ws/stacks/prod/main.tf'), 'stacks/prod/main.tf');
    assert.equal(fileInFolder('/ws/', '/ws/main.tf'), 'main.tf');
    assert.equal(fileInFolder('/ws', '/other/main.tf'), undefined);
    const text = addAcceptedEntry(undefined, {
      ruleId: 'CAL001',
      resource: 'aws_s3_bucket.a',
      file: fileInFolder('/ws', '/ws/stacks/prod/main.tf'),
      reason: 'r',
    });
    assert.match(text, /"file": "stacks\/prod\/main\.tf"/);
  });

  it('adds accepted entries to the project file, keeping comments', () => {
    const created = addAcceptedEntry(undefined, { ruleId: 'CAL001', resource: 'aws_s3_bucket.a', reason: 'r' });
    assert.deepEqual(parse(created), { accepted: [{ ruleId: 'CAL001', resource: 'aws_s3_bucket.a', reason: 'r' }] });
    const existing =
      '{\n  // team policy\n  "rules": { "CAL005": "info" },\n  "accepted": [{ "ruleId": "CAL002", "file": "a.tf", "reason": "x" }]\n}\n';
    const next = addAcceptedEntry(existing, { ruleId: 'CAL001', resource: 'b', reason: 'y', expires: '2027-01-01' });
    assert.match(next, /\/\/ team policy/);
    const parsed = parse(next) as { accepted: unknown[] };
    assert.equal(parsed.accepted.length, 2);
    assert.deepEqual(parsed.accepted[1], { ruleId: 'CAL001', resource: 'b', reason: 'y', expires: '2027-01-01' });
  });
});

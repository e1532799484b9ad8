import assert from 'node:assert/strict';

import { parseArmDocument, prop, stringAt } from '../../../src/engine/arm/document';

const SCHEMA = '"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"';

describe('ARM document reader', () => {
  it('reads strings broken over several lines, as Resource Manager does, with their line breaks and every offset in place', () => {
    const text = `{\n  ${SCHEMA},\n  "variables": {\n    "script": "one\n two\r\n \\"three\\" // four\n",\n    "after": "x"\n  }\n}\n`;
    const doc = parseArmDocument('/t/azuredeploy.json', text);
    assert.deepEqual(doc.errors, []);
    assert.equal(doc.kind, 'template');
    const vars = prop(doc.root, 'variables');
    assert.equal(stringAt(vars, 'script'), 'one\n two\r\n "three" // four\n');
    const after = prop(vars, 'after')!;
    assert.equal(text.slice(after.offset, after.offset + after.length), '"x"');
    assert.equal(doc.lines.location(after.offset, after.length).range.start.line, 7);
  });

  it('still reports a string that is never closed, and leaves comments alone', () => {
    const broken = parseArmDocument(
      '/t/a.json',
      `{\n  ${SCHEMA},\n  // a "quote in a comment\n  "variables": { "x": "open\n}\n`,
    );
    assert.equal(broken.errors.length, 1);
    assert.match(broken.errors[0].message, /^invalid JSON: /);
    const commented = parseArmDocument(
      '/t/b.json',
      `{\n  ${SCHEMA}, /* "not\n a string */\n  "variables": { "x": "a\nb" }\n}\n`,
    );
    assert.deepEqual(commented.errors, []);
    assert.equal(stringAt(prop(commented.root, 'variables'), 'x'), 'a\nb');
  });
});

import assert from 'node:assert/strict';

import { summaryText } from '../../../src/action/github-files';
import { formatsToRun, readInputs, reportFile, scanArgs, splitWords } from '../../../src/action/inputs';

describe('GitHub Action inputs', () => {
  it('splits words on whitespace and keeps quoted parts together', () => {
    assert.deepEqual(splitWords('  infra\nstacks/live  '), ['infra', 'stacks/live']);
    assert.deepEqual(splitWords(`--var 'name=two words' --var-file="prod env.tfvars"`), [
      '--var',
      'name=two words',
      '--var-file=prod env.tfvars',
    ]);
    assert.deepEqual(splitWords(''), []);
  });

  it('gives the defaults of action.yml for empty inputs', () => {
    const i = readInputs({});
    assert.deepEqual(i, {
      paths: ['.'],
      failOn: 'error',
      baseline: undefined,
      formats: ['sarif'],
      outputDir: 'cloud-act-lens-results',
      summary: true,
      args: [],
    });
    assert.deepEqual(formatsToRun(i), ['sarif', 'markdown'], 'the summary needs the Markdown report');
  });

  it('turns inputs into one CLI invocation per format', () => {
    const i = readInputs({
      INPUT_PATHS: 'infra modules',
      INPUT_FAIL_ON: 'warning',
      INPUT_BASELINE: 'ci/baseline.json',
      INPUT_FORMATS: 'sarif, json,sarif',
      INPUT_OUTPUT_DIR: 'out\\reports\\',
      INPUT_SUMMARY: 'false',
      INPUT_ARGS: '--env --var region=eu-west-3',
    });
    assert.deepEqual(formatsToRun(i), ['sarif', 'json']);
    assert.equal(reportFile(i, 'json'), 'out/reports/cloud-act-lens.json');
    assert.deepEqual(scanArgs(i, 'sarif'), [
      'scan',
      'infra',
      'modules',
      '--format',
      'sarif',
      '--output',
      'out/reports/cloud-act-lens.sarif',
      '--fail-on',
      'warning',
      '--no-color',
      '--baseline',
      'ci/baseline.json',
      '--env',
      '--var',
      'region=eu-west-3',
    ]);
  });

  it('rejects a summary input that is not true or false', () => {
    assert.throws(() => readInputs({ INPUT_SUMMARY: 'yes' }), /summary must be true or false/);
  });

  it('cuts a job summary that GitHub would refuse at a line boundary, saying where the full report is', () => {
    const md = '| a | b |\n'.repeat(100);
    assert.equal(summaryText(md, 'r.md', 10_000), md);
    const cut = summaryText(md, 'out/r.md', 95);
    assert.ok(cut.startsWith('| a | b |\n'.repeat(9)));
    assert.ok(!cut.includes('| a | b |\n'.repeat(10)));
    assert.match(cut, /the full report is `out\/r\.md`/);
  });
});

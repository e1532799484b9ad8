import assert from 'node:assert/strict';

import { HELP, parseArgs, UsageError } from '../../../src/cli/args';

const formats = ['table', 'json', 'sarif', 'markdown', 'html', 'csv'];

describe('CLI arguments (Node util.parseArgs)', () => {
  it('accepts --name=value for every command, and -- before paths that start with a dash', () => {
    assert.deepEqual(parseArgs(['explain', 'aws', 'eu-west-1', '--format=json'], formats), {
      command: 'explain',
      provider: 'aws',
      region: 'eu-west-1',
      format: 'json',
      debug: false,
    });
    const scan = parseArgs(['scan', '--format=sarif', '-o', 'out.sarif', '--', '-odd-dir', '--help'], formats);
    assert.equal(scan.command, 'scan');
    assert.deepEqual(scan.command === 'scan' && [scan.format, scan.output, scan.paths], [
      'sarif',
      'out.sarif',
      ['-odd-dir', '--help'],
    ]);
    const policy = parseArgs(['policy', 'infra', '--config=p.json', '--format', 'json'], formats);
    assert.deepEqual(policy, { command: 'policy', path: 'infra', config: 'p.json', format: 'json', debug: false });
  });

  it('collects repeatable options and reads switches', () => {
    const a = parseArgs(
      [
        'scan',
        '.',
        '--var',
        'region=eu-west-1',
        '--var=env=prod',
        '--include',
        'a/**',
        '--include',
        'b/**',
        '--no-color',
        '--env',
      ],
      formats,
    );
    assert.ok(a.command === 'scan');
    assert.deepEqual(a.vars, { region: 'eu-west-1', env: 'prod' });
    assert.deepEqual(a.include, ['a/**', 'b/**']);
    assert.equal(a.color, false);
    assert.equal(a.env, true);
  });

  it('refuses what it does not know with one line', () => {
    for (const [args, message] of [
      [['scan', '--frobnicate'], /^unknown option --frobnicate \(see --help\)$/],
      [['scan', '--format'], /^--format needs a value$/],
      [['explain', 'aws', 'x', '--bogus'], /^explain: unknown option --bogus/],
      [['policy', '--format', 'yaml'], /^policy: --format must be text or json$/],
    ] as Array<[string[], RegExp]>) {
      assert.throws(
        () => parseArgs(args, formats),
        (e: unknown) => e instanceof UsageError && message.test(e.message),
      );
    }
  });

  it('lists every scan option in the help text, from the same table', () => {
    for (const name of [
      '--format',
      '--output',
      '--fail-on',
      '--var-file',
      '--rule',
      '--baseline',
      '--jobs',
      '--no-color',
      '--timings',
    ]) {
      assert.ok(HELP.includes(name), name);
    }
  });
});

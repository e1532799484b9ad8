import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as path from 'node:path';

import { nodeFs } from '../../../src/cli/node-fs';
import { buildReportData, defaultAnalyzers, defaultConfig, Engine, FORMATTERS, paths } from '../../../src/engine';

// The real module objects (not import namespaces, whose bindings are read-only), so that patches reach every caller.
const load = createRequire(__filename);
const net = load('node:net') as typeof import('node:net');
const tls = load('node:tls') as typeof import('node:tls');
const dns = load('node:dns') as typeof import('node:dns');
const http = load('node:http') as typeof import('node:http');
const https = load('node:https') as typeof import('node:https');
const http2 = load('node:http2') as typeof import('node:http2');

const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures');

type Patch = [object, string];

/**
 * Replaces every way of opening a network connection in this process with a recorder, runs `fn`, and
 * restores them. Anything the engine or a formatter tries is recorded, not sent.
 */
async function recordingNetwork(fn: () => Promise<void>): Promise<string[]> {
  const attempts: string[] = [];
  const targets: Patch[] = [
    [net.Socket.prototype, 'connect'],
    [net, 'connect'],
    [net, 'createConnection'],
    [tls, 'connect'],
    [dns, 'lookup'],
    [dns, 'resolve'],
    [dns, 'resolve4'],
    [dns, 'resolve6'],
    [dns.promises, 'lookup'],
    [dns.promises, 'resolve'],
    [http, 'request'],
    [http, 'get'],
    [https, 'request'],
    [https, 'get'],
    [http2, 'connect'],
    [globalThis, 'fetch'],
  ];
  const saved = targets.map(([obj, key]) => Object.getOwnPropertyDescriptor(obj, key));
  targets.forEach(([obj, key]) => {
    Object.defineProperty(obj, key, {
      configurable: true,
      writable: true,
      value: (...args: unknown[]) => {
        attempts.push(`${key}(${String(args[0]).slice(0, 80)})`);
        throw new Error('network access is not allowed in this test');
      },
    });
  });
  try {
    await fn();
  } finally {
    targets.forEach(([obj, key], i) => {
      const d = saved[i];
      if (d) {
        Object.defineProperty(obj, key, d);
      }
    });
  }
  return attempts;
}

describe('privacy', function () {
  this.timeout(60_000);

  it('a full scan with every report format opens no network connection', async () => {
    let resources = 0;
    const attempts = await recordingNetwork(async () => {
      const engine = new Engine({ readRoots: ['/'], fs: nodeFs, analyzers: defaultAnalyzers() });
      const config = defaultConfig();
      config.exclude.push('**/hostile/generated/**');
      const result = await engine.scan([paths.toEnginePath(FIXTURES)], { config });
      resources = result.placements.length;
      const data = buildReportData(result, paths.toEnginePath(FIXTURES));
      for (const format of Object.values(FORMATTERS)) {
        format(data, { color: false });
      }
    });
    assert.deepEqual(attempts, []);
    assert.ok(resources > 10, `scanned ${resources} resources`);
  });

  it('the recorder itself catches a connection attempt', async () => {
    const attempts = await recordingNetwork(async () => {
      assert.throws(() => http.get('http://example.invalid/'));
    });
    assert.equal(attempts.length, 1);
  });
});

/**
 * Parses every `.bicep` and `.bicepparam` file under a directory and prints the number of files, megabytes,
 * throughput and the files with errors. Usage: `node out/test/bench/parse-bicep-corpus.js DIR [--list]`.
 * Throughput is given for the first pass (cold: the JIT compiles while it runs) and a second, warm pass,
 * as wall-clock and CPU time (the machine is shared, so CPU time is the steadier figure).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { parseBicep } from '../../src/engine/bicep/parser';

function walk(dir: string, out: string[]): void {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      walk(full, out);
    } else if (e.isFile() && (e.name.endsWith('.bicep') || e.name.endsWith('.bicepparam'))) {
      out.push(full);
    }
  }
}

function main(): void {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: parse-bicep-corpus DIR [--list]');
    process.exit(2);
  }
  const files: string[] = [];
  walk(dir, files);
  const texts = files.map((f) => fs.readFileSync(f, 'utf8'));
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  const failed: Array<[string, string]> = [];
  const mb = bytes / 1048576;
  const passes: string[] = [];
  for (let pass = 0; pass < 2; pass++) {
    const t0 = process.hrtime.bigint();
    const c0 = process.cpuUsage();
    texts.forEach((text, i) => {
      const r = parseBicep(text);
      if (pass === 0 && r.errors.length > 0) {
        const e = r.errors[0];
        const line = text.slice(0, e.start).split('\n').length;
        failed.push([files[i], `${line}: ${e.message} (${r.errors.length} errors)`]);
      }
    });
    const wall = Number(process.hrtime.bigint() - t0) / 1e9;
    const cpu = process.cpuUsage(c0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    passes.push(
      `${pass === 0 ? 'cold' : 'warm'} ${(mb / wall).toFixed(1)} MB/s wall, ${(mb / cpuSeconds).toFixed(1)} MB/s CPU`,
    );
  }
  if (process.argv.includes('--list')) {
    for (const [f, msg] of failed) {
      console.log(`${path.relative(dir, f)}:${msg}`);
    }
  }
  console.log(
    `files ${files.length}, ${mb.toFixed(1)} MB; ${passes.join('; ')}; ` +
      `files with errors ${failed.length} (${((100 * failed.length) / Math.max(1, files.length)).toFixed(2)}%)`,
  );
}

main();

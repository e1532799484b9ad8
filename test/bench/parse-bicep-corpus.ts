/**
 * Parses every `.bicep` and `.bicepparam` file under a directory and prints the number of files, megabytes,
 * throughput and the files with errors. Usage: `node out/test/bench/parse-bicep-corpus.js DIR [--list]`.
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
  const t0 = process.hrtime.bigint();
  texts.forEach((text, i) => {
    const r = parseBicep(text);
    if (r.errors.length > 0) {
      const e = r.errors[0];
      const line = text.slice(0, e.start).split('\n').length;
      failed.push([files[i], `${line}: ${e.message} (${r.errors.length} errors)`]);
    }
  });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const mb = bytes / 1048576;
  if (process.argv.includes('--list')) {
    for (const [f, msg] of failed) {
      console.log(`${path.relative(dir, f)}:${msg}`);
    }
  }
  console.log(
    `files ${files.length}, ${mb.toFixed(1)} MB, ${seconds.toFixed(2)} s, ${(mb / seconds).toFixed(1)} MB/s, ` +
      `files with errors ${failed.length} (${((100 * failed.length) / Math.max(1, files.length)).toFixed(2)}%)`,
  );
}

main();

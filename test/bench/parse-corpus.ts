/**
 * Parser benchmark and real-world check: parses every `.tf`/`.tofu`/`.tfvars` (native) and
 * `.tf.json`/`.tfvars.json` file below a directory and prints files, bytes, MB/s and errors.
 *
 *   node esbuild.js --tests && node out/test/bench/parse-corpus.js <dir> [--show N] [--repeat N]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { parseHcl, parseHclJson } from '../../src/engine/terraform/parser';

interface Input {
  file: string;
  text: string;
  json: 'config' | 'tfvars' | null;
}

function collect(dir: string, out: Input[]): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '.git' && entry.name !== 'node_modules' && entry.name !== '.terraform') {
        collect(full, out);
      }
      continue;
    }
    const n = entry.name;
    let json: Input['json'] | undefined;
    if (n.endsWith('.tf') || n.endsWith('.tofu') || n.endsWith('.tfvars')) {
      json = null;
    } else if (n.endsWith('.tf.json') || n.endsWith('.tofu.json')) {
      json = 'config';
    } else if (n.endsWith('.tfvars.json')) {
      json = 'tfvars';
    }
    if (json !== undefined) {
      out.push({ file: full, text: fs.readFileSync(full, 'utf8'), json });
    }
  }
}

function main(): void {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--'));
  if (!dir) {
    console.error('usage: parse-corpus <dir> [--show N] [--repeat N]');
    process.exit(2);
  }
  const opt = (name: string, def: number): number => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : def;
  };
  const show = opt('--show', 10);
  const repeat = opt('--repeat', 3);
  const inputs: Input[] = [];
  collect(dir, inputs);
  const bytes = inputs.reduce((n, i) => n + Buffer.byteLength(i.text), 0);
  const failures: { file: string; errors: { message: string; line: number; character: number }[] }[] = [];
  let best = Infinity;
  for (let r = 0; r < repeat; r++) {
    const t0 = process.hrtime.bigint();
    for (const input of inputs) {
      const f = input.json ? parseHclJson(input.text, input.json) : parseHcl(input.text);
      if (r === 0 && f.errors.length > 0) {
        failures.push({
          file: input.file,
          errors: f.errors.map((e) => ({ message: e.message, ...e.range.start })),
        });
      }
    }
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
  }
  const mb = bytes / 1e6;
  console.log(`files: ${inputs.length} (${inputs.filter((i) => i.json).length} JSON)`);
  console.log(`bytes: ${bytes} (${mb.toFixed(2)} MB)`);
  console.log(`best of ${repeat}: ${best.toFixed(3)} s, ${(mb / best).toFixed(1)} MB/s`);
  console.log(`files with errors: ${failures.length}, errors: ${failures.reduce((n, f) => n + f.errors.length, 0)}`);
  for (const f of failures.slice(0, show)) {
    const e = f.errors[0];
    console.log(`  ${f.file}:${e.line + 1}:${e.character + 1}: ${e.message} (${f.errors.length} in file)`);
  }
}

main();

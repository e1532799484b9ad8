// Writes the benchmark corpus: node out/bench/generate-corpus-cli.js DIR [--tf-modules N] [--bicep-files N]
import { generateCorpus } from './generate-corpus';

const args = process.argv.slice(2);
const dir = args[0];
if (!dir) {
  process.stderr.write('usage: generate-corpus DIR [--tf-modules N] [--bicep-files N]\n');
  process.exit(2);
}
const num = (flag: string, def: number) => {
  const i = args.indexOf(flag);
  return i >= 0 ? Number(args[i + 1]) : def;
};
const stats = generateCorpus(dir, { tfModules: num('--tf-modules', 1000), bicepFiles: num('--bicep-files', 2000) });
process.stdout.write(`${JSON.stringify(stats)}\n`);

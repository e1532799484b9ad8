import type { AnalysisUnit, LanguageAnalyzer, UnitResult } from '../analyzer';
import { providerForResourceType } from '../catalog';
import type { ExtractedResource } from '../model';
import { dirname } from '../workspace/paths';

// PLACEHOLDER: a line-based stand-in that handles only `provider "x" { region = "..." }` and
// `resource "type" "name" {`, so that every layer of the engine is exercised end to end. The real
// analyzer (HCL parser + module-aware resolution) replaces this file.

const RESOURCE = /^resource\s+"([^"]+)"\s+"([^"]+)"/;
const PROVIDER = /^provider\s+"([^"]+)"/;
const REGION = /^\s*region\s*=\s*"([^"]*)"/;

export const terraformAnalyzer: LanguageAnalyzer = {
  language: 'terraform',
  claims: (path) => path.endsWith('.tf') || path.endsWith('.tofu'),
  async units(files) {
    const byDir = new Map<string, string[]>();
    for (const f of files) {
      byDir.set(dirname(f), [...(byDir.get(dirname(f)) ?? []), f]);
    }
    return [...byDir].map(([dir, fs]): AnalysisUnit => ({ language: 'terraform', key: dir, files: fs }));
  },
  async analyze(unit, ctx): Promise<UnitResult> {
    const regions = new Map<string, { value: string; file: string; line: number; col: number }>();
    const resources: Array<{ type: string; name: string; file: string; line: number; len: number }> = [];
    for (const file of unit.files) {
      const lines = ((await ctx.readText(file)) ?? '').split(/\r?\n/);
      let provider: string | undefined;
      lines.forEach((line, i) => {
        const p = PROVIDER.exec(line);
        const r = RESOURCE.exec(line);
        const g = REGION.exec(line);
        if (p) {
          provider = p[1];
        } else if (r) {
          provider = undefined;
          resources.push({ type: r[1], name: r[2], file, line: i, len: line.length });
        } else if (g && provider) {
          regions.set(provider, { value: g[1], file, line: i, col: line.indexOf('"') });
        }
      });
    }
    const out: ExtractedResource[] = [];
    for (const r of resources) {
      const provider = providerForResourceType(r.type);
      if (!provider) {
        continue;
      }
      const reg = regions.get(r.type.slice(0, r.type.indexOf('_')));
      const header = { start: { line: r.line, character: 0 }, end: { line: r.line, character: r.len } };
      const loc = reg && {
        file: reg.file,
        range: {
          start: { line: reg.line, character: reg.col },
          end: { line: reg.line, character: reg.col + reg.value.length + 2 },
        },
      };
      out.push({
        language: 'terraform',
        file: r.file,
        range: header,
        headerRange: header,
        type: r.type,
        name: r.name,
        address: `${r.type}.${r.name}`,
        module: null,
        provider: provider.id,
        region: reg ? { kind: 'known', value: reg.value } : { kind: 'unknown', reason: 'the provider sets no region' },
        regionLocation: loc,
        provenance: loc ? [{ description: `provider "${provider.id}"`, location: loc }] : [],
        dataClass: 'customer-data',
        global: false,
      });
    }
    return { resources: out, errors: [], dependencies: [] };
  },
};

import type { RunResult } from '../../../src/engine';

/** The part of a scan that fixtures pin down, with paths relative to the fixture directory and 1-based lines. */
export interface ExpectedShape {
  placements: Array<{
    file: string;
    line: number;
    type: string;
    name: string;
    address: string;
    module: string | null;
    region: string | null;
    reason?: string;
    global: boolean;
    dataClass: string;
    instanceKey?: string;
    regionAt?: string;
    provenance: string[];
  }>;
  errors: Array<{ file: string; line?: number; message: string }>;
}

export function toExpected(result: RunResult, dir: string): ExpectedShape {
  const rel = (f: string) => (f.startsWith(`${dir}/`) ? f.slice(dir.length + 1) : f);
  const placements = result.placements
    .filter((p) => p.language === 'arm')
    .map((p) => ({
      file: rel(p.file),
      line: p.range.start.line + 1,
      type: p.type,
      name: p.name,
      address: p.address,
      module: p.module,
      region: p.region.kind === 'known' ? p.region.value : null,
      ...(p.region.kind === 'unknown' ? { reason: p.region.reason } : {}),
      global: p.global,
      dataClass: p.dataClass,
      ...(p.instanceKey !== undefined ? { instanceKey: p.instanceKey } : {}),
      ...(p.regionLocation
        ? { regionAt: `${rel(p.regionLocation.file)}:${p.regionLocation.range.start.line + 1}` }
        : {}),
      provenance: p.provenance.map(
        (s) => `${s.description}${s.location ? ` @ ${rel(s.location.file)}:${s.location.range.start.line + 1}` : ''}`,
      ),
    }))
    .sort((a, b) => (a.file + a.address < b.file + b.address ? -1 : a.file + a.address > b.file + b.address ? 1 : 0));
  const errors = result.errors
    .map((e) => ({
      file: rel(e.file),
      ...(e.range ? { line: e.range.start.line + 1 } : {}),
      message: e.message,
    }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { placements, errors };
}

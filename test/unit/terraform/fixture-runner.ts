import * as fs from 'node:fs';
import * as path from 'node:path';

import { nodeFs } from '../../../src/cli/node-fs';
import {
  catalog,
  defaultAnalyzers,
  defaultConfig,
  Engine,
  type LensConfig,
  type NotRead,
  type Placement,
  type ScanResult,
} from '../../../src/engine';

export const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/terraform');

/** What a fixture's `expected.json` says about one placement. Fields left out are not checked. */
export interface ExpectedResource {
  address: string;
  file?: string;
  provider?: string;
  region?: string | null;
  country?: string | null;
  findings?: string[];
  /** Substring of the unresolved reason. */
  reason?: string;
  /** Substrings that the provenance chain must contain, in order. */
  provenance?: string[];
  /** `customer-data` or `no-customer-data`. */
  dataClass?: string;
  /** 1-based line of the region value's location, when it is known. */
  regionLine?: number;
  /** The copies of the data, in order: kind, region (null when unresolved), and optionally country and a reason substring. */
  copies?: Array<{ kind: string; region: string | null; country?: string | null; reason?: string }>;
}

export interface Expected {
  description: string;
  config?: Partial<Pick<LensConfig, 'varFiles' | 'vars'>>;
  resources: ExpectedResource[];
  /** `notRead`, when given: what the error says is not read (its kind and source), compared whole. */
  errors?: Array<{ file: string; line?: number; message?: string; notRead?: NotRead }>;
}

export function fixtureCases(): string[] {
  return fs
    .readdirSync(FIXTURES)
    .filter((d) => fs.existsSync(path.join(FIXTURES, d, 'expected.json')))
    .sort()
    .concat(['../example-workspace/terraform']);
}

export function readExpected(name: string): Expected {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, name, 'expected.json'), 'utf8')) as Expected;
}

/** Providers the expectations need that the catalog does not have yet (the test is then skipped). */
export function missingProviders(expected: Expected): string[] {
  const known = new Set(catalog.listProviders().map((p) => p.id));
  return [...new Set(expected.resources.map((r) => r.provider).filter((p): p is string => !!p && !known.has(p)))];
}

export async function scanFixture(name: string, expected: Expected): Promise<ScanResult> {
  const engine = new Engine({ readRoots: ['/'], fs: nodeFs, analyzers: defaultAnalyzers() });
  const config = { ...defaultConfig(), ...expected.config };
  return engine.scan([path.join(FIXTURES, name).replace(/\\/g, '/')], { config });
}

/** The placement as the fixture describes it, with only the fields the expectation names. */
export function project(p: Placement, e: ExpectedResource, root: string): Record<string, unknown> {
  const out: Record<string, unknown> = { address: p.address };
  if (e.file !== undefined) {
    out.file = path.relative(root, p.file).replace(/\\/g, '/');
  }
  if (e.provider !== undefined) {
    out.provider = p.provider;
  }
  if (e.region !== undefined) {
    out.region = p.regionId;
  }
  if (e.country !== undefined) {
    out.country = p.country;
  }
  if (e.findings !== undefined) {
    out.findings = p.findings.map((f) => f.ruleId).sort();
  }
  if (e.dataClass !== undefined) {
    out.dataClass = p.dataClass;
  }
  if (e.reason !== undefined) {
    out.reason = p.region.kind === 'unknown' && p.region.reason.includes(e.reason) ? e.reason : p.region;
  }
  if (e.provenance !== undefined) {
    const text = p.provenance.map((s) => s.description).join(' <- ');
    let at = 0;
    const ok = e.provenance.every((s) => {
      const i = text.indexOf(s, at);
      at = i + s.length;
      return i >= 0;
    });
    out.provenance = ok ? e.provenance : text;
  }
  if (e.copies !== undefined) {
    out.copies = p.copies.map((c, i) => {
      const want = e.copies![i];
      const got: Record<string, unknown> = { kind: c.kind, region: c.regionId };
      if (want?.country !== undefined) {
        got.country = c.country;
      }
      if (want?.reason !== undefined) {
        got.reason = c.unresolvedReason?.includes(want.reason) ? want.reason : c.unresolvedReason;
      }
      return got;
    });
  }
  if (e.regionLine !== undefined) {
    out.regionLine = p.regionLocation ? p.regionLocation.range.start.line + 1 : null;
  }
  return out;
}

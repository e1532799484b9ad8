import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import type * as Sarif from 'sarif';

import { PROJECT_FILE } from '../config';
import * as legal from '../legal';
import type { AnalysisError, Finding, Severity } from '../model';
import { DOCS_URL, ruleDocsUrl, RULES } from '../rules/registry';
import { type ReportData, rootOf } from './report-data';

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

/** The key of our partial fingerprint; bump the version if the hashed fields ever change. */
export const FINGERPRINT_KEY = 'cloudActLens/v1';

/** A relative path as a URI reference: each segment percent-encoded, slashes kept. */
function uriOf(rel: string): string {
  return rel
    .split('/')
    .map((seg) => encodeURIComponent(seg))
    .join('/');
}

function ensurePeriod(s: string): string {
  const t = s.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

function ruleHelpMarkdown(id: string, description: string): string {
  const lines = [description, ''];
  if (id === 'CAL001') {
    lines.push(legal.statuteSentence(), '', legal.limitsSentence(), '');
    lines.push(...legal.citations().map((c) => `- [${c.label}](${c.url})`), '');
  }
  lines.push(`[Documentation of ${id}](${ruleDocsUrl(id as Parameters<typeof ruleDocsUrl>[0])})`);
  return lines.join('\n');
}

function driverRules(): Sarif.ReportingDescriptor[] {
  return RULES.map((r) => ({
    id: r.id,
    name: r.name,
    shortDescription: { text: ensurePeriod(r.title) },
    fullDescription: { text: ensurePeriod(r.description) },
    help: {
      text: `${ensurePeriod(r.description)}${r.id === 'CAL001' ? ` ${legal.notLegalAdvice()}` : ''} See ${ruleDocsUrl(r.id)}`,
      markdown: ruleHelpMarkdown(r.id, r.description),
    },
    helpUri: ruleDocsUrl(r.id),
    defaultConfiguration: {
      enabled: r.defaultSeverity !== 'off',
      level: LEVEL[r.defaultSeverity === 'off' ? 'info' : r.defaultSeverity],
    },
    properties: { tags: ['cloud-act', 'data-residency'] },
  }));
}

function fingerprint(f: Finding, file: string): string {
  // SHA-256 from a pure-JavaScript library, not node:crypto: the engine also runs in a browser.
  return bytesToHex(sha256(utf8ToBytes(`${f.ruleId}\u0000${f.resource}\u0000${file}`))).slice(0, 32);
}

function suppression(f: Finding): Sarif.Suppression {
  const s = f.suppressed!;
  const external = s.location.file.endsWith(`/${PROJECT_FILE}`) || s.location.file === PROJECT_FILE;
  return {
    kind: external ? 'external' : 'inSource',
    status: 'accepted',
    justification: s.expires ? `${s.reason} (accepted until ${s.expires})` : s.reason,
  };
}

function notification(e: AnalysisError, data: ReportData): Sarif.Notification {
  return {
    level: e.notRead ? 'warning' : 'error',
    message: { text: ensurePeriod(e.message) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: uriOf(data.rel(e.file)), uriBaseId: '%SRCROOT%' },
          region: { startLine: (e.range?.start.line ?? 0) + 1 },
        },
      },
    ],
  };
}

/**
 * SARIF 2.1.0 for GitHub code scanning and other viewers. Locations are relative to `%SRCROOT%` (the
 * report's base directory). `partialFingerprints` hash rule, resource address and file, never line
 * numbers, so that alerts survive edits above the resource. Accepted findings carry `suppressions`.
 */
export function toSarif(data: ReportData): string {
  const ruleIndex = new Map(RULES.map((r, i) => [r.id, i]));
  const seen = new Map<string, number>();
  const results = data.findings.map((f): Sarif.Result => {
    const file = data.rel(f.file);
    let fp = fingerprint(f, file);
    const n = seen.get(fp) ?? 0;
    seen.set(fp, n + 1);
    fp = n === 0 ? fp : `${fp}:${n}`;
    const result: Sarif.Result = {
      ruleId: f.ruleId,
      ruleIndex: ruleIndex.get(f.ruleId),
      level: LEVEL[f.severity],
      message: { text: ensurePeriod(f.message) },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: uriOf(file), uriBaseId: '%SRCROOT%' },
            region: {
              startLine: f.range.start.line + 1,
              startColumn: f.range.start.character + 1,
              endLine: f.range.end.line + 1,
              endColumn: f.range.end.character + 1,
            },
          },
          logicalLocations: [{ fullyQualifiedName: f.resource, kind: 'resource' }],
        },
      ],
      partialFingerprints: { [FINGERPRINT_KEY]: fp },
    };
    // Where the region, or a copy of the data, comes from (a provider block, a replication target).
    if (f.related.length > 0) {
      result.relatedLocations = f.related.map((r, i) => ({
        id: i + 1,
        message: { text: r.message },
        physicalLocation: {
          artifactLocation: { uri: uriOf(data.rel(r.location.file)), uriBaseId: '%SRCROOT%' },
          region: { startLine: r.location.range.start.line + 1, startColumn: r.location.range.start.character + 1 },
        },
      }));
    }
    if (f.suppressed) {
      result.suppressions = [suppression(f)];
    }
    // The root module or template the finding belongs to: a module's resource has one result per root
    // that calls it, on the same line, and this tells them apart.
    result.properties = { root: rootOf(data, f) };
    return result;
  });
  const baseUri = data.baseDir.startsWith('/') ? `file://${uriOf(data.baseDir.replace(/\/?$/, '/'))}` : undefined;
  const doc: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: data.tool.name,
            version: data.tool.version,
            semanticVersion: data.tool.version,
            informationUri: DOCS_URL,
            rules: driverRules(),
          },
        },
        ...(baseUri ? { originalUriBaseIds: { '%SRCROOT%': { uri: baseUri } } } : {}),
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: data.errors.map((e) => notification(e, data)),
          },
        ],
        columnKind: 'utf16CodeUnits',
        results,
        // With a residency policy: inside, outside and not checked per policy (as in the JSON report).
        properties: {
          catalogDate: data.tool.catalogDate,
          ...(data.residency.length > 0 ? { residency: data.residency } : {}),
        },
      },
    ],
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

import * as vscode from 'vscode';

import {
  buildReportData,
  describeProvenance,
  type Placement,
  type ReportData,
  ResidencyTally,
  type ScanResult,
  type SourceRange,
} from '../../engine';
import type { WorkspaceScan } from '../workspace-analysis';

export interface WorkspaceReport {
  data: ReportData;
  /** Where placement `row` (an index into `data.placements`) is declared. */
  locate(row: number): { uri: vscode.Uri; range: SourceRange } | undefined;
}

/**
 * Merges the per-folder scans into one report. Paths are shown relative to their workspace folder (with
 * the folder name when there are several), and map back to URIs of the folder's scheme for opening.
 */
export function workspaceReport(scan: WorkspaceScan): WorkspaceReport {
  const folders = scan.folders.map((f) => f.folder).sort((a, b) => b.uri.path.length - a.uri.path.length);
  const multi = scan.folders.length > 1;
  const uriFor = (file: string): vscode.Uri => {
    const folder = folders.find((f) => file === f.uri.path || file.startsWith(f.uri.path.replace(/\/?$/, '/')));
    return folder ? folder.uri.with({ path: file }) : vscode.Uri.file(file);
  };
  const rel = (file: string) => (file.startsWith('/') ? vscode.workspace.asRelativePath(uriFor(file), multi) : file);
  const merged: ScanResult = { placements: [], findings: [], errors: [], files: 0 };
  for (const f of scan.folders) {
    merged.placements.push(...f.result.placements);
    merged.findings.push(...f.result.findings);
    merged.errors.push(...f.result.errors);
    merged.files += f.result.files;
  }
  const base = buildReportData(merged, scan.folders[0]?.folder.uri.path ?? '/');
  // Each folder has its own configuration, so its own residency policies.
  const residency = scan.folders.flatMap((f) => {
    const tally = new ResidencyTally(f.policies ?? []);
    tally.add(f.result.placements);
    return tally.results();
  });
  const data: ReportData = {
    ...base,
    residency,
    rel,
    provenance: (p: Placement) => describeProvenance(p.provenance, { displayPath: rel }),
  };
  return {
    data,
    locate(row) {
      const p = data.placements[row];
      return p ? { uri: uriFor(p.file), range: p.headerRange } : undefined;
    },
  };
}

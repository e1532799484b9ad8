import * as fs from 'node:fs';
import * as os from 'node:os';
import * as nodePath from 'node:path';

import {
  type AnalysisError,
  buildReportData,
  errorJson,
  type Finding,
  findingJson,
  jsonListItem,
  type Placement,
  type ReportData,
  type ResidencyPolicy,
  ResidencyTally,
  resourceJson,
  writeJsonDocument,
} from '../engine';

/** Most bytes of adjacent spilled items read back with one call. */
const READ_RUN_BYTES = 1024 * 1024;
/** About this many bytes of rendered items are written with one call. */
const WRITE_RUN_BYTES = 1024 * 1024;

/** Placements kept in memory before a scan starts spilling its results to a temporary file. */
export const SPILL_AFTER = 50_000;

interface Keyed {
  file: string;
  range: { start: { line: number; character: number } };
}

/**
 * Sort keys and file positions of spilled items, in arrival order; sorted at the end exactly as
 * `buildReportData` sorts (file, line, character, then arrival), so the output is byte-identical.
 */
class SpillIndex {
  private readonly files: string[] = [];
  private readonly lines: number[] = [];
  private readonly characters: number[] = [];
  private readonly offsets: number[] = [];
  private readonly lengths: number[] = [];

  add(item: Keyed, offset: number, length: number): void {
    this.files.push(item.file);
    this.lines.push(item.range.start.line);
    this.characters.push(item.range.start.character);
    this.offsets.push(offset);
    this.lengths.push(length);
  }

  /** Positions of the items in report order. */
  sorted(): Array<{ offset: number; length: number }> {
    const order = Array.from({ length: this.files.length }, (_, i) => i);
    const { files, lines, characters } = this;
    order.sort((a, b) => {
      if (files[a] !== files[b]) {
        return files[a] < files[b] ? -1 : 1;
      }
      return lines[a] - lines[b] || characters[a] - characters[b] || a - b;
    });
    return order.map((i) => ({ offset: this.offsets[i], length: this.lengths[i] }));
  }
}

/** Signals that end a scan early: the spill directory is removed before the process goes. */
const SIGNALS: NodeJS.Signals[] = process.platform === 'win32' ? ['SIGINT'] : ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Collects a scan's placements and findings for the JSON report. Small scans stay in memory; past
 * {@link SPILL_AFTER} placements every rendered item goes to a temporary file and only its sort key
 * stays in memory, so that the peak memory of a scan no longer grows with the size of its report.
 * The temporary directory is removed by {@link ResultSpill.dispose}, or when the process exits (also
 * through `process.exit`, as a failed write does), or when it is interrupted (Ctrl+C, a CI job's
 * SIGTERM, a closed terminal): then the signal is raised again, so the process ends as it would have.
 */
export class ResultSpill {
  private placements: Placement[] = [];
  private findings: Finding[] = [];
  private fd: number | undefined;
  private dir: string | undefined;
  private position = 0;
  private readonly resourceIndex = new SpillIndex();
  private readonly findingIndex = new SpillIndex();
  private readonly render: ReportData;
  /** Counts of unsuppressed findings by severity, for `--fail-on`. */
  readonly severities = new Map<string, number>();
  count = 0;

  /** Residency verdicts per policy, counted as placements arrive (they may leave memory). */
  private readonly tally: ResidencyTally;

  constructor(
    private readonly cwd: string,
    private readonly spillAfter = SPILL_AFTER,
    policies: readonly ResidencyPolicy[] = [],
  ) {
    this.tally = new ResidencyTally(policies);
    this.render = buildReportData({ placements: [], findings: [], errors: [], files: 0 }, cwd);
  }

  /** The engine's sink. */
  add = (placements: Placement[], findings: Finding[]): void => {
    this.count += placements.length;
    this.tally.add(placements);
    for (const f of findings) {
      if (!f.suppressed) {
        this.severities.set(f.severity, (this.severities.get(f.severity) ?? 0) + 1);
      }
    }
    if (this.fd === undefined) {
      for (const p of placements) {
        this.placements.push(p);
      }
      for (const f of findings) {
        this.findings.push(f);
      }
      if (this.placements.length > this.spillAfter) {
        this.startSpilling();
      }
      return;
    }
    this.spill(placements, findings);
  };

  /** Whether results went to disk (then {@link writeJson} must be used, not the in-memory lists). */
  get spilled(): boolean {
    return this.fd !== undefined;
  }

  /** The results kept in memory (all of them when nothing was spilled). */
  inMemory(): { placements: Placement[]; findings: Finding[] } {
    return { placements: this.placements, findings: this.findings };
  }

  /** Writes the JSON report of everything collected, with `errors`, in the order of an in-memory report. */
  writeJson(errors: AnalysisError[], write: (chunk: string) => void): void {
    const fd = this.fd!;
    // Items mostly come back in the order they were written (units arrive in plan order, resources in
    // file order): runs of adjacent items are read with one call each, not one call per item, which
    // took a third of the scan of a single 5 MB file of 50,000 resources.
    const read = function* (index: SpillIndex): Iterable<string> {
      const sorted = index.sorted();
      for (let i = 0; i < sorted.length;) {
        let end = i + 1;
        let bytes = sorted[i].length;
        while (
          end < sorted.length &&
          sorted[end].offset === sorted[end - 1].offset + sorted[end - 1].length &&
          bytes + sorted[end].length <= READ_RUN_BYTES
        ) {
          bytes += sorted[end].length;
          end++;
        }
        const buf = Buffer.allocUnsafe(bytes);
        fs.readSync(fd, buf, 0, bytes, sorted[i].offset);
        for (let at = 0; i < end; i++) {
          yield buf.toString('utf8', at, at + sorted[i].length);
          at += sorted[i].length;
        }
      }
    };
    const data = buildReportData({ placements: [], findings: [], errors, files: 0 }, this.cwd);
    const residency = this.tally.results();
    writeJsonDocument(
      data.tool,
      {
        resources: read(this.resourceIndex),
        findings: read(this.findingIndex),
        errors: data.errors.map((e) => jsonListItem(errorJson(data, e))),
      },
      write,
      residency,
    );
  }

  dispose = (): void => {
    process.off('exit', this.dispose);
    for (const signal of SIGNALS) {
      process.off(signal, this.interrupted);
    }
    if (this.fd !== undefined) {
      fs.closeSync(this.fd);
      this.fd = undefined;
    }
    if (this.dir) {
      fs.rmSync(this.dir, { recursive: true, force: true });
      this.dir = undefined;
    }
  };

  /** Cleans up, then lets the signal end the process (no other listener is left, so Node's default applies). */
  private interrupted = (signal: NodeJS.Signals): void => {
    this.dispose();
    process.kill(process.pid, signal);
  };

  private startSpilling(): void {
    this.dir = fs.mkdtempSync(nodePath.join(os.tmpdir(), 'cloud-act-lens-'));
    process.once('exit', this.dispose);
    // Only when nobody else handles the signal: raising it again must end the process.
    for (const signal of SIGNALS) {
      if (process.listenerCount(signal) === 0) {
        process.once(signal, this.interrupted);
      }
    }
    this.fd = fs.openSync(nodePath.join(this.dir, 'results'), 'w+', 0o600);
    const { placements, findings } = this;
    this.placements = [];
    this.findings = [];
    this.spill(placements, findings);
  }

  private spill(placements: Placement[], findings: Finding[]): void {
    // Written in runs of about WRITE_RUN_BYTES: one unit can hold 200,000 resources, and rendering all
    // of them before one write held the whole rendered report in memory twice (parts and their join).
    let parts: string[] = [];
    let bytes = 0;
    const flush = () => {
      fs.writeSync(this.fd!, parts.join(''), this.position);
      this.position += bytes;
      parts = [];
      bytes = 0;
    };
    const put = (index: SpillIndex, item: Keyed, text: string) => {
      const length = Buffer.byteLength(text);
      index.add(item, this.position + bytes, length);
      parts.push(text);
      bytes += length;
      if (bytes >= WRITE_RUN_BYTES) {
        flush();
      }
    };
    for (const p of placements) {
      put(this.resourceIndex, p, jsonListItem(resourceJson(this.render, p)));
    }
    for (const f of findings) {
      put(this.findingIndex, f, jsonListItem(findingJson(this.render, f)));
    }
    if (bytes > 0) {
      flush();
    }
  }
}

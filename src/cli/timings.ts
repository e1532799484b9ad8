/**
 * `--timings`: where a scan's time went, for users who wonder why a scan is slow and for the benchmark
 * (which reads the line from stderr). Times are measured from the process's start, so start-up includes
 * Node's own.
 */

export interface ScanPhases {
  /** When `scan` began (ms since the process started). */
  started: number;
  /** When discovery and grouping were done. */
  planned: number;
  /** When every unit was analysed. */
  analysed: number;
  /** When the report was written. */
  reported: number;
  files: number;
  units: number;
  threads: number;
  /** Peak resident memory in bytes. */
  peakRss: number;
}

const seconds = (ms: number) => `${(Math.max(0, ms) / 1000).toFixed(2)} s`;
/** `8,655`: with thousands separators, without `toLocaleString` (whose ICU data cost start-up 10 ms). */
const count = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, ',');

/** The one line `--timings` prints, e.g. `timings: start-up 0.21 s, discovery and grouping 1.50 s (...)`. */
export function timingsLine(p: ScanPhases): string {
  return (
    `timings: start-up ${seconds(p.started)}, ` +
    `discovery and grouping ${seconds(p.planned - p.started)} (${count(p.files)} files, ${count(p.units)} units), ` +
    `analysis ${seconds(p.analysed - p.planned)} (${p.threads} ${p.threads === 1 ? 'thread' : 'threads'}), ` +
    `report ${seconds(p.reported - p.analysed)}, total ${seconds(p.reported)}, ` +
    `peak memory ${Math.round(p.peakRss / 1e6)} MB`
  );
}

/** Reads a {@link timingsLine} back (the benchmark does), in seconds; undefined when `text` has none. */
export function parseTimings(
  text: string,
): { startup: number; plan: number; analysis: number; report: number; total: number } | undefined {
  const m =
    /timings: start-up ([\d.]+) s, discovery and grouping ([\d.]+) s .*?analysis ([\d.]+) s .*?report ([\d.]+) s, total ([\d.]+) s/.exec(
      text,
    );
  if (!m) {
    return undefined;
  }
  const [startup, plan, analysis, report, total] = m.slice(1).map(Number);
  return { startup, plan, analysis, report, total };
}

import { toJson } from './json';
import type { ReportData } from './report-data';
import { toTable } from './table';

export interface FormatOptions {
  /** Colours for terminal output. */
  color: boolean;
}

export type Formatter = (data: ReportData, opts: FormatOptions) => string;

/** Every output format, by the name used with `--format` and in the export command. */
export const FORMATTERS: Record<string, Formatter> = {
  table: (data, opts) => toTable(data, { color: opts.color }),
  json: (data) => toJson(data),
};

export function formatNames(): string[] {
  return Object.keys(FORMATTERS);
}

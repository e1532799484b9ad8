import { toCsv } from './csv';
import { toHtml } from './html';
import { toJson, writeJson } from './json';
import { toMarkdown } from './markdown';
import type { ReportData } from './report-data';
import { toSarif } from './sarif';
import { toTable } from './table';

export interface FormatOptions {
  /** Colours for terminal output. */
  color: boolean;
  /** The terminal's width, for the table (undefined when not writing to a terminal). */
  width?: number;
}

export type Formatter = (data: ReportData, opts: FormatOptions) => string;

/** Every output format, by the name used with `--format` and in the export command. */
export const FORMATTERS: Record<string, Formatter> = {
  table: (data, opts) => toTable(data, { color: opts.color, width: opts.width }),
  json: (data) => toJson(data),
  sarif: (data) => toSarif(data),
  markdown: (data) => toMarkdown(data),
  html: (data) => toHtml(data),
  csv: (data) => toCsv(data),
};

/**
 * Formats that can be written in pieces (see {@link writeJson}): the CLI uses these so that a report of
 * any size is never held as one string. The others are built whole.
 */
export const STREAMING: Record<string, (data: ReportData, write: (chunk: string) => void) => void> = {
  json: writeJson,
};

/** File name extension for each format (used by the export command's save dialog). */
export const FORMAT_EXTENSIONS: Record<string, string> = {
  table: 'txt',
  json: 'json',
  sarif: 'sarif',
  markdown: 'md',
  html: 'html',
  csv: 'csv',
};

export function formatNames(): string[] {
  return Object.keys(FORMATTERS);
}

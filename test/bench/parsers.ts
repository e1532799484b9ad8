/**
 * The parsers the benchmark measures, each returning its error count. Filled in as the language parsers
 * land; a language without a parser here is skipped in the parse-only table.
 */
export const PARSERS: Record<string, (text: string) => number> = {};

/**
 * The parsers the benchmark measures, each returning its error count. A language without a parser here
 * is skipped in the parse-only table.
 */
import { parseBicep } from '../../src/engine/bicep/parser';
import { parseHcl } from '../../src/engine/terraform/parser';

export const PARSERS: Record<string, (text: string) => number> = {
  terraform: (text) => parseHcl(text).errors.length,
  bicep: (text) => parseBicep(text).errors.length,
};

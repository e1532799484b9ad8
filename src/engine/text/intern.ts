/** Strings longer than this are never interned: names are short, and a long string is rarely repeated. */
const MAX_LENGTH = 64;
/** Entries before the table starts again (it keeps only the names of the files parsed lately). */
const MAX_ENTRIES = 50_000;

const table = new Map<string, string>();

/**
 * One shared copy of a short name (`resource`, `aws_s3_bucket`, `tags`): a syntax tree otherwise holds
 * its own copy of every identifier and block label it contains. Measured on one 5 MB file of 52,000
 * resources, the repeated names were 6.5 MB of its tree.
 */
export function intern(s: string): string {
  if (s.length > MAX_LENGTH) {
    return s;
  }
  const hit = table.get(s);
  if (hit !== undefined) {
    return hit;
  }
  if (table.size >= MAX_ENTRIES) {
    table.clear();
  }
  table.set(s, s);
  return s;
}

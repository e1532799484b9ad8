/**
 * `record[key]` for tables keyed by names from the user's files (function names, resource types,
 * provider names). A plain index would also find what every object inherits: `constructor`,
 * `toString` or `__proto__` in a template would then be taken for a table entry.
 */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

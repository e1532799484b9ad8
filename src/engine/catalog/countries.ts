const names = new Intl.DisplayNames(['en'], { type: 'region' });
/** Names by code: a scan asks for the same few countries thousands of times. */
const cache = new Map<string, string>();

/** English name of an ISO 3166-1 alpha-2 code (`DE` → `Germany`); the code itself when unknown. */
export function countryName(code: string | null | undefined): string {
  if (!code) {
    return 'unknown';
  }
  let name = cache.get(code);
  if (name === undefined) {
    try {
      name = names.of(code.toUpperCase()) ?? code;
    } catch {
      name = code;
    }
    cache.set(code, name);
  }
  return name;
}

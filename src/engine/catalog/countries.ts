const names = new Intl.DisplayNames(['en'], { type: 'region' });

/** English name of an ISO 3166-1 alpha-2 code (`DE` → `Germany`); the code itself when unknown. */
export function countryName(code: string | null | undefined): string {
  if (!code) {
    return 'unknown';
  }
  try {
    return names.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

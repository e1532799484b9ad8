import { COUNTRY_NAMES } from './country-names';

/** English name of an ISO 3166-1 alpha-2 code (`DE` → `Germany`); the code itself when unknown. */
export function countryName(code: string | null | undefined): string {
  if (!code) {
    return 'unknown';
  }
  const upper = code.toUpperCase();
  return Object.hasOwn(COUNTRY_NAMES, upper) ? COUNTRY_NAMES[upper] : code;
}

import type { RegionInfo, Source } from './types';

/**
 * Named groups of countries that a residency policy may use (`"countries": ["EU", "CH"]`), each with
 * its membership and where that membership was read. ISO 3166-1 alpha-2 codes.
 */
export interface CountryGroup {
  name: string;
  members: readonly string[];
  source: Source;
}

const EU_MEMBERS = [
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
] as const;

export const COUNTRY_GROUPS: ReadonlyMap<string, CountryGroup> = new Map([
  [
    'EU',
    {
      name: 'European Union (27 member states)',
      members: EU_MEMBERS,
      source: {
        url: 'https://westernbalkans-infohub.eu/glossary/eu-member-states',
        title: 'EU Member States (EU-27), Western Balkans Info Hub glossary',
        asOf: '2026-12-02',
      },
    },
  ],
  [
    'EEA',
    {
      name: 'European Economic Area (the EU member states, Iceland, Liechtenstein and Norway)',
      members: [...EU_MEMBERS, 'IS', 'LI', 'NO'],
      source: {
        url: 'https://www.tutor2u.net/economics/topics/european-economic-area-eea',
        title: 'European Economic Area: the EU member states plus Norway, Iceland and Liechtenstein',
        asOf: '2026-12-02',
      },
    },
  ],
]);

/**
 * The countries a catalog location spans: its own, a multi-region's list, or the members of the area
 * it is described by (the EU multi-region); [] when nobody publishes them (Cloud Storage `ASIA`).
 */
export function locationCountries(r: RegionInfo): readonly string[] {
  if (r.country) {
    return [r.country];
  }
  if (r.countries?.length) {
    return r.countries;
  }
  const group = r.jurisdiction ? COUNTRY_GROUPS.get(r.jurisdiction) : undefined;
  return group ? group.members : [];
}

/**
 * Expands a policy's list of countries and group names into country codes. Codes must be two letters;
 * anything else that is not a known group is returned in `unknown` (a configuration problem).
 */
export function expandCountries(list: readonly string[]): { countries: Set<string>; unknown: string[] } {
  const countries = new Set<string>();
  const unknown: string[] = [];
  for (const raw of list) {
    const v = raw.trim().toUpperCase();
    const group = COUNTRY_GROUPS.get(v);
    if (group) {
      group.members.forEach((c) => countries.add(c));
    } else if (/^[A-Z]{2}$/.test(v)) {
      countries.add(v);
    } else {
      unknown.push(raw);
    }
  }
  return { countries, unknown };
}

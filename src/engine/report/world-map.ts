import type * as D3Geo from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import type * as TopojsonClient from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

import { escapeHtml as h } from './escape';
import type { ReportModel } from './report-model';

/**
 * A map of the world with the countries where the data lands and lines to where its copies go, drawn
 * offline from Natural Earth's 1:110m country outlines (the `world-atlas` package, public domain) with
 * d3-geo: an SVG with presentational attributes only, so that it renders under the webview's strict
 * Content Security Policy, in the script-free HTML export and on paper.
 */

const WIDTH = 960;
const HEIGHT = 500;

/**
 * ISO 3166-1 numeric codes (Natural Earth's feature ids) of the alpha-2 codes the catalog uses. A
 * country missing here, or too small for the 1:110m outlines, is marked by a point instead
 * ({@link SMALL_COUNTRIES}); a unit test checks that every catalog country is one or the other.
 */
const NUMERIC: Record<string, string> = {
  AE: '784', AT: '040', AU: '036', BD: '050', BE: '056', BG: '100', BR: '076', CA: '124', CH: '756',
  CL: '152', CN: '156', CO: '170', CY: '196', CZ: '203', DE: '276', DK: '208', EE: '233', EG: '818',
  ES: '724', FI: '246', FR: '250', GB: '826', GR: '300', HR: '191', HU: '348', ID: '360', IE: '372',
  IL: '376', IN: '356', IT: '380', JP: '392', KR: '410', KZ: '398', LT: '440', LU: '442', LV: '428',
  MA: '504', MX: '484', MY: '458', NL: '528', NO: '578', NZ: '554', OM: '512', PH: '608', PL: '616',
  PT: '620', QA: '634', RO: '642', RS: '688', RU: '643', SA: '682', SE: '752', SI: '705', SK: '703',
  TH: '764', TR: '792', TW: '158', US: '840', ZA: '710',
}; // prettier-ignore

/** Countries without an outline at 1:110m: a point at [longitude, latitude] of their capital. */
const SMALL_COUNTRIES: Record<string, [number, number]> = {
  BH: [50.59, 26.23], // Manama
  HK: [114.17, 22.32], // Hong Kong
  KY: [-81.38, 19.29], // George Town
  MT: [14.51, 35.9], // Valletta
  SG: [103.82, 1.35], // Singapore
};

/**
 * Parts that Natural Earth draws as one country with it but that ISO 3166 gives a code of their own:
 * French Guiana (GF) in France's outline, Svalbard (SJ) in Norway's. They are drawn as plain land, so
 * that a region in Paris does not colour a piece of South America. Keyed by numeric id; the test is on
 * the part's centroid (longitude, latitude).
 */
const TERRITORIES_APART: Readonly<Record<string, (centroid: [number, number]) => boolean>> = {
  '250': ([lon]) => lon < -20,
  '578': ([, lat]) => lat > 72,
};

interface WorldShapes {
  /** SVG path data per numeric id. */
  paths: Map<string, string>;
  /** Territories drawn as plain land whatever their country's colour (TERRITORIES_APART). */
  apart: string[];
  /** Where lines start and end: the projected centroid of a country's largest polygon. */
  anchors: Map<string, [number, number]>;
  sphere: string;
  project(lonLat: [number, number]): [number, number] | null;
}

let shapes: WorldShapes | undefined;
let d3: typeof D3Geo | undefined;

/** d3-geo, loaded with the outlines when a map is first drawn: a scan without an HTML report never needs it. */
function geo(): typeof D3Geo {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  d3 ??= require('d3-geo') as typeof D3Geo;
  return d3;
}

/** Projects the outlines once per process (about 177 countries; the report may be drawn many times). */
function worldShapes(): WorldShapes {
  if (shapes) {
    return shapes;
  }
  // Loaded when a map is first drawn, as are d3-geo and topojson-client: the outlines are 108 KB that a
  // scan without a report never needs.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const topology = require('world-atlas/countries-110m.json') as Topology<{
    countries: GeometryCollection<{ name: string }>;
  }>;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { feature } = require('topojson-client') as typeof TopojsonClient;
  const countries = feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>;
  const projection = geo()
    .geoNaturalEarth1()
    .fitExtent(
      [
        [4, 4],
        [WIDTH - 4, HEIGHT - 4],
      ],
      { type: 'Sphere' },
    );
  const path = geo().geoPath(projection).digits(1);
  const paths = new Map<string, string>();
  const anchors = new Map<string, [number, number]>();
  const apart: string[] = [];
  for (const original of countries.features) {
    const id = String(original.id ?? '');
    const split = splitApart(original, TERRITORIES_APART[id]);
    const f = split.home;
    for (const part of split.apart) {
      const d = path(part);
      if (d) {
        apart.push(d);
      }
    }
    const d = path(f);
    if (!id || !d) {
      continue;
    }
    paths.set(id, d);
    const point = projection(geo().geoCentroid(largestPolygon(f)));
    if (point) {
      anchors.set(id, [point[0], point[1]]);
    }
  }
  shapes = { paths, anchors, apart, sphere: path({ type: 'Sphere' }) ?? '', project: (p) => projection(p) };
  return shapes;
}

/** A country's polygons split into its own and the territories drawn apart (none without a test). */
function splitApart(
  f: Feature<Geometry, { name: string }>,
  isApart: ((centroid: [number, number]) => boolean) | undefined,
): { home: Feature<Geometry, { name: string }>; apart: Array<Feature<Polygon>> } {
  const g = f.geometry;
  if (!isApart || g.type !== 'MultiPolygon') {
    return { home: f, apart: [] };
  }
  const home: Polygon['coordinates'][] = [];
  const apart: Array<Feature<Polygon>> = [];
  for (const coordinates of g.coordinates) {
    const part: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates } };
    const [lon, lat] = geo().geoCentroid(part);
    if (isApart([lon, lat])) {
      apart.push(part);
    } else {
      home.push(coordinates);
    }
  }
  return { home: { ...f, geometry: { type: 'MultiPolygon', coordinates: home } }, apart };
}

/** The largest polygon of a country (France's anchor in France, not between it and French Guiana). */
function largestPolygon(f: Feature): Feature<Polygon | MultiPolygon> {
  const g = f.geometry;
  if (g.type !== 'MultiPolygon') {
    return f as Feature<Polygon>;
  }
  let best: Feature<Polygon> | undefined;
  let bestArea = -1;
  for (const coordinates of g.coordinates) {
    const candidate: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates } };
    const area = geo().geoArea(candidate);
    if (area > bestArea) {
      bestArea = area;
      best = candidate;
    }
  }
  return best ?? (f as Feature<MultiPolygon>);
}

/** Where a country's marker and lines go on the map, or undefined when it is not on the map (e.g. `EU`). */
export function countryAnchor(code: string): [number, number] | undefined {
  const numeric = NUMERIC[code];
  const anchor = numeric ? worldShapes().anchors.get(numeric) : undefined;
  if (anchor) {
    return anchor;
  }
  const point = SMALL_COUNTRIES[code];
  if (!point) {
    return undefined;
  }
  const projected = worldShapes().project(point);
  return projected ? [projected[0], projected[1]] : undefined;
}

interface CountryTally {
  name: string;
  resources: number;
  flagged: number;
}

/** What the map shows: resources per country, and copies per way between two countries. */
export interface MapData {
  countries: Map<string, CountryTally>;
  copies: Array<{ from: string; to: string; fromName: string; toName: string; count: number }>;
  /** Resources and copies whose place is not one country (unresolved, multi-regions, areas such as the EU). */
  notOnMap: number;
}

export function mapData(m: ReportModel): MapData {
  const countries = new Map<string, CountryTally>();
  const ways = new Map<string, MapData['copies'][number]>();
  let notOnMap = 0;
  for (const r of m.rows) {
    if (!r.country || !countryAnchor(r.country)) {
      notOnMap++;
    } else {
      const t = countries.get(r.country) ?? { name: r.countryName ?? r.country, resources: 0, flagged: 0 };
      t.resources++;
      if (r.rules.some((x) => x.ruleId === 'CAL001')) {
        t.flagged++;
      }
      countries.set(r.country, t);
    }
    for (const c of r.copies) {
      if (!c.crossesBorder) {
        continue;
      }
      if (!r.country || !c.country || !countryAnchor(r.country) || !countryAnchor(c.country)) {
        notOnMap++;
        continue;
      }
      const key = `${r.country}>${c.country}`;
      const way = ways.get(key) ?? {
        from: r.country,
        to: c.country,
        fromName: r.countryName ?? r.country,
        toName: c.countryName ?? c.country,
        count: 0,
      };
      way.count++;
      ways.set(key, way);
    }
  }
  const copies = [...ways.values()].sort((a, b) => b.count - a.count || (a.from + a.to < b.from + b.to ? -1 : 1));
  return { countries, copies, notOnMap };
}

/** The map section, or '' when no resource has a place on the map. */
export function worldMapHtml(m: ReportModel): string {
  const data = mapData(m);
  if (data.countries.size === 0 && data.copies.length === 0) {
    return '';
  }
  const shapesNow = worldShapes();
  const placedByNumeric = new Map<string, [string, CountryTally]>();
  for (const [code, tally] of data.countries) {
    const numeric = NUMERIC[code];
    if (numeric) {
      placedByNumeric.set(numeric, [code, tally]);
    }
  }
  // Countries that only receive copies are drawn apart: data lands there too.
  const copyTargets = new Map<string, { name: string; copies: number }>();
  for (const c of data.copies) {
    const numeric = NUMERIC[c.to];
    if (numeric && !placedByNumeric.has(numeric)) {
      const t = copyTargets.get(numeric) ?? { name: c.toName, copies: 0 };
      t.copies += c.count;
      copyTargets.set(numeric, t);
    }
  }
  const land =
    [...shapesNow.paths]
      .map(([id, d]) => {
        const placed = placedByNumeric.get(id);
        if (!placed) {
          const target = copyTargets.get(id);
          return target
            ? `<path class="map-land map-copy-target" d="${d}"><title>${h(`${target.name}: ${target.copies} ${target.copies === 1 ? 'copy' : 'copies'} of data placed elsewhere`)}</title></path>`
            : `<path class="map-land" d="${d}"></path>`;
        }
        const [, t] = placed;
        const cls = t.flagged > 0 ? 'map-land map-placed map-flagged' : 'map-land map-placed';
        return `<path class="${cls}" d="${d}"><title>${h(tallyText(t))}</title></path>`;
      })
      .join('') + shapesNow.apart.map((d) => `<path class="map-land" d="${d}"></path>`).join('');
  const max = Math.max(1, ...[...data.countries.values()].map((t) => t.resources));
  const markers = [...data.countries]
    .map(([code, t]) => {
      const [x, y] = countryAnchor(code)!;
      const r = 3 + (5 * Math.sqrt(t.resources)) / Math.sqrt(max);
      const cls = t.flagged > 0 ? 'map-marker map-flagged' : 'map-marker';
      return `<circle class="${cls}" cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${r.toFixed(1)}"><title>${h(tallyText(t))}</title></circle>`;
    })
    .join('');
  const maxCopies = Math.max(1, ...data.copies.map((c) => c.count));
  const lines = data.copies
    .map((c) => {
      const [x1, y1] = countryAnchor(c.from)!;
      const [x2, y2] = countryAnchor(c.to)!;
      // A curve bowed to the left of the way, so that the two directions between two countries part.
      const [mx, my] = [(x1 + x2) / 2, (y1 + y2) / 2];
      const [dx, dy] = [x2 - x1, y2 - y1];
      const [cx, cy] = [mx + dy * 0.25, my - dx * 0.25];
      const width = 1.5 + (3 * c.count) / maxCopies;
      const title = `${c.count} ${c.count === 1 ? 'copy' : 'copies'} of data from ${c.fromName} to ${c.toName}`;
      return (
        `<path class="map-copy" d="M${x1.toFixed(1)} ${y1.toFixed(1)}Q${cx.toFixed(1)} ${cy.toFixed(1)} ${x2.toFixed(1)} ${y2.toFixed(1)}" ` +
        `fill="none" stroke-width="${width.toFixed(1)}" marker-end="url(#map-arrow)"><title>${h(title)}</title></path>`
      );
    })
    .join('');
  const summary = [
    ...[...data.countries.values()].map(tallyText),
    ...data.copies.map((c) => `${c.count} ${c.count === 1 ? 'copy' : 'copies'} from ${c.fromName} to ${c.toName}`),
  ].join('; ');
  const arrow =
    '<defs><marker id="map-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="5" markerHeight="5" orient="auto-start-reverse">' +
    '<path class="map-arrow" d="M0 0L10 5L0 10z"></path></marker></defs>';
  const note =
    data.notOnMap > 0
      ? ` ${data.notOnMap} ${data.notOnMap === 1 ? 'resource or copy has' : 'resources or copies have'} no single country (region not known, multi-region or area) and ${data.notOnMap === 1 ? 'is' : 'are'} not drawn.`
      : '';
  return (
    `<section id="map" aria-labelledby="map-h"><h2 id="map-h">Where the data lands</h2>` +
    `<figure class="map"><svg class="map-svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${h(`Map. ${summary}`)}">` +
    `${arrow}<path class="map-sphere" d="${shapesNow.sphere}"></path>${land}${lines}${markers}</svg>` +
    `<figcaption class="muted">Countries where resources are placed (red: a region of a U.S.-controlled operator outside the U.S.), ` +
    `a dot sized by how many, and arrows to where copies of their data land in another country (shaded when no resource is placed there).${h(note)} ` +
    `Outlines: Natural Earth 1:110m.</figcaption></figure></section>`
  );
}

function tallyText(t: CountryTally): string {
  return (
    `${t.name}: ${t.resources} ${t.resources === 1 ? 'resource' : 'resources'}` +
    (t.flagged > 0 ? `, ${t.flagged} in a region of a U.S.-controlled operator` : '')
  );
}

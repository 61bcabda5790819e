import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { createRandom, type Random } from './random.ts';

/**
 * A generated whole-country file in the style of the CBS Wijk- en buurtkaart (as ogr2ogr writes
 * it from the GeoPackage): ≈14,000 buurten of 342 gemeenten, CBS properties (BU_CODE, BU_NAAM,
 * WK_CODE, GM_CODE, AANT_INW and 224 more properties, figures partly secret: −99997), one simple
 * polygon of 50–150 positions per buurt (a few with a hole or a second part), in RD New
 * (default, with the `crs` member) or WGS84. Deterministic: the same options give the same bytes.
 * Never committed: benchmarks write it to a temporary folder (about 104 MB at the default size).
 *
 * The buurten lie on a grid over a rough outline of the Netherlands, in Hilbert-curve order, so
 * that the buurten of one wijk and one gemeente are neighbours on the map. Each buurt is star-shaped
 * around its cell's centre (angles strictly increasing, radius > 0), hence never self-intersecting.
 */

export interface NationalFileOptions {
  buurten?: number;
  gemeenten?: number;
  crs?: 'EPSG:28992' | 'EPSG:4326';
  year?: number;
  seed?: number;
}

export const NATIONAL_DEFAULTS = {
  buurten: 14_000,
  gemeenten: 342,
  crs: 'EPSG:28992',
  year: 2024,
  seed: 20_240_101,
} as const;

// A rough outline of the Netherlands in RD New metres (x, y), clockwise from Zeeuws-Vlaanderen.
const OUTLINE: [number, number][] = [
  [14_000, 370_000],
  [45_000, 415_000],
  [75_000, 455_000],
  [100_000, 500_000],
  [108_000, 560_000],
  [120_000, 600_000],
  [160_000, 610_000],
  [210_000, 610_000],
  [270_000, 595_000],
  [265_000, 540_000],
  [245_000, 480_000],
  [215_000, 450_000],
  [210_000, 400_000],
  [200_000, 340_000],
  [195_000, 307_000],
  [170_000, 310_000],
  [150_000, 370_000],
  [90_000, 380_000],
  [40_000, 360_000],
];

function inside(x: number, y: number): boolean {
  let hit = false;
  for (let i = 0, j = OUTLINE.length - 1; i < OUTLINE.length; j = i++) {
    const [xi, yi] = OUTLINE[i] as [number, number];
    const [xj, yj] = OUTLINE[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

/** Position along a Hilbert curve of order 2^k (for a map-like order of the cells). */
function hilbert(k: number, x: number, y: number): number {
  let d = 0;
  for (let s = 1 << (k - 1); s > 0; s >>= 1) {
    const rx = (x & s) > 0 ? 1 : 0;
    const ry = (y & s) > 0 ? 1 : 0;
    d += s * s * ((3 * rx) ^ ry);
    if (ry === 0) {
      if (rx === 1) {
        x = s - 1 - x;
        y = s - 1 - y;
      }
      [x, y] = [y, x];
    }
  }
  return d;
}

/** Cell centres inside the outline, at least `n` of them, in Hilbert order; and the cell size. */
function cells(n: number): { size: number; centres: [number, number][] } {
  for (let size = 3_000; ; size *= 0.97) {
    const centres: [number, number, number][] = [];
    for (let x = 10_000 + size / 2; x < 280_000; x += size)
      for (let y = 300_000 + size / 2; y < 620_000; y += size)
        if (inside(x, y))
          centres.push([
            x,
            y,
            hilbert(10, Math.floor((x - 10_000) / 300), Math.floor((y - 300_000) / 330)),
          ]);
    if (centres.length >= n)
      return {
        size,
        centres: centres
          .sort((a, b) => a[2] - b[2])
          .slice(0, n)
          .map(([x, y]) => [x, y]),
      };
  }
}

const STEMS = [
  'Molen Kerk Dijk Veen Berg Hoeve Linde Beek Haven Akker Weide Brug Sluis Duin',
  'Ruïne Eiken Vaart Horst Klooster Meer',
]
  .join(' ')
  .split(' ');
const ENDS = ['wijk buurt veld hof kwartier park laan zoom rijk kamp straat hoek']
  .join(' ')
  .split(' ');
const PARTS = ['', '', '', ' Noord', ' Zuid', ' Oost', ' West', ' Centrum', '-Café', ' Één'];
const PLACES = [
  'Aa Bree Dal Eem Gooi Hul Ijs Kamp Lier Maas Ned Oost Putt Raal Sint Ter Uit Vlie',
  'Wes Zand',
]
  .join(' ')
  .split(' ');
const PLACE_ENDS = ['dam dorp veen horst hoven erwerd ingen lo rode winkel'].join(' ').split(' ');

// CBS-style figure columns, in the order of the Wijk- en buurtkaart; the facility columns
// (distance and counts within 1/3/5 km) make the bulk, as in the real file.
const FIGURES = [
  'AANT_MAN AANT_VROUW P_00_14_JR P_15_24_JR P_25_44_JR P_45_64_JR P_65_EO_JR',
  'P_ONGEHUWD P_GEHUWD P_GESCHEID P_VERWEDUW AANTAL_HH P_EENP_HH P_HH_Z_K P_HH_M_K',
  'GEM_HH_GR P_WEST_AL P_N_W_AL P_MAROKKO P_ANT_ARU P_SURINAM P_TURKIJE P_OVER_NW',
  'BEV_DICHTH WONINGEN WOZ P_1GEZW P_MGEZW P_BEWNDW P_LEEGSW P_KOOPWON P_HUURWON',
  'P_WCORPW P_OVERIGE_ P_BJ_TOT00 P_BJ_VA00 G_GAS_TOT G_ELEK_TOT A_BEDV A_BED_A',
  'A_BED_BF A_BED_GI A_BED_HJ A_BED_KL A_BED_MN A_BED_RU AANT_AUTO AUTO_HH',
  'AUTO_LAND OPP_TOT OPP_LAND OPP_WATER DEK_PERC OAD STED P_HINK_HH P_LINK_HH',
  'P_SOCMINH P_ARB_PP P_ARB_WN P_ARB_ZS A_SOZ_WW A_SOZ_AO A_SOZ_OW A_JZ_TN P_JZ_TN',
  'A_WMO_T P_WMO_T G_INK_PI G_INK_PO P_LAAGINKP P_HOOGINKP G_WOZBAG G_AFS_HA',
  'G_AFS_GS G_AFS_KV G_AFS_SC',
]
  .join(' ')
  .split(' ');
const FACILITIES = [
  'ARTSPR APOTH HUISARTS HUISPOST ZIEK_E ZIEK_I SUPERM DAGLMD WARENH CAFE CAFTAR',
  'HOTEL RESTAU BSO KDV BRANDW OPRIT TREINST OVERST BIBLIO ZWEMB IJSBAAN KINBIOS',
  'BIOS SAUNA ZONBNK ATTRAC MUSEUM PODIUM POP ONDBAS ONDVRT ONDVMB ONDHV ONDMBO',
]
  .join(' ')
  .split(' ');

const round = (n: number, decimals: number) => Number(n.toFixed(decimals));

function name(r: Random): string {
  return `${r.pick(STEMS)}${r.pick(ENDS)}${r.pick(PARTS)}`;
}

function properties(
  r: Random,
  codes: { bu: string; wk: string; gm: string },
  names: { bu: string; wk: string; gm: string },
  year: number,
): Record<string, string | number> {
  const inhabitants = r.next() < 0.04 ? r.int(0, 40) : r.int(50, 6_000);
  const secret = inhabitants < 50;
  const p: Record<string, string | number> = {
    BU_CODE: codes.bu,
    JRSTATCODE: `${year}${codes.bu}`,
    BU_NAAM: names.bu,
    WK_CODE: codes.wk,
    WK_NAAM: names.wk,
    GM_CODE: codes.gm,
    GM_NAAM: names.gm,
    IND_WBI: 1,
    H2O: r.next() < 0.03 ? 'JA' : 'NEE',
    POSTCODE: String(r.int(1000, 9999)),
    AANT_INW: inhabitants,
  };
  for (const key of FIGURES)
    p[key] =
      secret && r.next() < 0.7 ? -99997 : round(r.next() * (key.startsWith('P_') ? 100 : 5_000), 1);
  for (const f of FACILITIES) {
    p[`AF_${f}`] = round(r.next() * 12, 2);
    for (const km of [1, 3, 5]) p[`AV${km}_${f}`] = secret ? -99997 : round(r.next() * km * 8, 2);
  }
  p.JAAR = year;
  return p;
}

interface Shape {
  rings: [number, number][][][];
}

/** A star-shaped ring around (cx, cy): `n` positions (+ closing), counter-clockwise unless `cw`. */
function starRing(r: Random, cx: number, cy: number, radius: number, n: number, cw = false) {
  const phase = r.next() * Math.PI * 2;
  const waves = [r.int(2, 5), r.int(6, 11)];
  const amp = [0.1 + r.next() * 0.08, 0.02 + r.next() * 0.04];
  const ring: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const t = ((i + 0.1 + r.next() * 0.8) / n) * Math.PI * 2;
    const a = cw ? -t : t;
    const wobble =
      1 -
      (amp[0] as number) * (1 + Math.sin((waves[0] as number) * a + phase)) -
      (amp[1] as number) * (1 + Math.sin((waves[1] as number) * a + 2 * phase)) -
      0.02 * r.next();
    ring.push([cx + radius * wobble * Math.cos(a), cy + radius * wobble * Math.sin(a)]);
  }
  ring.push(ring[0] as [number, number]);
  return ring;
}

function shape(r: Random, cx: number, cy: number, size: number): Shape {
  const main = starRing(r, cx, cy, size * 0.47, r.int(50, 150));
  const roll = r.next();
  // The main ring lies between 0.235·size and 0.47·size from the centre: room for a hole of
  // 0.12·size inside, and for an island in the corner of the cell, outside it.
  if (roll < 0.03) {
    const hole = starRing(r, cx, cy, size * 0.12, r.int(12, 30), true);
    return { rings: [[main, hole]] };
  }
  if (roll < 0.07) {
    const island = starRing(r, cx + size * 0.42, cy + size * 0.42, size * 0.05, r.int(8, 20));
    return { rings: [[main], [island]] };
  }
  return { rings: [[main]] };
}

export interface NationalFeature {
  properties: Record<string, string | number>;
  geometry: { type: 'MultiPolygon'; coordinates: [number, number][][][] };
}

/** The buurten one by one (RD New metres; the writer converts when asked for WGS84). */
export function* nationalBuurten(options: NationalFileOptions = {}): Generator<NationalFeature> {
  const o = { ...NATIONAL_DEFAULTS, ...options };
  if (o.buurten > o.gemeenten * 10_000 || o.gemeenten > 1_999)
    throw new Error('CBS codes allow at most 10,000 buurten per gemeente and 1,999 gemeenten');
  const r = createRandom(o.seed);
  const grid = cells(o.buurten);
  // Gemeente sizes vary (a few cities, many villages); together exactly o.buurten buurten.
  const weights = Array.from({ length: o.gemeenten }, () => 0.3 + r.next() ** 4 * 6);
  const sum = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.max(1, Math.floor((w / sum) * o.buurten)));
  for (let i = 0; sizes.reduce((a, b) => a + b, 0) < o.buurten; i = (i + 1) % sizes.length)
    sizes[i] = (sizes[i] as number) + 1;
  let cell = 0;
  for (let g = 0; g < o.gemeenten && cell < o.buurten; g++) {
    const gm4 = String(3 + g * 5).padStart(4, '0');
    const gm = { code: `GM${gm4}`, name: `${r.pick(PLACES)}${r.pick(PLACE_ENDS)}` };
    // Amsterdam (GM0363) has letters in its wijk and buurt codes.
    const lettered = gm4 === '0363';
    let left = Math.min(sizes[g] as number, o.buurten - cell);
    for (let w = 0; left > 0 && w < 100; w++) {
      const wk2 = lettered
        ? `${String.fromCharCode(65 + Math.floor(w / 10))}${w % 10}`
        : String(w).padStart(2, '0');
      const wk = { code: `WK${gm4}${wk2}`, name: `${gm.name} ${name(r)}` };
      // 1–8 buurten per wijk, more when the gemeente is large (at most 100 wijken of 100).
      const count = Math.min(left, Math.max(r.int(1, 8), Math.ceil(left / (100 - w))), 100);
      for (let b = 0; b < count; b++) {
        const [cx, cy] = grid.centres[cell++] as [number, number];
        const bu = `BU${gm4}${wk2}${String(b).padStart(2, '0')}`;
        const s = shape(r, cx, cy, grid.size);
        yield {
          properties: properties(
            r,
            { bu, wk: wk.code, gm: gm.code },
            { bu: name(r), wk: wk.name, gm: gm.name },
            o.year,
          ),
          geometry: { type: 'MultiPolygon', coordinates: s.rings },
        };
      }
      left -= count;
    }
  }
}

// ogr2ogr's layout: one feature per line, spaces inside brackets.
function coordinates(rings: [number, number][][][], pos: (p: [number, number]) => string) {
  return `[ ${rings.map((poly) => `[ ${poly.map((ring) => `[ ${ring.map(pos).join(', ')} ]`).join(', ')} ]`).join(', ')} ]`;
}

/**
 * Writes the file; resolves with its size in bytes and the number of buurten. `toWgs84` converts
 * RD New metres to [lon, lat] when the file is to be WGS84 (pass `rdToWgs84` from the importer).
 */
export async function writeNationalFile(
  file: string,
  options: NationalFileOptions = {},
  toWgs84?: (p: readonly number[]) => [number, number],
): Promise<{ bytes: number; buurten: number }> {
  const o = { ...NATIONAL_DEFAULTS, ...options };
  if (o.crs === 'EPSG:4326' && !toWgs84) throw new Error('WGS84 output needs a projection');
  const out = createWriteStream(file);
  let bytes = 0;
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  const crs =
    o.crs === 'EPSG:28992' ? 'urn:ogc:def:crs:EPSG::28992' : 'urn:ogc:def:crs:OGC:1.3:CRS84';
  await write(
    `{\n"type": "FeatureCollection",\n"name": "buurten_${o.year}_v1",\n"crs": { "type": "name", "properties": { "name": "${crs}" } },\n"features": [\n`,
  );
  const pos =
    o.crs === 'EPSG:28992'
      ? (p: [number, number]) => `[ ${p[0].toFixed(3)}, ${p[1].toFixed(3)} ]`
      : (p: [number, number]) => {
          const [lon, lat] = (toWgs84 as (p: readonly number[]) => [number, number])(p);
          return `[ ${lon}, ${lat} ]`;
        };
  let n = 0;
  for (const f of nationalBuurten(o)) {
    await write(
      `${n ? ',\n' : ''}{ "type": "Feature", "properties": ${JSON.stringify(f.properties).replace(/,"/g, ', "').replace(/":/g, '": ')}, "geometry": { "type": "MultiPolygon", "coordinates": ${coordinates(f.geometry.coordinates, pos)} } }`,
    );
    n++;
  }
  await write('\n]\n}\n');
  out.end();
  await once(out, 'finish');
  return { bytes, buurten: n };
}

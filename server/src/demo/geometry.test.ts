import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { levelOf, parentCode } from '../modules/areas/import/codes.ts';
import { checkGeometry } from '../modules/areas/import/geometry.ts';
import { buildAreas, codePair, layouts, type DemoScale } from './areas.ts';
import { buildIndicators, indicatorKeys, INDICATOR_YEARS, indicatorRows } from './indicators.ts';
import { areaKm2, buurtCount, wijkCount, type Ring } from './geometry.ts';
import { createRandom } from './random.ts';
import { pointInRing, ringProblems, signedArea2 } from './ring-check.ts';

const NOW = '2026-03-02T09:00:00.000Z';
/** The Netherlands' bounding box (with its coastal waters), WGS84. */
const NL = { minLon: 3.2, maxLon: 7.3, minLat: 50.7, maxLat: 53.6 };

const ringOf = (text: string | null): Ring => {
  const g = JSON.parse(text ?? 'null') as { type: string; coordinates: Ring[] };
  if (g.type !== 'Polygon' || g.coordinates.length !== 1) throw new Error(`Not one ring: ${text}`);
  return g.coordinates[0] as Ring;
};

/** Builds the scale's areas and checks them all; one expect per finding (fast for 14k rings). */
function expectValidAreas(scale: DemoScale, seed: number) {
  const areas = buildAreas('ws', scale, createRandom(seed), NOW);
  const codes = new Set(areas.rows.map((r) => r.code));
  expect(codes.size).toBe(areas.rows.length);
  const rings = new Map<string, Ring>();
  const problems: string[] = [];
  for (const row of areas.rows) {
    if (levelOf(row.code) !== row.level) problems.push(`${row.code}: level ${row.level}`);
    if (row.parent_code !== parentCode(row.code)) problems.push(`${row.code}: parent`);
    if (row.parent_code && !codes.has(row.parent_code)) problems.push(`${row.code}: no parent`);
    for (const text of [row.geometry, row.display_geometry]) {
      const ring = ringOf(text);
      if (!checkGeometry(JSON.parse(text ?? '')).ok) problems.push(`${row.code}: import check`);
      for (const p of ringProblems(ring)) problems.push(`${row.code}: ${p}`);
      // RFC 7946: exterior rings counter-clockwise.
      if (signedArea2(ring) <= 0) problems.push(`${row.code}: clockwise`);
      for (const [lon = 0, lat = 0] of ring)
        if (lon <= NL.minLon || lon >= NL.maxLon || lat <= NL.minLat || lat >= NL.maxLat)
          problems.push(`${row.code}: ${lon},${lat} outside the Netherlands`);
    }
    rings.set(row.code, ringOf(row.geometry));
  }
  expect(problems.slice(0, 20)).toEqual([]);
  return { areas, rings };
}

describe('demo geometry', () => {
  it('has the documented number of wijken and buurten per scale', () => {
    expect([wijkCount(layouts.demo), buurtCount(layouts.demo)]).toEqual([5, 20]);
    expect([wijkCount(layouts.municipality), buurtCount(layouts.municipality)]).toEqual([10, 100]);
    expect([wijkCount(layouts.national), buurtCount(layouts.national)]).toEqual([875, 14_000]);
  });

  it('makes two-character code parts: digits first, then pairs with a letter', () => {
    expect(codePair(1)).toBe('01');
    expect(codePair(99)).toBe('99');
    expect(codePair(100)).toBe('0A');
    const all = Array.from({ length: 1295 }, (_, i) => codePair(i + 1));
    expect(new Set(all).size).toBe(1295);
    for (const p of all) expect(p).toMatch(/^[0-9A-Z]{2}$/);
    expect(() => codePair(1296)).toThrow();
  });

  for (const scale of ['demo', 'municipality'] as const)
    it(`${scale}: valid codes and simple closed rings, buurten tiling their wijk`, () => {
      const { areas, rings } = expectValidAreas(scale, 20261129);
      const total = areas.wijken.reduce((s, w) => s + w.km2, 0);
      expect(total).toBeCloseTo(areas.gemeente.km2, 6);
      areas.wijken.forEach((wijk, w) => {
        const buurten = (areas.buurtenOf[w] ?? []).map((b) => areas.buurten[b]!);
        expect(buurten.reduce((s, b) => s + b.km2, 0)).toBeCloseTo(wijk.km2, 6);
        for (const b of buurten) {
          expect(b.code.slice(2, 8)).toBe(wijk.code.slice(2));
          // A buurt's average corner lies inside its wijk (and so inside the town).
          const ring = rings.get(b.code)!;
          const c = [0, 1].map(
            (k) => ring.slice(0, -1).reduce((s, p) => s + (p[k] ?? 0), 0) / (ring.length - 1),
          );
          expect(pointInRing(c, rings.get(wijk.code)!), b.code).toBe(true);
          expect(pointInRing(c, rings.get('GM9999')!), b.code).toBe(true);
        }
      });
      // Plausible sizes for a Dutch town: buurten of 0.1–1 km².
      for (const b of areas.buurten) expect(b.km2).toBeGreaterThan(0.1);
      for (const b of areas.buurten) expect(b.km2).toBeLessThan(1);
    });

  it('national: 14,000 buurten with valid codes (letters in the wijk part) and rings', () => {
    const started = performance.now();
    const { areas } = expectValidAreas('national', 7);
    expect(areas.buurten).toHaveLength(14_000);
    expect(areas.wijken.some((w) => /[A-Z]/.test(w.code.slice(6)))).toBe(true);
    console.log(
      `national geometry built and checked in ${Math.round(performance.now() - started)} ms`,
    );
  }, 120_000);

  it('is deterministic for a seed and differs between seeds', () => {
    const a = buildAreas('ws', 'demo', createRandom(1), NOW);
    const b = buildAreas('ws', 'demo', createRandom(1), NOW);
    const c = buildAreas('ws', 'demo', createRandom(2), NOW);
    expect(b.rows).toEqual(a.rows);
    expect(c.rows.map((r) => r.geometry)).not.toEqual(a.rows.map((r) => r.geometry));
    expect(c.rows.map((r) => r.name)).not.toEqual(a.rows.map((r) => r.name));
  });

  it('keeps every ring simple for any seed (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), (seed) => {
        const areas = buildAreas('ws', 'demo', createRandom(seed), NOW);
        for (const row of areas.rows) {
          expect(ringProblems(ringOf(row.geometry))).toEqual([]);
          expect(ringProblems(ringOf(row.display_geometry))).toEqual([]);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('measures area in km² (a 0.01° square at 52° N is about 0.76 km²)', () => {
    const square = [
      [5, 52],
      [5.01, 52],
      [5.01, 52.01],
      [5, 52.01],
      [5, 52],
    ];
    const expected = 0.01 * 111.32 * Math.cos((52.005 * Math.PI) / 180) * 0.01 * 110.57;
    expect(areaKm2(square)).toBeCloseTo(expected, 4);
  });
});

describe('demo indicators', () => {
  const areas = buildAreas('ws', 'demo', createRandom(3), NOW);
  const table = buildIndicators(areas, createRandom(4));
  const rows = [...indicatorRows('ws', table, 500)].flat();
  const value = (id: string, year: number, key: string) =>
    rows.find((r) => r.area_id === id && r.year === year && r.key === key)?.value;

  it('has every key for every area and year 2019–2024, in chunks', () => {
    expect(rows).toHaveLength(areas.rows.length * INDICATOR_YEARS.length * indicatorKeys.length);
    expect([...indicatorRows('ws', table, 500)].every((c) => c.length <= 500)).toBe(true);
    expect(new Set(rows.map((r) => r.year))).toEqual(new Set([2019, 2020, 2021, 2022, 2023, 2024]));
  });

  it('aggregates buurten into wijken and the gemeente, and sets the 2024 population', () => {
    areas.wijken.forEach((w, n) => {
      const parts = (areas.buurtenOf[n] ?? []).map((b) => areas.buurten[b]!);
      const sum = parts.reduce((s, b) => s + (value(b.id, 2024, 'AantalInwoners') ?? 0), 0);
      expect(value(w.id, 2024, 'AantalInwoners')).toBe(sum);
      expect(areas.rows.find((r) => r.id === w.id)?.population).toBe(sum);
    });
    const total = areas.wijken.reduce((s, w) => s + (value(w.id, 2022, 'k_65JaarOfOuder') ?? 0), 0);
    expect(value(areas.gemeente.id, 2022, 'k_65JaarOfOuder')).toBe(total);
  });

  it('has plausible values and some secret (null) ones', () => {
    for (const r of rows.filter((x) => x.value !== null)) {
      expect(Number.isFinite(r.value)).toBe(true);
      expect(r.value).toBeGreaterThanOrEqual(0);
      if (r.key === 'Koopwoningen' || r.key === 'HuurwoningenTotaal')
        expect(r.value).toBeLessThanOrEqual(100);
    }
    const many = buildAreas('ws', 'municipality', createRandom(5), NOW);
    const all = [...indicatorRows('ws', buildIndicators(many, createRandom(6)), 10_000)].flat();
    expect(all.some((r) => r.value === null)).toBe(true);
    expect(all.filter((r) => r.value === null).length).toBeLessThan(all.length / 10);
  });
});

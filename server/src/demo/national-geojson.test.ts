import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { levelOf, parentCode } from '../modules/areas/import/codes.ts';
import { rdToWgs84 } from '../modules/areas/import/crs.ts';
import { prepareAreas } from '../modules/areas/import/geojson.ts';
import { ringSelfIntersection } from '../modules/areas/import/rings.ts';
import { nationalBuurten, writeNationalFile } from './national-geojson.ts';

describe('national GeoJSON generator', () => {
  it('makes 14,000 buurten with unique valid codes, parents, and 50–150 positions each', () => {
    const codes = new Set<string>();
    const gemeenten = new Set<string>();
    let lettered = 0;
    let secret = 0;
    for (const f of nationalBuurten()) {
      const p = f.properties;
      const code = String(p.BU_CODE);
      expect(levelOf(code)).toBe('buurt');
      expect(parentCode(code)).toBe(p.WK_CODE);
      expect(parentCode(String(p.WK_CODE))).toBe(p.GM_CODE);
      codes.add(code);
      gemeenten.add(String(p.GM_CODE));
      if (/[A-Z]/.test(code.slice(2))) lettered++;
      if (Object.values(p).includes(-99997)) secret++;
      const main = f.geometry.coordinates[0]?.[0] ?? [];
      expect(main.length - 1).toBeGreaterThanOrEqual(50);
      expect(main.length - 1).toBeLessThanOrEqual(150);
    }
    expect(codes.size).toBe(14_000);
    expect(gemeenten.size).toBe(342);
    expect(lettered).toBeGreaterThan(0); // Amsterdam-style codes (GM0363)
    expect(secret).toBeGreaterThan(0);
  });

  it('draws simple rings (also holes and second parts) inside the Netherlands', () => {
    let holes = 0;
    let parts = 0;
    let crossing = 0;
    const box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
    for (const f of nationalBuurten({ buurten: 3000 })) {
      const polys = f.geometry.coordinates;
      if (polys.length > 1) parts++;
      if ((polys[0]?.length ?? 0) > 1) holes++;
      for (const poly of polys)
        for (const ring of poly) {
          if (ringSelfIntersection(ring).crossing) crossing++;
          for (const [x = 0, y = 0] of ring) {
            box.minX = Math.min(box.minX, x);
            box.maxX = Math.max(box.maxX, x);
            box.minY = Math.min(box.minY, y);
            box.maxY = Math.max(box.maxY, y);
          }
        }
    }
    expect(crossing).toBe(0);
    // RD New bounds of the Netherlands.
    expect(box.minX).toBeGreaterThan(0);
    expect(box.maxX).toBeLessThan(290_000);
    expect(box.minY).toBeGreaterThan(290_000);
    expect(box.maxY).toBeLessThan(630_000);
    expect(holes).toBeGreaterThan(0);
    expect(parts).toBeGreaterThan(0);
  });

  it('writes the same bytes for the same options, a file the importer accepts as is', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wd-national-'));
    try {
      const a = join(dir, 'a.geojson');
      const b = join(dir, 'b.geojson');
      const wgs = join(dir, 'wgs.geojson');
      const written = await writeNationalFile(a, { buurten: 300 });
      await writeNationalFile(b, { buurten: 300 });
      await writeNationalFile(wgs, { buurten: 300, crs: 'EPSG:4326' }, rdToWgs84);
      expect(written.buurten).toBe(300);
      expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
      expect(readFileSync(a).length).toBe(written.bytes);
      for (const [file, crs] of [
        [a, 'EPSG:28992'],
        [wgs, 'EPSG:4326'],
      ] as const) {
        const r = prepareAreas(readFileSync(file, 'utf8'), { gemeentecode: null });
        expect(r.issues).toEqual([]);
        expect(r.crs).toBe(crs);
        expect(r.mapping).toBe('cbs');
        expect(r.areas).toHaveLength(300);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

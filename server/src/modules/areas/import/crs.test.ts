import { describe, expect, it } from 'vitest';
import { crsFromBounds, crsFromMember, rdToWgs84 } from './crs.ts';

const named = (name: string) => ({ type: 'name', properties: { name } });

describe('CRS detection and reprojection', () => {
  it('reads the crs member', () => {
    expect(crsFromMember(named('EPSG:28992'))).toBe('EPSG:28992');
    expect(crsFromMember(named('urn:ogc:def:crs:EPSG::28992'))).toBe('EPSG:28992');
    expect(crsFromMember(named('urn:ogc:def:crs:OGC:1.3:CRS84'))).toBe('EPSG:4326');
    expect(crsFromMember(named('EPSG:4326'))).toBe('EPSG:4326');
    expect(crsFromMember(named('EPSG:3857'))).toBe('unknown');
    expect(crsFromMember({ type: 'link' })).toBe('unknown');
    expect(crsFromMember(undefined)).toBeUndefined();
  });

  it('guesses from coordinate ranges', () => {
    expect(crsFromBounds({ minX: 3.9, minY: 51.8, maxX: 4.6, maxY: 52 })).toBe('EPSG:4326');
    expect(crsFromBounds({ minX: 80_000, minY: 430_000, maxX: 100_000, maxY: 445_000 })).toBe(
      'EPSG:28992',
    );
    expect(crsFromBounds({ minX: 500_000, minY: 6_000_000, maxX: 600_000, maxY: 6_800_000 })).toBe(
      undefined,
    );
  });

  it('reprojects RD New to WGS84 (Amersfoort, the origin of RD)', () => {
    const [lon, lat] = rdToWgs84([155_000, 463_000]);
    expect(Math.abs(lon - 5.3872)).toBeLessThan(1e-4);
    expect(Math.abs(lat - 52.1552)).toBeLessThan(1e-4);
  });

  it('reprojects Rotterdam (Erasmusbrug ≈ 93 km, 436 km) into the Rotterdam bbox', () => {
    const [lon, lat] = rdToWgs84([93_000, 436_500]);
    expect(lon).toBeGreaterThan(3.94);
    expect(lon).toBeLessThan(4.6);
    expect(lat).toBeGreaterThan(51.84);
    expect(lat).toBeLessThan(52);
  });
});

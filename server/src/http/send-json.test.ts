import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../test/harness.ts';
import { directoryFixture } from '../modules/activities/test-fixture.ts';
import { acceptsGzip, FinishedJson } from './send-json.ts';

describe('accepting gzip', () => {
  it('reads Accept-Encoding as browsers and proxies send it', () => {
    expect(acceptsGzip('gzip, deflate, br, zstd')).toBe(true);
    expect(acceptsGzip('br;q=1.0, gzip;q=0.8')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('GZIP')).toBe(true);
    expect(acceptsGzip(['deflate', 'gzip'])).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('deflate, br')).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });

  it('keeps one gzip copy of a large answer and none of a small one', () => {
    const large = new FinishedJson(JSON.stringify({ items: Array(200).fill('buurthuis') }));
    expect(large.gzip).toBe(large.gzip);
    expect(gunzipSync(large.gzip!).equals(large.body)).toBe(true);
    expect(new FinishedJson('{"total":0}').gzip).toBeUndefined();
  });
});

describeEachDialect('cached answers go out gzipped to clients that accept it', (dialect) => {
  const t = useTestApp(dialect);

  it('sends the same JSON gzipped, with Vary: Accept-Encoding', async () => {
    const f = await directoryFixture(t);
    const url = `/api/v1/workspaces/${f.slug}/areas/${f.areas[0]}/overview`;
    const plain = await f.member.inject({ method: 'GET', url });
    expect(plain.statusCode, plain.body).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toContain('Accept-Encoding');
    expect(plain.rawPayload.length).toBeGreaterThan(1024);
    const zipped = await f.member.inject({
      method: 'GET',
      url,
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(zipped.statusCode).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length);
    expect(JSON.parse(gunzipSync(zipped.rawPayload).toString('utf8'))).toEqual(plain.json());
  });
});

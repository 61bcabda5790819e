import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collection, feature, polygon } from '../../../../test/geojson.ts';
import { readCollectionBytes, readCollectionText, type ReadSummary } from './reader.ts';

interface Read {
  members: Record<string, unknown>;
  features: unknown[];
  summary: ReadSummary;
}

async function* chunks(data: Uint8Array, size: number) {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

async function readBytes(data: Uint8Array, size = 7): Promise<Read> {
  const r: Read = { members: {}, features: [], summary: { featuresArray: false, features: 0 } };
  r.summary = await readCollectionBytes(chunks(data, size), {
    member: (k, v) => (r.members[k] = v),
    feature: (i, f) => {
      expect(i).toBe(r.features.length);
      r.features.push(f);
    },
  });
  return r;
}

async function readText(text: string): Promise<Read> {
  const r: Read = { members: {}, features: [], summary: { featuresArray: false, features: 0 } };
  r.summary = await readCollectionText(text, {
    member: (k, v) => (r.members[k] = v),
    feature: (_i, f) => void r.features.push(f),
  });
  return r;
}

const utf8 = (s: string) => new TextEncoder().encode(s);

const crs = { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } };
const doc = collection(
  [
    feature({ BU_CODE: 'BU05990110', BU_NAAM: 'Cool — Zuid', AANT_INW: 12 }, polygon()),
    feature({ id: 'BU05990111', nested: { a: [1, { b: null }], t: true, f: false } }, polygon()),
  ],
  {
    name: 'buurten_2024',
    crs,
  },
);

describe('streaming FeatureCollection reader', () => {
  it('hands over every member and feature exactly as JSON.parse reads them', async () => {
    const text = JSON.stringify({ ...doc, metadata: { year: 2024 } }, null, 2);
    for (const r of [await readBytes(utf8(text)), await readText(text)]) {
      expect(r.summary).toEqual({ featuresArray: true, features: 2 });
      expect(r.features).toEqual(doc.features);
      expect(r.members).toEqual({
        type: 'FeatureCollection',
        name: 'buurten_2024',
        crs,
        metadata: { year: 2024 },
      });
    }
  });

  it('reads any JSON value inside features the way JSON.parse does (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.jsonValue(), { maxLength: 5 }),
        fc.integer({ min: 1, max: 50 }),
        async (values, size) => {
          const text = JSON.stringify({ features: values, type: 'FeatureCollection' });
          const r = await readBytes(utf8(text), size);
          expect(r.features).toEqual(JSON.parse(text).features);
          expect(r.summary.fatal).toBeUndefined();
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps a "__proto__" key as an own property', async () => {
    const r = await readText('{"type":"FeatureCollection","features":[{"__proto__":{"x":1}}]}');
    const f = r.features[0] as Record<string, unknown>;
    expect(Object.getPrototypeOf(f)).toBe(Object.prototype);
    expect(Object.keys(f)).toEqual(['__proto__']);
  });

  it('names the feature a truncated file ends in', async () => {
    const text = JSON.stringify(doc);
    const r = await readBytes(utf8(text.slice(0, text.indexOf('BU05990111') + 4)));
    expect(r.features).toHaveLength(1);
    expect(r.summary.fatal).toMatchObject({ index: null, reason: 'invalid_json' });
    expect(r.summary.fatal?.detail).toMatch(/ends in feature 1 \(truncated\?\)/);
    const cut = await readText(text.slice(0, text.lastIndexOf(']')));
    expect(cut.summary.fatal?.detail).toMatch(/ends after feature 1 \(truncated\?\)/);
  });

  it.each([
    ['not JSON', 'this is not geojson', /not valid JSON/],
    ['an empty file', '', /empty or not JSON/],
    ['a top-level array', '[{"type":"Feature"}]', /not a GeoJSON FeatureCollection/],
    ['text after the end', '{"type":"FeatureCollection","features":[]} x', /not valid JSON/],
  ])('refuses %s', async (_what, text, message) => {
    const r = await readText(text);
    expect(r.summary.fatal?.detail).toMatch(message);
  });

  it('names the feature where the JSON breaks', async () => {
    const text = JSON.stringify(doc).replace('"BU05990111",', '"BU05990111",,');
    const r = await readBytes(utf8(text));
    expect(r.summary.fatal?.detail).toMatch(/^The file is not valid JSON in feature 1: /);
  });

  it('refuses UTF-16, in bytes and as text decoded from UTF-16 bytes', async () => {
    const text = JSON.stringify(doc);
    const le = new Uint8Array(Buffer.from(`\uFEFF${text}`, 'utf16le'));
    const bytes = await readBytes(le, 1000);
    expect(bytes.summary.fatal).toMatchObject({ reason: 'invalid_encoding' });
    expect(bytes.features).toEqual([]);
    const asText = await readText(new TextDecoder().decode(le));
    expect(asText.summary.fatal).toMatchObject({ reason: 'invalid_encoding' });
  });

  it('reads a file with Latin-1 bytes to the end and reports the first one', async () => {
    const text = JSON.stringify(doc);
    const at = text.indexOf('—');
    const latin = new Uint8Array([
      ...utf8(text.slice(0, at)),
      0x96, // "–" in Windows-1252
      ...utf8(text.slice(at + 1)),
    ]);
    const r = await readBytes(latin);
    expect(r.features).toHaveLength(2);
    expect((r.features[0] as { properties: { BU_NAAM: string } }).properties.BU_NAAM).toBe(
      'Cool \uFFFD Zuid',
    );
    expect(r.summary.encoding).toMatchObject({ index: null, reason: 'invalid_encoding' });
    expect(r.summary.encoding?.detail).toContain(`byte ${utf8(text.slice(0, at)).length} (0x96)`);
  });
});

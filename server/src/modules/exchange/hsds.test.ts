import { describe, expect, it } from 'vitest';
import { stableUuid, toHsds, type HsdsArea, type HsdsInput, type HsdsTerm } from './hsds.ts';
import { HAVE_HSDS_DATA, validateHsds } from './testing/hsds-validator.ts';

const buurt: HsdsArea = {
  id: '0b7c3f0e-2d6e-4b59-9f0a-5d2f1c9e8a01',
  code: 'BU05990110',
  name: 'Oude Westen',
  level: 'buurt',
  cbsYear: 2024,
};
const wijk: HsdsArea = {
  ...buurt,
  id: '0b7c3f0e-2d6e-4b59-9f0a-5d2f1c9e8a02',
  code: 'WK059901',
  name: 'Centrum',
  level: 'wijk',
};
const zorg: HsdsTerm = {
  id: '5a1d7d52-7e6c-4f7e-8a43-0d7e0b3e9c11',
  kind: 'domain',
  slug: 'zorg',
  labelNl: 'zorg',
  description: null,
};
const jongeren: HsdsTerm = {
  ...zorg,
  id: '5a1d7d52-7e6c-4f7e-8a43-0d7e0b3e9c12',
  kind: 'target_group',
  slug: 'jongeren',
  labelNl: 'jongeren',
};

const input = (): HsdsInput => ({
  workspace: { id: '9d0f7e5c-1b2a-4c3d-8e9f-0a1b2c3d4e5f', name: 'Rotterdam' },
  today: '2026-03-02',
  page: { number: 1, pageSize: 20, totalItems: 2 },
  organisations: [
    {
      id: 'c3a1e5f0-7b2d-4e8a-9c6f-1d2e3f4a5b01',
      name: 'Buurthuis De Linde',
      bio: 'Huiskamer van de wijk',
      website: 'https://delinde.example.org',
      kvkNumber: '12345678',
      areas: [wijk],
      terms: [zorg],
      activities: [
        {
          id: 'd4b2f6a1-8c3e-4f9b-8d7a-2e3f4a5b6c01',
          title: 'Inloopochtend',
          description: 'Koffie en hulp bij formulieren',
          endDate: null,
          updatedAt: '2026-03-01T10:00:00.000Z',
          areas: [buurt, wijk],
          terms: [zorg, jongeren],
        },
        {
          id: 'd4b2f6a1-8c3e-4f9b-8d7a-2e3f4a5b6c02',
          title: 'Zomerschool',
          description: null,
          endDate: '2025-08-31',
          updatedAt: '2025-09-01T10:00:00.000Z',
          areas: [buurt],
          terms: [],
        },
      ],
    },
    {
      id: 'c3a1e5f0-7b2d-4e8a-9c6f-1d2e3f4a5b02',
      name: 'Fonds Zonder Site',
      bio: null,
      website: 'geen website',
      kvkNumber: null,
      areas: [buurt],
      terms: [],
      activities: [],
    },
  ],
});

describe('HSDS mapping', () => {
  it('gives name-based ids: UUID version 5, the same name the same id', () => {
    const id = stableUuid('attribute:x:y');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(stableUuid('attribute:x:y')).toBe(id);
    expect(stableUuid('attribute:x:z')).not.toBe(id);
  });

  it('maps organisations, services, locations and attributes', () => {
    const doc = toHsds(input());
    expect(doc).toMatchObject({
      total_items: 2,
      total_pages: 1,
      page_number: 1,
      size: 2,
      first_page: true,
      last_page: true,
      empty: false,
    });
    const [linde, fonds] = doc.contents;
    expect(linde?.organization_identifiers).toEqual([
      expect.objectContaining({ identifier_scheme: 'NL-KVK', identifier: '12345678' }),
    ]);
    // Its own wijk and its activities' buurt, once each, ordered by code.
    expect(linde?.locations.map((l) => l.external_identifier)).toEqual(['BU05990110', 'WK059901']);
    expect(linde?.services.map((s) => [s.name, s.status])).toEqual([
      ['Inloopochtend', 'active'],
      ['Zomerschool', 'inactive'],
    ]);
    const service = linde?.services[0];
    expect(service?.service_at_locations.map((s) => s.location_id)).toEqual([buurt.id, wijk.id]);
    expect(service?.attributes.map((a) => [a.link_type, a.taxonomy_term.name])).toEqual([
      ['domain', 'zorg'],
      ['target_group', 'jongeren'],
    ]);
    expect(linde?.services[1]).not.toHaveProperty('description');
    expect(fonds).not.toHaveProperty('website');
    expect(fonds?.description).toBe('');
    expect(fonds?.organization_identifiers).toEqual([]);
    // Contact details of organisations are not published.
    expect(JSON.stringify(doc)).not.toMatch(/"email"|"phones"/);
  });

  it('fills the page fields from the page asked for', () => {
    const doc = toHsds({
      ...input(),
      page: { number: 3, pageSize: 1, totalItems: 3 },
      organisations: [],
    });
    expect(doc).toMatchObject({
      total_pages: 3,
      page_number: 3,
      size: 0,
      first_page: false,
      last_page: true,
      empty: true,
    });
  });
});

describe.skipIf(!HAVE_HSDS_DATA)('HSDS 3.0 schemas', () => {
  it('the mapped document validates', () => {
    expect(validateHsds(toHsds(input()))).toEqual([]);
  });

  it('an invalid document does not: each broken rule is named', () => {
    const broken = (fn: (doc: ReturnType<typeof toHsds>) => void) => {
      const doc = structuredClone(toHsds(input()));
      fn(doc);
      return validateHsds(doc);
    };
    expect(
      broken((d) => {
        delete (d.contents[0] as Partial<(typeof d.contents)[0]>).description;
      }),
    ).toContain("/contents/0: must have required property 'description'");
    expect(
      broken((d) => {
        (d.contents[0]!.services[0] as { status: string }).status = 'open';
      }),
    ).toContain('/contents/0/services/0/status: must be equal to one of the allowed values');
    expect(
      broken((d) => {
        (d.contents[0]!.locations[0] as { location_type: string }).location_type = 'buurt';
      }),
    ).toContain(
      '/contents/0/locations/0/location_type: must be equal to one of the allowed values',
    );
    expect(
      broken((d) => {
        d.contents[0]!.id = 'not-a-uuid';
      }),
    ).toContain('/contents/0/id: must match format "uuid"');
    expect(
      broken((d) => {
        (d as { total_items: unknown }).total_items = '2';
      }),
    ).toContain('/total_items: must be integer');
    expect(
      broken((d) => {
        d.contents[1]!.locations[0]!.name = 'Een andere buurt met hetzelfde id';
      }),
    ).toEqual([expect.stringMatching(/id .* is also used by a different object/)]);
    expect(
      broken((d) => {
        (d.contents[0]!.services[0] as { last_modified: string }).last_modified = 'gisteren';
      }),
    ).toContain('/contents/0/services/0/last_modified: must match format "date-time"');
  });
});

import { z } from 'zod';
import {
  actorKinds,
  areaLevels,
  organisationKinds,
  recordTypes,
  sizeClasses,
  visibilities,
} from '../../db/types.ts';
import { pageOf, pageQuery } from '../../http/pagination.ts';
import { uuid, workspaceParams } from '../../http/route-schema.ts';

const isoDate = z.iso.date().describe('Date, YYYY-MM-DD').meta({ format: 'date' });
/** A stored date in a response (not validated again on the way out). */
const dateOut = (what: string) => z.string().nullable().describe(what).meta({ format: 'date' });

// ---- GET W/search --------------------------------------------------------------------------

export const searchQuery = pageQuery.extend({
  q: z
    .string()
    .max(200)
    .optional()
    .describe(
      'Words to find; each word matches as a prefix of a word of the title, description or ' +
        'actor name, all words must match; case and diacritics are ignored',
    ),
  type: z.enum(recordTypes).optional().describe('Only actors, activities or initiatives'),
  areaId: uuid
    .optional()
    .describe('Records linked to this area or one of its sub-areas (a wijk includes its buurten)'),
  domainId: uuid.optional().describe('Records linked to this domain'),
  targetGroupId: uuid.optional().describe('Records linked to this target group'),
  actorKind: z
    .enum(actorKinds)
    .optional()
    .describe('Actors of this kind, and activities of actors of this kind'),
  orgKind: z.enum(organisationKinds).optional().describe('Organisations of this kind'),
  sizeClass: z.enum(sizeClasses).optional().describe('Organisations of this size class'),
  activeFrom: isoDate
    .optional()
    .describe('Active on or after this day (records without dates are always active)'),
  activeTo: isoDate.optional().describe('Active on or before this day'),
});

export type SearchQuery = z.infer<typeof searchQuery>;
export type SearchFilters = Omit<SearchQuery, 'page' | 'pageSize'>;

export const searchItemSchema = z.object({
  type: z.enum(recordTypes),
  id: z.string(),
  title: z.string(),
  summary: z.string().nullable().describe('The start of the description (no contact details)'),
  actorId: z.string().nullable().describe('The actor itself, or the actor doing the activity'),
  actorKind: z.enum(actorKinds).nullable(),
  orgKind: z.enum(organisationKinds).nullable(),
  sizeClass: z.enum(sizeClasses).nullable(),
  startDate: dateOut('YYYY-MM-DD; null when not recorded'),
  endDate: dateOut('YYYY-MM-DD; null while ongoing'),
  visibility: z.enum(visibilities),
});

export const searchPageSchema = pageOf(searchItemSchema);

// ---- GET W/map-layer -----------------------------------------------------------------------

export const mapMeasures = ['carriers', 'activities', 'indicator'] as const;
export type MapMeasure = (typeof mapMeasures)[number];
export const mapLevels = ['buurt', 'wijk'] as const;

export const mapLayerQuery = z.strictObject({
  level: z.enum(mapLevels).default('buurt').describe('buurt (default) or wijk'),
  measure: z
    .enum(mapMeasures)
    .default('carriers')
    .describe(
      'carriers: visible carriers linked to the area or doing an activity there (default); ' +
        'activities: visible activities in the area; indicator: a CBS figure',
    ),
  domainId: uuid.optional().describe('measure=activities: only activities in this domain'),
  indicator: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe('measure=indicator: the StatLine key without its number, e.g. AantalInwoners'),
  year: z.coerce
    .number()
    .int()
    .min(1900)
    .max(2100)
    .optional()
    .describe('measure=indicator: the year of the figures (default the latest with this key)'),
});

export type MapLayerQuery = z.infer<typeof mapLayerQuery>;

const mapGeometry = z
  .object({
    type: z.enum(['Polygon', 'MultiPolygon']),
    coordinates: z.array(z.unknown()).describe('WGS84 (CRS84), rounded to 5 decimals (≈1 m)'),
  })
  .nullable();

export const mapLayerSchema = z.object({
  type: z.literal('FeatureCollection'),
  measure: z.enum(mapMeasures),
  unit: z.string().nullable().describe('What the value counts; null for an indicator'),
  level: z.enum(mapLevels),
  cbsYear: z.number().int().nullable().describe('CBS year of the areas (the latest one)'),
  year: z.number().int().nullable().describe('Year of the indicator figures; null for counts'),
  min: z.number().nullable().describe('Smallest value; null when no area has one'),
  max: z.number().nullable().describe('Largest value; null when no area has one'),
  tileUrl: z.string().nullable().describe('Optional background tiles (z/x/y template)'),
  tileAttribution: z.string().nullable(),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      id: z.string(),
      geometry: mapGeometry.describe('Display geometry; null when only figures are known'),
      properties: z.object({
        id: z.string(),
        code: z.string(),
        name: z.string(),
        level: z.enum(areaLevels),
        value: z.number().nullable().describe('null: the figure is missing or secret'),
      }),
    }),
  ),
});

// ---- GET W/areas/:areaId/overview ----------------------------------------------------------

export const overviewParams = workspaceParams.extend({ areaId: uuid.describe('Area id') });

export const matrixColumns = ['carriers', 'small_organisations', 'large_organisations'] as const;
export type MatrixColumn = (typeof matrixColumns)[number];

const actorRef = z.object({ id: z.string(), name: z.string() });
const areaRef = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  level: z.enum(areaLevels),
});

export const overviewSchema = z.object({
  area: areaRef.extend({
    cbsYear: z.number().int(),
    parentCode: z.string().nullable(),
    population: z.number().int().nullable(),
  }),
  indicators: z
    .array(
      z.object({
        key: z.string().describe('StatLine key'),
        values: z
          .array(z.object({ year: z.number().int(), value: z.number().nullable() }))
          .describe('Oldest first; null when missing or secret'),
      }),
    )
    .describe('Every figure of this area code over the years'),
  matrix: z
    .object({
      columns: z.array(z.enum(matrixColumns)),
      rows: z.array(
        z.object({
          domainId: z.string(),
          label: z.string().describe('Dutch label'),
          labelEn: z.string(),
          cells: z.array(
            z.object({
              column: z.enum(matrixColumns),
              count: z.number().int().describe('Actors in the cell'),
              actors: z.array(actorRef).describe('The first actors by name (at most 50)'),
            }),
          ),
        }),
      ),
    })
    .describe(
      'Wie doet wat: per domain, the visible actors with an activity in that domain in the area ' +
        'or its sub-areas, split into carriers and small and large organisations',
    ),
  initiatives: z
    .array(
      z.object({
        id: z.string(),
        name: z.string(),
        startDate: dateOut('YYYY-MM-DD'),
        endDate: dateOut('YYYY-MM-DD; null while ongoing'),
      }),
    )
    .describe('Visible initiatives linked to the area or its sub-areas, by name (at most 100)'),
  initiativeCount: z.number().int(),
  carriers: z
    .array(actorRef)
    .describe('Visible carriers linked to the area or active there, by name (at most 100)'),
  carrierCount: z.number().int(),
  subAreas: z.array(areaRef).describe('Wijken and buurten within the area, same CBS year'),
});

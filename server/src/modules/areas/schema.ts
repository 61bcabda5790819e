import { z } from 'zod';
import { areaLevels } from '../../db/types.ts';
import { pageQuery } from '../../http/pagination.ts';
import { uuid, workspaceParams } from '../../http/route-schema.ts';
import { crsNames } from './import/crs.ts';

export const areaLevel = z.enum(areaLevels).describe('gemeente, wijk or buurt');

export const areaSummarySchema = z.object({
  id: z.string(),
  code: z.string().describe('CBS code, e.g. GM0599, WK059901, BU05990110'),
  level: areaLevel,
  cbsYear: z.number().int().describe('The CBS year of the boundary and code'),
  name: z.string(),
  parentCode: z.string().nullable().describe('CBS code of the wijk or gemeente above'),
  population: z.number().int().nullable().describe('Inhabitants; null when unknown or secret'),
});

const geometrySchema = z
  .object({
    type: z.enum(['Polygon', 'MultiPolygon']),
    coordinates: z.array(z.unknown()).describe('GeoJSON coordinates, WGS84 (CRS84)'),
  })
  .nullable();

export const areaFeatureSchema = z.object({
  type: z.literal('Feature'),
  id: z.string(),
  geometry: geometrySchema.describe('Boundary in WGS84; null when only figures are known'),
  properties: areaSummarySchema.extend({
    displayGeometry: geometrySchema.describe('Simplified boundary for maps'),
    indicators: z
      .array(
        z.object({
          year: z.number().int(),
          values: z
            .record(z.string(), z.number().nullable())
            .describe('StatLine key → value; null when missing or secret'),
        }),
      )
      .describe('Indicators per year, oldest first'),
  }),
});

export const areaListQuery = pageQuery.extend({ level: areaLevel.optional() });
export const areaParams = workspaceParams.extend({ areaId: uuid.describe('Area id') });

export const areaImportBody = z.strictObject({
  geojson: z
    .record(z.string(), z.unknown())
    .describe('A GeoJSON FeatureCollection of areas (CBS, PDOK or simple properties)'),
  year: z.number().int().min(1900).max(2100).describe('The CBS year of the boundaries'),
  crs: z
    .enum(crsNames)
    .optional()
    .describe('Coordinate reference system when the file does not say it'),
});

export const areaImportReportSchema = z.object({
  mapping: z.string().describe('Property style used: cbs, pdok or simple'),
  crs: z.enum(crsNames).describe('CRS the coordinates were read in'),
  created: z.number().int(),
  updated: z.number().int(),
  errors: z.array(z.object({ pointer: z.string(), code: z.string(), detail: z.string() })),
});

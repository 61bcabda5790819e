import { z } from 'zod';
import { areaLevels } from '../../db/types.ts';
import { pageQuery } from '../../http/pagination.ts';
import { problemSchema } from '../../http/problem.ts';
import { isoDateTime, uuid, workspaceParams } from '../../http/route-schema.ts';
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
  dryRun: z
    .boolean()
    .optional()
    .describe('Check the file and preview what would be created and updated; write nothing'),
});

export const areaImportReportSchema = z.object({
  mapping: z.string().describe('Property style used: cbs, pdok or simple'),
  crs: z.enum(crsNames).describe('CRS the coordinates were read in'),
  created: z.number().int(),
  updated: z.number().int(),
  errors: z.array(z.object({ pointer: z.string(), code: z.string(), detail: z.string() })),
});

const count = z.number().int();

export const areaImportPreviewSchema = z.object({
  dryRun: z.literal(true).describe('A preview: nothing was written'),
  mapping: z.string().describe('Property style used: cbs, pdok or simple'),
  crs: z.enum(crsNames).describe('CRS the coordinates were read in'),
  crsFrom: z
    .enum(['option', 'file', 'coordinates'])
    .describe('Where the CRS came from: the request, the crs member, or the coordinate ranges'),
  year: count.describe('The CBS year the areas would get'),
  features: count.describe('Features in the file'),
  created: count.describe('Areas that would be created'),
  updated: count.describe('Areas (same code and year) that would be updated'),
  createdCodes: z.array(z.string()).describe('Codes that would be created (the first 1000)'),
  updatedCodes: z.array(z.string()).describe('Codes that would be updated (the first 1000)'),
  levels: z.object({ gemeente: count, wijk: count, buurt: count }).describe('Features per level'),
  warnings: z
    .array(
      z.object({
        code: z.string(),
        detail: z.string(),
        count: count.optional().describe('Features concerned'),
      }),
    )
    .describe('Things worth knowing that do not stop the import'),
});

export const areaImportRunParams = workspaceParams.extend({ runId: uuid.describe('Run id') });

export const areaImportRunStartedSchema = z.object({
  id: z.string(),
  status: z.enum(['running', 'succeeded', 'failed']),
  done: count.describe('Steps done: each feature counts once checked and once written'),
  total: count.nullable().describe('Steps in all (2 × features; a dry run: features)'),
});

export const areaImportRunSchema = areaImportRunStartedSchema.extend({
  createdAt: isoDateTime,
  finishedAt: isoDateTime.nullable(),
  report: z
    .union([areaImportPreviewSchema, areaImportReportSchema])
    .optional()
    .describe('When succeeded: the import report, or the preview of a dry run'),
  problem: problemSchema
    .optional()
    .describe('When failed: the problem, with every bad feature in `errors`; nothing was written'),
});

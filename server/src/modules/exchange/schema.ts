import { z } from 'zod';
import { actorKinds, taxonomyKinds, visibilities } from '../../db/types.ts';
import { pageQuery } from '../../http/pagination.ts';
import { importFields } from './import-columns.ts';
import { importFormats } from './sheet.ts';

// HSDS 3.0 as Wijkdragers writes it (see hsds.ts): the subset of the Open Referral objects it fills.
// Field names are HSDS's own (snake_case), so HSDS tools read the response as it is.

const hsdsId = z.string().describe('UUID');

const taxonomy = z.object({ id: hsdsId, name: z.string(), description: z.string() });

const attribute = z.object({
  id: hsdsId,
  link_id: hsdsId.describe('The organisation or service the term applies to'),
  link_type: z.enum(taxonomyKinds).describe('domain or target_group'),
  link_entity: z.enum(['organization', 'service']),
  taxonomy_term_id: hsdsId,
  taxonomy_term: z.object({
    id: hsdsId,
    code: z.string().describe('The term slug'),
    name: z.string().describe('Dutch label'),
    description: z.string(),
    taxonomy: z.string(),
    taxonomy_id: hsdsId,
    taxonomy_detail: taxonomy,
    language: z.string(),
  }),
});

const location = z.object({
  id: hsdsId.describe('The area id'),
  location_type: z.literal('physical'),
  name: z.string(),
  description: z.string(),
  external_identifier: z.string().describe('CBS code (GM…, WK…, BU…)'),
  external_identifier_type: z.string(),
});

const service = z.object({
  id: hsdsId.describe('The activity id'),
  organization_id: hsdsId,
  name: z.string(),
  description: z.string().optional(),
  status: z.enum(['active', 'inactive']).describe('inactive once the end date has passed'),
  last_modified: z.string().describe('ISO 8601 UTC timestamp'),
  service_areas: z.array(
    z.object({ id: hsdsId, service_id: hsdsId, name: z.string(), description: z.string() }),
  ),
  service_at_locations: z.array(z.object({ id: hsdsId, service_id: hsdsId, location_id: hsdsId })),
  attributes: z.array(attribute),
});

const organization = z.object({
  id: hsdsId,
  name: z.string(),
  description: z.string(),
  website: z.string().optional(),
  organization_identifiers: z.array(
    z.object({
      id: hsdsId,
      organization_id: hsdsId,
      identifier_scheme: z.string().describe('NL-KVK'),
      identifier_type: z.string(),
      identifier: z.string().describe('KvK number'),
    }),
  ),
  locations: z.array(location).describe('The CBS areas it and its activities work in'),
  attributes: z.array(attribute),
  services: z.array(service).describe('Its activities'),
});

export const hsdsPageSchema = z
  .object({
    total_items: z.number().int(),
    total_pages: z.number().int(),
    page_number: z.number().int(),
    size: z.number().int().describe('Organisations on this page'),
    first_page: z.boolean(),
    last_page: z.boolean(),
    empty: z.boolean(),
    contents: z.array(organization),
  })
  .describe('HSDS 3.0 paginated organisations, fully nested with their services');

export const hsdsQuery = pageQuery;

export const csvQuery = z.strictObject({
  delimiter: z
    .enum(['semicolon', 'comma'])
    .default('semicolon')
    .describe('semicolon (Excel NL, decimal comma; the default) or comma'),
});

export const csvResponse = (what: string) => ({
  description: `${what} as CSV (UTF-8 with BOM, RFC 4180 quoting, CRLF)`,
  content: { 'text/csv': { schema: z.string() } },
});

export const actorImportBody = z.strictObject({
  format: z.enum(importFormats).describe('csv or xlsx'),
  content: z.string().min(1).describe('The CSV text, or the XLSX file in base64'),
  dryRun: z.boolean().optional().describe('Only check: write nothing, report what would happen'),
});

const problem = z.object({ column: z.string().nullable(), code: z.string(), detail: z.string() });

export const actorImportReportSchema = z.object({
  format: z.enum(importFormats),
  delimiter: z.enum(['semicolon', 'comma']).nullable().describe('The CSV delimiter found'),
  dryRun: z.boolean(),
  columns: z.array(z.enum(importFields)).describe('The recognised columns, in file order'),
  rows: z.array(
    z.object({
      row: z.number().int().describe('Row number as the spreadsheet shows it (header = row 1)'),
      name: z.string().nullable(),
      kind: z.enum(actorKinds).nullable(),
      visibility: z.enum(visibilities).nullable(),
      outcome: z.enum(['would_create', 'created', 'error']),
      actorId: z.string().nullable(),
      errors: z.array(problem),
      warnings: z.array(problem),
    }),
  ),
  created: z.number().int(),
  valid: z.boolean().describe('No problems: every row is (or would be) imported'),
  errors: z
    .array(
      z.object({ pointer: z.string(), location: z.string(), code: z.string(), detail: z.string() }),
    )
    .describe('Every problem; pointer /rows/<n> or /content'),
});

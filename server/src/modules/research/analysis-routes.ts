import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { policy } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import { requireWorkspace } from '../../http/auth.ts';
import { problems } from '../../http/route-schema.ts';
import {
  comparisonQuery,
  comparisonSchema,
  exportLogSchema,
  exportQuery,
  fileResponse,
  importWaveParams,
  waveImportBody,
  waveImportResultSchema,
} from './analysis-schema.ts';
import { getComparison } from './comparison-service.ts';
import {
  exportFiles,
  getExportLog,
  parseParticipantIds,
  runExport,
  type ExportKind,
} from './export-service.ts';
import { importWave } from './import-service.ts';
import { studyParams } from './schema.ts';

/** An earlier wave's file in base64 (XLSX or CSV) of up to about 11 MB. */
const IMPORT_BODY_LIMIT = 15 * 1024 * 1024;

/** Comparison of waves, the import of an earlier wave, exports and their log. */
export function analysisRoutes(app: FastifyInstance, ctx: AppContext, study: string): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Research'];
  const config = { policy: policy.workspace('research.conduct') };

  r.get(`${study}/comparison`, {
    config,
    schema: {
      tags,
      operationId: 'compareStudyWaves',
      summary: 'Per-item distributions per wave, paired change and attrition (pseudonyms only)',
      description:
        'Items are matched across waves by code. Every participant counts, whatever their export consent: the comparison stays within the team.',
      params: studyParams,
      querystring: comparisonQuery,
      response: { 200: comparisonSchema, ...problems() },
    },
    handler: (request) =>
      getComparison(
        ctx,
        request.actor,
        requireWorkspace(request).id,
        request.params.studyId,
        request.query,
      ),
  });

  r.post(`${study}/waves/:waveId/imports`, {
    config,
    bodyLimit: IMPORT_BODY_LIMIT,
    schema: {
      tags,
      operationId: 'importStudyWave',
      summary: 'Import an earlier wave from CSV or XLSX (all or nothing)',
      description:
        'Into a wave with source import that is not closed. Any problem: 400 listing all (pointer /rows/<n>, header = row 1; the detail names the column). Keys by email need the steward; unknown addresses become participants without consent. dryRun writes nothing (200).',
      params: importWaveParams,
      body: waveImportBody,
      response: { 200: waveImportResultSchema, 201: waveImportResultSchema, ...problems(409, 413) },
    },
    handler: async (request, reply) => {
      const { dryRun, ...result } = await importWave(
        ctx,
        request.actor,
        requireWorkspace(request).id,
        request.params.studyId,
        request.params.waveId,
        request.body,
      );
      return reply.code(dryRun ? 200 : 201).send(result);
    },
  });

  const files: [string, ExportKind, string][] = [
    [
      'answers.csv',
      'answers',
      'Tidy answers: pseudonym, wave, wave_date, item, value, value_label',
    ],
    ['wide.csv', 'wide', 'One row per pseudonym, a column <code>_w<n> per item and wave'],
    ['codebook.json', 'codebookJson', 'Waves, variables with value labels, qualitative codes'],
    ['codebook.md', 'codebookMd', 'The codebook as Markdown'],
    ['segments.csv', 'segments', 'Coded segments with their text'],
  ];
  for (const [name, kind, summary] of files)
    r.get(`${study}/exports/${name}`, {
      config,
      schema: {
        tags,
        operationId: `exportStudy${kind[0]!.toUpperCase()}${kind.slice(1)}`,
        summary: `${summary} (export; logged)`,
        description:
          'Participants whose current consent does not allow an export are left out and counted in the log. With participantIds, any of them not exportable: 409 listing their pseudonyms, nothing exported.',
        params: studyParams,
        querystring: exportQuery,
        response: { 200: fileResponse(summary, exportFiles[kind].type), ...problems(409) },
      },
      handler: async (request, reply) => {
        const participantIds = parseParticipantIds(request.query.participantIds);
        const [file] = await runExport(
          ctx,
          request.actor,
          requireWorkspace(request).id,
          request.params.studyId,
          [kind],
          { channel: 'api', participantIds },
        );
        return reply
          .header('Content-Type', file!.contentType)
          .header('Content-Disposition', `attachment; filename="${file!.filename}"`)
          .send(file!.body);
      },
    });

  r.get(`${study}/exports`, {
    config,
    schema: {
      tags,
      operationId: 'listStudyExports',
      summary: 'The export log of the study, newest first',
      params: studyParams,
      response: { 200: exportLogSchema, ...problems() },
    },
    handler: (request) =>
      getExportLog(ctx, request.actor, requireWorkspace(request).id, request.params.studyId),
  });
}

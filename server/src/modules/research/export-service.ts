import { newId } from '../../auth/crypto.ts';
import { nowIso, type Actor, type AppContext } from '../../context.ts';
import { decryptField } from '../../crypto/field-encryption.ts';
import type { Db } from '../../db/dialect.ts';
import type { ExportChannel } from '../../db/research-wave-types.ts';
import { badRequest, conflict, fieldError } from '../../http/problem.ts';
import { userIdOf } from '../activities/checks.ts';
import { audit } from '../audit/service.ts';
import { teamStudy } from './access.ts';
import {
  analysisAnswers,
  analysisCodes,
  analysisItems,
  analysisParticipants,
  analysisSegments,
  analysisWaves,
  insertExport,
  listExports,
} from './analysis-repo.ts';
import { itemOptions } from './comparison-service.ts';
import { consentStates, exportable } from './consent-rules.ts';
import {
  segmentsCsv,
  tidyCsv,
  wideCsv,
  type ExportAnswer,
  type ExportCode,
  type ExportItem,
  type ExportSegment,
  type ExportWave,
} from './export-build.ts';
import { buildCodebook, codebookMarkdown } from './export-codebook.ts';
import { answerValueOf } from './item-rules.ts';
import { consentEvents } from './participant-repo.ts';

// Exports of a study's data for analysis elsewhere: pseudonyms only, and only participants whose
// current consent allows an export (consent-rules.ts `exportable`): the others are left out and
// counted. Asking for named participants of whom one may not be exported is refused (409).
// Every export is a row in research_exports and an audit event, written in the transaction that
// reads (and decrypts) the data.

export const exportFiles = {
  answers: { file: 'answers.csv', type: 'text/csv; charset=utf-8', part: 'answers' },
  wide: { file: 'wide.csv', type: 'text/csv; charset=utf-8', part: 'wide' },
  codebookJson: {
    file: 'codebook.json',
    type: 'application/json; charset=utf-8',
    part: 'codebook',
  },
  codebookMd: { file: 'codebook.md', type: 'text/markdown; charset=utf-8', part: 'codebook' },
  segments: { file: 'segments.csv', type: 'text/csv; charset=utf-8', part: 'segments' },
} as const;
export type ExportKind = keyof typeof exportFiles;

export interface ExportFile {
  filename: string;
  contentType: string;
  body: string;
  rows: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `?participantIds=a,b`: ids, or every problem with them (400). */
export function parseParticipantIds(raw: string | undefined): string[] | undefined {
  if (raw === undefined) return undefined;
  const ids = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = ids.flatMap((id, i) =>
    UUID.test(id)
      ? []
      : [fieldError(`/participantIds/${i}`, 'invalid_id', 'Not a participant id.', 'query')],
  );
  if (!ids.length)
    bad.push(fieldError('/participantIds', 'required', 'Name at least one participant.', 'query'));
  if (bad.length) throw badRequest('validation_failed', 'The participant ids are not valid.', bad);
  return [...new Set(ids.map((i) => i.toLowerCase()))];
}

interface Scope {
  included: Map<string, string>;
  excluded: number;
}

/** Which participants an export holds: everyone in scope whose consent allows it. */
async function exportScope(db: Db, studyId: string, participantIds?: string[]): Promise<Scope> {
  const all = await analysisParticipants(db, studyId);
  const byId = new Map(all.map((p) => [p.id, p.pseudonym]));
  if (participantIds) {
    const unknown = participantIds.flatMap((id, i) =>
      byId.has(id)
        ? []
        : [
            fieldError(
              `/participantIds/${i}`,
              'unknown_participant',
              'No such participant in this study.',
              'query',
            ),
          ],
    );
    if (unknown.length) throw badRequest('validation_failed', 'Unknown participants.', unknown);
  }
  const scope = participantIds ?? all.map((p) => p.id);
  const events = await consentEvents(db, studyId, scope);
  const allowed = (id: string) =>
    exportable(consentStates(events.filter((e) => e.participant_id === id)));
  const refused = scope.filter((id) => !allowed(id));
  if (participantIds && refused.length) {
    const names = refused.map((id) => byId.get(id)!);
    throw conflict(
      'not_exportable',
      `Not exportable under their current consent: ${names.join(', ')}. Nothing was exported.`,
      refused.map((id) =>
        fieldError(
          `/participantIds/${participantIds.indexOf(id)}`,
          'not_exportable',
          `${byId.get(id)} has not given (or has withdrawn) consent for participation.`,
          'query',
        ),
      ),
    );
  }
  const included = new Map(scope.filter(allowed).map((id) => [id, byId.get(id)!]));
  return { included, excluded: refused.length };
}

export interface ExportData {
  studyTitle: string;
  waves: ExportWave[];
  items: ExportItem[];
  answers: ExportAnswer[];
  codes: ExportCode[];
  segments: ExportSegment[];
  /** Whether encrypted text was read (an audited read). */
  decrypted: boolean;
}

async function exportData(
  ctx: AppContext,
  db: Db,
  studyId: string,
  studyTitle: string,
  scope: Scope,
  need: { answers: boolean; segments: boolean },
): Promise<ExportData> {
  const keys = ctx.config.fieldEncryptionKeys;
  const [waves, itemRows, codes] = await Promise.all([
    analysisWaves(db, studyId),
    analysisItems(db, studyId),
    analysisCodes(db, studyId),
  ]);
  const items: ExportItem[] = itemRows.map((i) => ({
    id: i.id,
    waveId: i.wave_id,
    code: i.code,
    kind: i.kind,
    position: i.position,
    promptNl: i.prompt_nl,
    promptEn: i.prompt_en,
    options: itemOptions(i),
  }));
  const itemOf = new Map(items.map((i) => [i.id, i]));
  let decrypted = false;
  const answers: ExportAnswer[] = [];
  if (need.answers)
    for (const a of await analysisAnswers(db, studyId)) {
      const item = itemOf.get(a.item_id);
      if (!item || !scope.included.has(a.participant_id)) continue;
      let text: string | null = null;
      if (item.kind === 'text' && a.value_text_enc !== null) {
        text = decryptField(
          keys,
          { table: 'research_answers', column: 'value_text_enc', rowId: a.id },
          a.value_text_enc,
        );
        decrypted = true;
      }
      const value = answerValueOf(item, a, text);
      if (value !== null)
        answers.push({ waveId: a.wave_id, itemId: a.item_id, pseudonym: a.pseudonym, value });
    }
  const segments: ExportSegment[] = [];
  if (need.segments) {
    const texts = new Map<string, string>();
    for (const s of await analysisSegments(db, studyId)) {
      if (!scope.included.has(s.participant_id) || s.text_enc === null) continue;
      const key = `${s.source}:${s.source_id}`;
      let text = texts.get(key);
      if (text === undefined) {
        text = decryptField(
          keys,
          s.source === 'interview'
            ? { table: 'research_interviews', column: 'transcript_enc', rowId: s.source_id }
            : { table: 'research_answers', column: 'value_text_enc', rowId: s.source_id },
          s.text_enc,
        );
        texts.set(key, text);
        decrypted = true;
      }
      segments.push({
        pseudonym: s.pseudonym,
        waveId: s.wave_id,
        source: s.source,
        sourceId: s.source_id,
        codeId: s.code_id,
        start: s.start_offset,
        end: s.end_offset,
        text: text.slice(s.start_offset, s.end_offset),
      });
    }
  }
  return {
    studyTitle,
    waves: waves.map((w) => ({
      id: w.id,
      title: w.title,
      startsOn: w.starts_on,
      endsOn: w.ends_on,
      source: w.source,
    })),
    items,
    answers,
    codes: codes.map((c) => ({
      id: c.id,
      parentId: c.parent_id,
      name: c.name,
      definition: c.definition,
      position: c.position,
    })),
    segments,
    decrypted,
  };
}

/** One file of the export, built from the loaded data. */
export function buildFile(kind: ExportKind, d: ExportData, generatedAt: string): ExportFile {
  const f = exportFiles[kind];
  const built = (() => {
    switch (kind) {
      case 'answers':
        return tidyCsv(d.waves, d.items, d.answers);
      case 'wide':
        return wideCsv(d.waves, d.items, d.answers);
      case 'segments':
        return segmentsCsv(d.waves, d.codes, d.segments);
      case 'codebookJson':
      case 'codebookMd': {
        const c = buildCodebook(d.studyTitle, generatedAt, d.waves, d.items, d.codes);
        return {
          body: kind === 'codebookJson' ? `${JSON.stringify(c, null, 2)}\n` : codebookMarkdown(c),
          rows: c.variables.length,
        };
      }
    }
  })();
  return { filename: f.file, contentType: f.type, body: built.body, rows: built.rows };
}

interface RunOptions {
  channel: ExportChannel;
  participantIds?: string[] | undefined;
}

/**
 * Reads what the export needs, filtered by consent, builds the files, logs the export and
 * writes its audit events, all in one transaction. `kinds` with more than one file is the CLI's
 * directory, logged once as part `all`.
 */
export async function runExport(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  studyId: string,
  kinds: readonly ExportKind[],
  opts: RunOptions,
): Promise<ExportFile[]> {
  const { study } = await teamStudy(ctx.db, actor, workspaceId, studyId);
  return ctx.db.transaction().execute(async (trx) => {
    const scope = await exportScope(trx, studyId, opts.participantIds);
    const need = {
      answers: kinds.some((k) => k === 'answers' || k === 'wide'),
      segments: kinds.includes('segments'),
    };
    const data = await exportData(ctx, trx, studyId, study.title, scope, need);
    const now = nowIso(ctx);
    const files = kinds.map((k) => buildFile(k, data, now));
    const by = userIdOf(actor);
    await insertExport(trx, {
      id: newId(),
      study_id: studyId,
      channel: opts.channel,
      part: kinds.length === 1 ? exportFiles[kinds[0]!].part : 'all',
      participant_count: scope.included.size,
      excluded_count: scope.excluded,
      row_count: files.reduce((n, f) => n + f.rows, 0),
      user_id: by,
      created_at: now,
    });
    const event = {
      result: 'ok' as const,
      actorUserId: by,
      workspaceId,
      objectType: 'research_study',
      objectId: studyId,
    };
    await audit(ctx, { action: 'export', ...event }, trx);
    if (data.decrypted) await audit(ctx, { action: 'research.encrypted_read', ...event }, trx);
    return files;
  });
}

/** The export log of a study, newest first. */
export async function getExportLog(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  studyId: string,
) {
  await teamStudy(ctx.db, actor, workspaceId, studyId);
  const rows = await listExports(ctx.db, studyId);
  return {
    items: rows.map((r) => ({
      id: r.id,
      part: r.part,
      channel: r.channel,
      participantCount: Number(r.participant_count),
      excludedCount: Number(r.excluded_count),
      rowCount: Number(r.row_count),
      userName: r.display_name ?? null,
      createdAt: r.created_at,
    })),
  };
}

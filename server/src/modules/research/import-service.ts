import type { Insertable } from 'kysely';
import { newId } from '../../auth/crypto.ts';
import { nowIso, type Actor, type AppContext } from '../../context.ts';
import { encryptField, encryptOptional } from '../../crypto/field-encryption.ts';
import {
  freePseudonym,
  identityHash,
  pseudonymOf,
  studyPseudonymKey,
} from '../../crypto/research-pseudonyms.ts';
import type { Db } from '../../db/dialect.ts';
import type { ResearchAnswersTable } from '../../db/research-wave-types.ts';
import { conflict, fieldError, notFound } from '../../http/problem.ts';
import { invalid, userIdOf } from '../activities/checks.ts';
import { audit } from '../audit/service.ts';
import { readUpload } from '../exchange/sheet.ts';
import { stewardStudy, teamStudy } from './access.ts';
import { studyWorkspaces } from './study-repo.ts';
import {
  analysisItems,
  analysisParticipants,
  analysisWave,
  deleteAnswersOf,
  insertAnswers,
  insertImportRun,
  participantsByIdentity,
} from './analysis-repo.ts';
import type { WaveImportBody, WaveImportResult } from './analysis-schema.ts';
import { itemOptions } from './comparison-service.ts';
import { consentStates } from './consent-rules.ts';
import {
  consentEvents,
  insertParticipant,
  personsByEmail,
  pseudonymsStartingWith,
} from './participant-repo.ts';
import { participantKeys, planImport, type ImportMapping } from './wave-import.ts';

// Importing an earlier wave (e.g. a 2011 paper questionnaire typed into a spreadsheet) into a
// wave with source `import`: all or nothing. Rows keyed by pseudonym need the team; rows keyed by
// email identify people, so only the steward may use them: an external participant's address,
// or a carrier's contact or account email when that carrier takes part; an unknown address
// becomes a new external participant without consent (excluded from exports until the steward
// records it).
// A participant's earlier answers to the imported items of the wave are replaced, so an import
// can be corrected by importing the corrected file.

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function decodeCsv(base64: string): string | null {
  const compact = base64.replace(/\s+/g, '');
  if (!compact || compact.length % 4 !== 0 || !BASE64.test(compact)) return null;
  return Buffer.from(compact, 'base64').toString('utf8');
}

/** Known keys → participant id: pseudonyms as they are, emails through their identity hash. */
/**
 * No new data after a withdrawal: rows of participants whose participation consent is withdrawn
 * are refused, each by its row (400, nothing imported). Participants without any recorded
 * decision may be imported: an earlier wave's consent was often given on paper, and the steward
 * records it afterwards.
 */
async function assertNoWithdrawals(
  db: Db,
  studyId: string,
  rows: readonly { row: number; participantId: string | null }[],
): Promise<void> {
  const ids = [...new Set(rows.flatMap((r) => (r.participantId ? [r.participantId] : [])))];
  const events = await consentEvents(db, studyId, ids);
  const withdrawn = new Set(
    ids.filter(
      (id) =>
        consentStates(events.filter((e) => e.participant_id === id)).participation === 'withdrawn',
    ),
  );
  const errors = rows
    .filter((r) => r.participantId !== null && withdrawn.has(r.participantId))
    .map((r) =>
      fieldError(
        `/rows/${r.row}`,
        'consent_withdrawn',
        `Row ${r.row}: the participant withdrew from the study; no new answers are stored.`,
      ),
    );
  if (errors.length) throw invalid(errors);
}

async function knownParticipants(
  ctx: AppContext,
  db: Db,
  studyId: string,
  mapping: ImportMapping,
  keys: string[],
): Promise<{ ids: Map<string, string>; hashes: Map<string, Buffer> }> {
  if (mapping.participantKey === 'pseudonym') {
    const all = await analysisParticipants(db, studyId);
    return { ids: new Map(all.map((p) => [p.pseudonym, p.id])), hashes: new Map() };
  }
  const key = studyPseudonymKey(ctx.config.researchPseudonymKey, studyId);
  const hashes = new Map(keys.map((k) => [k, identityHash(key, { kind: 'external', email: k })]));
  const rows = await participantsByIdentity(
    db,
    studyId,
    [...hashes.values()].map((h) => h.toString('hex')),
  );
  const byHash = new Map(rows.map((r) => [r.identity_hash, r.id]));
  const ids = new Map<string, string>();
  for (const [k, h] of hashes) {
    const id = byHash.get(h.toString('hex'));
    if (id) ids.set(k, id);
  }
  for (const [k, id] of await carriersByEmail(
    db,
    studyId,
    key,
    keys.filter((k) => !ids.has(k)),
  ))
    ids.set(k, id);
  return { ids, hashes };
}

/**
 * Emails that name a carrier participant: a person of the study's workspaces whose contact or
 * account email it is, taking part as that carrier. An email that names two such participants
 * matches neither (it then becomes an external participant, as an unknown address does).
 */
async function carriersByEmail(db: Db, studyId: string, key: Buffer, emails: string[]) {
  const spans = (await studyWorkspaces(db, [studyId])).get(studyId) ?? [];
  const persons = await personsByEmail(db, spans, emails);
  const hashOf = new Map(
    persons.map((p) => [p.id, identityHash(key, { kind: 'actor', actorId: p.id }).toString('hex')]),
  );
  const participants = await participantsByIdentity(db, studyId, [...new Set(hashOf.values())]);
  const participantOf = new Map(participants.map((r) => [r.identity_hash, r.id]));
  const found = new Map<string, Set<string>>();
  for (const p of persons) {
    const id = participantOf.get(hashOf.get(p.id)!);
    if (id) found.set(p.email, (found.get(p.email) ?? new Set()).add(id));
  }
  return [...found].flatMap(([email, ids]) =>
    ids.size === 1 ? [[email, [...ids][0]!] as const] : [],
  );
}

export async function importWave(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  studyId: string,
  waveId: string,
  input: WaveImportBody,
): Promise<WaveImportResult & { dryRun: boolean }> {
  const { study } =
    input.participantKey === 'email'
      ? await stewardStudy(ctx.db, actor, workspaceId, studyId)
      : await teamStudy(ctx.db, actor, workspaceId, studyId);
  const wave = await analysisWave(ctx.db, studyId, waveId);
  if (!wave) throw notFound('No such wave in this study.');
  if (wave.source !== 'import')
    throw conflict('wave_not_import', 'Only a wave with source "import" takes an imported file.');
  if (wave.status === 'closed')
    throw conflict('wave_closed', 'The wave is closed: it takes no more answers.');
  const mapping: ImportMapping = {
    participantColumn: input.participantColumn,
    participantKey: input.participantKey,
    columns: input.columns,
  };

  const csv = input.format === 'csv' ? decodeCsv(input.contentBase64) : null;
  if (input.format === 'csv' && csv === null)
    throw invalid([
      fieldError('/contentBase64', 'invalid_base64', 'The content is not valid base64.'),
    ]);
  const sheet = await readUpload(input.format, csv ?? input.contentBase64);
  if (sheet.issues.length)
    throw invalid(
      sheet.issues.map((i) =>
        i.row === null
          ? fieldError('/contentBase64', i.code, i.detail)
          : fieldError(`/rows/${i.row}`, i.code, `Row ${i.row}: ${i.detail}`),
      ),
    );

  const items = (await analysisItems(ctx.db, studyId, waveId)).map((i) => ({
    id: i.id,
    code: i.code,
    kind: i.kind,
    options: itemOptions(i),
  }));
  const keys = participantKeys(sheet.rows, mapping);
  const known = await knownParticipants(ctx, ctx.db, studyId, mapping, keys);
  const plan = planImport(sheet.rows, mapping, items, known.ids);
  if (plan.errors.length) throw invalid(plan.errors);
  await assertNoWithdrawals(ctx.db, studyId, plan.rows);
  const toCreate = plan.rows.filter((r) => r.participantId === null);
  if (toCreate.length && study.status === 'closed')
    throw conflict('study_closed', 'A closed study takes no new participants.');
  const answerCount = plan.rows.reduce((n, r) => n + r.answers.length, 0);
  const result = {
    rows: plan.rows.length,
    answers: answerCount,
    participantsCreated: toCreate.length,
    mapping,
    dryRun: input.dryRun === true,
  };
  if (input.dryRun) return result;

  const keys_ = ctx.config.fieldEncryptionKeys;
  await ctx.db.transaction().execute(async (trx) => {
    // Again inside the transaction: a withdrawal recorded meanwhile stops the import too.
    await assertNoWithdrawals(trx, studyId, plan.rows);
    const now = nowIso(ctx);
    const by = userIdOf(actor);
    for (const r of toCreate) {
      const hash = known.hashes.get(r.key)!;
      const taken = await pseudonymsStartingWith(trx, studyId, pseudonymOf(hash));
      const id = newId();
      await insertParticipant(trx, {
        id,
        study_id: studyId,
        workspace_id: study.workspace_id,
        kind: 'external',
        actor_id: null,
        identity_hash: hash.toString('hex'),
        pseudonym: freePseudonym(hash, (c) => taken.has(c)),
        name_enc: null,
        email_enc: encryptOptional(
          keys_,
          { table: 'research_participants', column: 'email_enc', rowId: id },
          r.key,
        ),
        created_by: by,
        created_at: now,
      });
      r.participantId = id;
      await audit(
        ctx,
        {
          action: 'research.participant_added',
          result: 'ok',
          actorUserId: by,
          workspaceId,
          objectType: 'research_participant',
          objectId: id,
        },
        trx,
      );
    }
    const itemIds = [...new Set(Object.values(mapping.columns))].flatMap((code) =>
      items.filter((i) => i.code === code).map((i) => i.id),
    );
    await deleteAnswersOf(
      trx,
      waveId,
      plan.rows.map((r) => r.participantId!),
      itemIds,
    );
    const rows: Insertable<ResearchAnswersTable>[] = plan.rows.flatMap((r) =>
      r.answers.map((a) => {
        const id = newId();
        return {
          id,
          study_id: studyId,
          wave_id: waveId,
          participant_id: r.participantId!,
          item_id: a.itemId,
          value_number: a.stored.number,
          value_json: a.stored.json === null ? null : JSON.stringify(a.stored.json),
          value_text_enc:
            a.stored.text === null
              ? null
              : encryptField(
                  keys_,
                  { table: 'research_answers', column: 'value_text_enc', rowId: id },
                  a.stored.text,
                ),
          source: 'import' as const,
          created_at: now,
          updated_at: now,
        };
      }),
    );
    await insertAnswers(trx, rows);
    const runId = newId();
    await insertImportRun(trx, {
      id: runId,
      study_id: studyId,
      wave_id: waveId,
      format: input.format,
      row_count: plan.rows.length,
      answer_count: answerCount,
      mapping: JSON.stringify(mapping),
      created_by: by,
      created_at: now,
    });
    await audit(
      ctx,
      {
        action: 'import',
        result: 'ok',
        actorUserId: by,
        workspaceId,
        objectType: 'research_wave',
        objectId: waveId,
      },
      trx,
    );
  });
  return result;
}

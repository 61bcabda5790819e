import { deriveSizeClass } from '../actors/size-class.ts';
import { newId } from '../../auth/crypto.ts';
import { assertCan } from '../../auth/policy.ts';
import { nowIso, type Actor, type AppContext } from '../../context.ts';
import type { Db } from '../../db/dialect.ts';
import type { ActorKind, ActorsTable, TaxonomyKind, Visibility } from '../../db/types.ts';
import { badRequest, fieldError, type FieldError } from '../../http/problem.ts';
import { actorEntry } from '../records/entries.ts';
import { setRecordAreas, setRecordTerms, writeSearchEntry } from '../records/repo.ts';
import { sortKey } from '../records/tokens.ts';
import {
  checkActorRows,
  type ActorDraft,
  type CheckedFile,
  type ImportLookups,
  type RowProblem,
  type TermRef,
} from './actor-import.ts';
import type { ImportField } from './import-columns.ts';
import { matchKey } from './import-columns.ts';
import { actorNames, areaIdsByCode, insertActors, termsOfWorkspace } from './repo.ts';
import { readUpload, type ImportFormat } from './sheet.ts';

export interface ActorImportInput {
  format: ImportFormat;
  /** CSV text, or the XLSX file in base64. */
  content: string;
  dryRun?: boolean | undefined;
}

export interface ActorImportRowReport {
  row: number;
  name: string | null;
  kind: ActorKind | null;
  visibility: Visibility | null;
  outcome: 'would_create' | 'created' | 'error';
  actorId: string | null;
  errors: RowProblem[];
  warnings: RowProblem[];
}

export interface ActorImportReport {
  format: ImportFormat;
  delimiter: 'semicolon' | 'comma' | null;
  dryRun: boolean;
  columns: ImportField[];
  rows: ActorImportRowReport[];
  created: number;
  /** True when nothing is wrong: the import (or, for a dry run, the real one) writes every row. */
  valid: boolean;
  /** Every problem, as problem+json would list it: `/rows/<n>` (header = row 1) or `/content`. */
  errors: FieldError[];
}

async function lookupsOf(db: Db, workspaceId: string): Promise<ImportLookups> {
  const areaIdByCode = await areaIdsByCode(db, workspaceId);
  const terms: Record<TaxonomyKind, Map<string, TermRef>> = {
    domain: new Map(),
    target_group: new Map(),
  };
  const rows = await termsOfWorkspace(db, workspaceId);
  // Archived terms first, so a current term with the same label or slug wins.
  rows.sort((a, b) => Number(b.archived_at !== null) - Number(a.archived_at !== null));
  for (const t of rows) {
    const ref = { id: t.id, label: t.label_nl, archived: t.archived_at !== null };
    for (const k of [t.slug, t.label_nl, t.label_en]) terms[t.kind].set(matchKey(k), ref);
  }
  const existing = new Set(
    (await actorNames(db, workspaceId)).map((a) => `${a.kind}:${sortKey(a.name)}`),
  );
  return { areaIdByCode, terms, existing };
}

function errorsOf(checked: CheckedFile): FieldError[] {
  const out: FieldError[] = [];
  for (const i of checked.fileIssues)
    out.push(
      i.row === null
        ? fieldError('/content', i.code, i.detail)
        : fieldError(`/rows/${i.row}`, i.code, `Row ${i.row}: ${i.detail}`),
    );
  for (const r of checked.rows)
    for (const e of r.errors)
      out.push(
        fieldError(
          `/rows/${r.row}`,
          e.code,
          `Row ${r.row}${e.column ? `, column "${e.column}"` : ''}: ${e.detail}`,
        ),
      );
  const rowOf = (e: FieldError) => Number(e.pointer.split('/')[2] ?? 0);
  return out.sort((a, b) => rowOf(a) - rowOf(b));
}

function actorRow(ctx: AppContext, actor: Actor, workspaceId: string, d: ActorDraft): ActorsTable {
  const now = nowIso(ctx);
  return {
    id: newId(),
    workspace_id: workspaceId,
    kind: d.kind,
    name: d.name,
    carries: null,
    bio: d.bio,
    org_kind: d.orgKind,
    budget_band: null,
    staff_count: null,
    size_class_override: null,
    // No budget or staff in a sociale kaart: derived like any organisation (small until known).
    size_class:
      d.kind === 'organisation'
        ? deriveSizeClass({ budgetBand: null, staffCount: null, override: null })
        : null,
    kvk_number: d.kvkNumber,
    visibility: d.visibility,
    user_id: null,
    email: d.email,
    phone: d.phone,
    website: d.website,
    contact_preferences: null,
    consent_given_at: null,
    consent_text_version: null,
    consent_recorded_by: null,
    created_by: actor.kind === 'user' ? actor.userId : null,
    created_at: now,
    updated_at: now,
  };
}

/**
 * Imports actors from a sociale-kaart list (CSV or XLSX). All or nothing: any problem and nothing
 * is written (400 listing every problem); a dry run writes nothing and returns the report of what
 * the import would do, problems included. Every created actor gets its areas, domains, target
 * groups and search entry in the same transaction.
 */
export async function importActors(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  input: ActorImportInput,
): Promise<ActorImportReport> {
  assertCan(actor, 'directory.manage', workspaceId);
  const dryRun = input.dryRun === true;
  const sheet = await readUpload(input.format, input.content);

  const run = async (db: Db): Promise<ActorImportReport> => {
    const checked = checkActorRows(sheet, await lookupsOf(db, workspaceId));
    const errors = errorsOf(checked);
    if (errors.length && !dryRun) {
      const bad = checked.rows.filter((r) => r.errors.length).length;
      throw badRequest(
        'invalid_actor_file',
        `Nothing was imported: ${bad ? `${bad} row(s) have errors` : 'the file has errors'}.`,
        errors,
      );
    }
    const ids = new Map<number, string>();
    if (!dryRun) {
      const rows = checked.rows.flatMap((r) => {
        if (!r.draft) return [];
        const row = actorRow(ctx, actor, workspaceId, r.draft);
        ids.set(r.row, row.id);
        return [{ row, draft: r.draft }];
      });
      await insertActors(
        db,
        rows.map((r) => r.row),
      );
      for (const { row, draft } of rows) {
        await setRecordAreas(db, workspaceId, 'actor', row.id, draft.areaIds);
        await setRecordTerms(db, workspaceId, 'actor', row.id, draft.termIds);
        const { entry, texts } = actorEntry(row);
        await writeSearchEntry(db, entry, texts);
      }
    }
    return {
      format: input.format,
      delimiter: sheet.delimiter === null ? null : sheet.delimiter === ';' ? 'semicolon' : 'comma',
      dryRun,
      columns: checked.columns,
      rows: checked.rows.map((r) => ({
        row: r.row,
        name: r.name,
        kind: r.kind,
        visibility: r.visibility,
        outcome: r.draft ? (dryRun ? 'would_create' : 'created') : 'error',
        actorId: ids.get(r.row) ?? null,
        errors: r.errors,
        warnings: r.warnings,
      })),
      created: ids.size,
      valid: errors.length === 0,
      errors,
    };
  };
  return dryRun ? run(ctx.db) : ctx.db.transaction().execute(run);
}

import type { Db } from '../../db/dialect.ts';
import type { RecordType, SearchEntriesTable } from '../../db/types.ts';
import { tokenize } from './tokens.ts';
import { bumpDirectoryVersion } from './version.ts';

// Generic links of records to areas and taxonomy terms, and the directory's search index.
// Every function takes the workspace id and filters on it.

const CHUNK = 400;

export async function setRecordAreas(
  db: Db,
  workspaceId: string,
  recordType: RecordType,
  recordId: string,
  areaIds: readonly string[],
): Promise<void> {
  await bumpDirectoryVersion(db, workspaceId);
  await db
    .deleteFrom('record_areas')
    .where('workspace_id', '=', workspaceId)
    .where('record_type', '=', recordType)
    .where('record_id', '=', recordId)
    .execute();
  const unique = [...new Set(areaIds)];
  if (unique.length)
    await db
      .insertInto('record_areas')
      .values(
        unique.map((area_id) => ({
          workspace_id: workspaceId,
          record_type: recordType,
          record_id: recordId,
          area_id,
        })),
      )
      .execute();
}

export async function setRecordTerms(
  db: Db,
  workspaceId: string,
  recordType: RecordType,
  recordId: string,
  termIds: readonly string[],
): Promise<void> {
  await bumpDirectoryVersion(db, workspaceId);
  await db
    .deleteFrom('record_terms')
    .where('workspace_id', '=', workspaceId)
    .where('record_type', '=', recordType)
    .where('record_id', '=', recordId)
    .execute();
  const unique = [...new Set(termIds)];
  if (unique.length)
    await db
      .insertInto('record_terms')
      .values(
        unique.map((term_id) => ({
          workspace_id: workspaceId,
          record_type: recordType,
          record_id: recordId,
          term_id,
        })),
      )
      .execute();
}

/** Area ids per record, for many records at once. */
export async function areasOf(
  db: Db,
  workspaceId: string,
  recordType: RecordType,
  recordIds: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (let i = 0; i < recordIds.length; i += CHUNK) {
    const rows = await db
      .selectFrom('record_areas')
      .select(['record_id', 'area_id'])
      .where('workspace_id', '=', workspaceId)
      .where('record_type', '=', recordType)
      .where('record_id', 'in', recordIds.slice(i, i + CHUNK))
      .orderBy('area_id')
      .execute();
    for (const r of rows) out.set(r.record_id, [...(out.get(r.record_id) ?? []), r.area_id]);
  }
  return out;
}

/** Term ids per record, for many records at once. */
export async function termsOf(
  db: Db,
  workspaceId: string,
  recordType: RecordType,
  recordIds: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (let i = 0; i < recordIds.length; i += CHUNK) {
    const rows = await db
      .selectFrom('record_terms')
      .select(['record_id', 'term_id'])
      .where('workspace_id', '=', workspaceId)
      .where('record_type', '=', recordType)
      .where('record_id', 'in', recordIds.slice(i, i + CHUNK))
      .orderBy('term_id')
      .execute();
    for (const r of rows) out.set(r.record_id, [...(out.get(r.record_id) ?? []), r.term_id]);
  }
  return out;
}

/** Which of the ids are areas of the workspace. */
export async function knownAreaIds(
  db: Db,
  workspaceId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db
    .selectFrom('areas')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Kind of each id that is a (non-archived or archived) taxonomy term of the workspace. */
export async function knownTerms(
  db: Db,
  workspaceId: string,
  ids: readonly string[],
): Promise<Map<string, { kind: string; archived: boolean }>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('taxonomy_terms')
    .select(['id', 'kind', 'archived_at'])
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, { kind: r.kind, archived: r.archived_at !== null }]));
}

/** Replaces a record's search entry and tokens. `texts` are all words that should find it. */
export async function writeSearchEntry(
  db: Db,
  entry: SearchEntriesTable,
  texts: readonly (string | null | undefined)[],
): Promise<void> {
  await deleteSearchEntry(db, entry.workspace_id, entry.record_type, entry.record_id);
  await db.insertInto('search_entries').values(entry).execute();
  const tokens = tokenize(texts.filter(Boolean).join(' '));
  for (let i = 0; i < tokens.length; i += CHUNK) {
    await db
      .insertInto('search_tokens')
      .values(
        tokens.slice(i, i + CHUNK).map((token) => ({
          workspace_id: entry.workspace_id,
          token,
          record_type: entry.record_type,
          record_id: entry.record_id,
        })),
      )
      .execute();
  }
}

/** Removes a record's search entry, tokens and area/term links (call when deleting the record). */
export async function deleteSearchEntry(
  db: Db,
  workspaceId: string,
  recordType: RecordType,
  recordId: string,
): Promise<void> {
  await bumpDirectoryVersion(db, workspaceId);
  await db
    .deleteFrom('search_tokens')
    .where('record_type', '=', recordType)
    .where('record_id', '=', recordId)
    .where('workspace_id', '=', workspaceId)
    .execute();
  await db
    .deleteFrom('search_entries')
    .where('record_type', '=', recordType)
    .where('record_id', '=', recordId)
    .where('workspace_id', '=', workspaceId)
    .execute();
}

export async function deleteRecordLinks(
  db: Db,
  workspaceId: string,
  recordType: RecordType,
  recordId: string,
): Promise<void> {
  await setRecordAreas(db, workspaceId, recordType, recordId, []);
  await setRecordTerms(db, workspaceId, recordType, recordId, []);
  await deleteSearchEntry(db, workspaceId, recordType, recordId);
}

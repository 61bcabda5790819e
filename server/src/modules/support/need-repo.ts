import type { Db } from '../../db/dialect.ts';
import type {
  NeedStatus,
  SupportNeedsTable,
  SupportType,
  Urgency,
  Visibility,
} from '../../db/types.ts';

// Needs with their terms. Every query filters on the workspace.

const CHUNK = 400;
const unique = <T>(xs: readonly T[]) => [...new Set(xs)];

export async function insertNeed(db: Db, row: SupportNeedsTable): Promise<void> {
  await db.insertInto('support_needs').values(row).execute();
}

export async function updateNeed(
  db: Db,
  workspaceId: string,
  id: string,
  set: Partial<Omit<SupportNeedsTable, 'id' | 'workspace_id' | 'created_at'>>,
): Promise<void> {
  await db
    .updateTable('support_needs')
    .set(set)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

export async function deleteNeed(db: Db, workspaceId: string, id: string): Promise<void> {
  await db
    .deleteFrom('support_needs')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

export const findNeed = (db: Db, workspaceId: string, id: string) =>
  db
    .selectFrom('support_needs')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();

export async function setNeedTerms(
  db: Db,
  workspaceId: string,
  needId: string,
  termIds: readonly string[],
): Promise<void> {
  await db
    .deleteFrom('support_need_terms')
    .where('workspace_id', '=', workspaceId)
    .where('need_id', '=', needId)
    .execute();
  if (termIds.length)
    await db
      .insertInto('support_need_terms')
      .values(
        unique(termIds).map((term_id) => ({ workspace_id: workspaceId, need_id: needId, term_id })),
      )
      .execute();
}

/** Terms per need. */
export async function needTerms(db: Db, workspaceId: string, ids: readonly string[]) {
  const out = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db
      .selectFrom('support_need_terms')
      .select(['need_id', 'term_id'])
      .where('workspace_id', '=', workspaceId)
      .where('need_id', 'in', ids.slice(i, i + CHUNK))
      .orderBy('term_id')
      .execute();
    for (const r of rows) out.get(r.need_id)?.push(r.term_id);
  }
  return out;
}

export interface NeedFilter {
  type?: SupportType | undefined;
  requesterId?: string | undefined;
  areaId?: string | undefined;
  urgency?: Urgency | undefined;
  status?: NeedStatus | undefined;
  /** Visibilities seen regardless of ownership. */
  levels: readonly Visibility[];
  /** Also the needs of this user's own carrier, whatever their visibility. */
  ownerUserId: string | null;
  /** Only the needs of this user's own carrier. */
  onlyOwnerUserId?: string | undefined;
}

function needQuery(db: Db, workspaceId: string, f: NeedFilter) {
  let q = db
    .selectFrom('support_needs')
    .innerJoin('actors', 'actors.id', 'support_needs.requester_id')
    .where('support_needs.workspace_id', '=', workspaceId)
    .where('actors.workspace_id', '=', workspaceId);
  const owner = f.ownerUserId;
  q = q.where((eb) =>
    owner
      ? eb.or([
          eb('support_needs.visibility', 'in', [...f.levels]),
          eb('actors.user_id', '=', owner),
        ])
      : eb('support_needs.visibility', 'in', [...f.levels]),
  );
  if (f.onlyOwnerUserId) q = q.where('actors.user_id', '=', f.onlyOwnerUserId);
  if (f.type) q = q.where('support_needs.type', '=', f.type);
  if (f.requesterId) q = q.where('support_needs.requester_id', '=', f.requesterId);
  if (f.areaId) q = q.where('support_needs.area_id', '=', f.areaId);
  if (f.urgency) q = q.where('support_needs.urgency', '=', f.urgency);
  if (f.status) q = q.where('support_needs.status', '=', f.status);
  return q;
}

/** A page of needs, newest first. */
export async function listNeeds(
  db: Db,
  workspaceId: string,
  f: NeedFilter,
  offset: number,
  limit: number,
) {
  const base = needQuery(db, workspaceId, f);
  const [rows, total] = await Promise.all([
    base
      .selectAll('support_needs')
      .orderBy('support_needs.created_at', 'desc')
      .orderBy('support_needs.id')
      .offset(offset)
      .limit(limit)
      .execute(),
    base.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** Every open need of a type (matching candidates for an offer's editors). */
export const openNeedsOfType = (db: Db, workspaceId: string, type: SupportType) =>
  db
    .selectFrom('support_needs')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('type', '=', type)
    .where('status', '=', 'open')
    .orderBy('id')
    .execute();

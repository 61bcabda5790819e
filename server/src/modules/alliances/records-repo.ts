import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../db/dialect.ts';
import type {
  AllianceAgreementsTable,
  AllianceContributionsTable,
  AllianceLogTable,
} from '../../db/types.ts';

// An alliance's charter versions (with their areas and domains), contributions and log. Kysely
// only; every query filters on the workspace and the alliance. Charter versions are only ever
// inserted.

const unique = <T>(xs: readonly T[]) => [...new Set(xs)];

export type AgreementRow = Selectable<AllianceAgreementsTable>;
export type ContributionRow = Selectable<AllianceContributionsTable>;
export type LogRow = Selectable<AllianceLogTable>;
export type NewContribution = Insertable<AllianceContributionsTable>;

const count = (n: { n: string | number } | undefined) => Number(n?.n ?? 0);

export async function insertAgreement(
  db: Db,
  row: Insertable<AllianceAgreementsTable>,
  areaIds: readonly string[],
  domainIds: readonly string[],
): Promise<void> {
  await db.insertInto('alliance_agreements').values(row).execute();
  const base = { workspace_id: row.workspace_id, agreement_id: row.id };
  if (areaIds.length)
    await db
      .insertInto('alliance_agreement_areas')
      .values(unique(areaIds).map((area_id) => ({ ...base, area_id })))
      .execute();
  if (domainIds.length)
    await db
      .insertInto('alliance_agreement_domains')
      .values(unique(domainIds).map((term_id) => ({ ...base, term_id })))
      .execute();
}

/** The highest charter version of the alliance, 0 when it has none. */
export async function latestVersion(db: Db, workspaceId: string, allianceId: string) {
  const row = await db
    .selectFrom('alliance_agreements')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('workspace_id', '=', workspaceId)
    .where('alliance_id', '=', allianceId)
    .executeTakeFirst();
  return Number(row?.v ?? 0);
}

/** A page of charter versions, newest first. */
export async function listAgreements(
  db: Db,
  workspaceId: string,
  allianceId: string,
  offset: number,
  limit: number,
) {
  const base = db
    .selectFrom('alliance_agreements')
    .where('workspace_id', '=', workspaceId)
    .where('alliance_id', '=', allianceId);
  const [rows, total] = await Promise.all([
    base.selectAll().orderBy('version', 'desc').offset(offset).limit(limit).execute(),
    base.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirst(),
  ]);
  return { rows, total: count(total) };
}

/** Areas and domains per charter version. */
export async function agreementLinks(db: Db, workspaceId: string, ids: readonly string[]) {
  const out = new Map(
    ids.map((id) => [id, { areaIds: [] as string[], domainIds: [] as string[] }]),
  );
  if (!ids.length) return out;
  const [areas, terms] = await Promise.all([
    db
      .selectFrom('alliance_agreement_areas')
      .select(['agreement_id', 'area_id'])
      .where('workspace_id', '=', workspaceId)
      .where('agreement_id', 'in', [...ids])
      .orderBy('area_id')
      .execute(),
    db
      .selectFrom('alliance_agreement_domains')
      .select(['agreement_id', 'term_id'])
      .where('workspace_id', '=', workspaceId)
      .where('agreement_id', 'in', [...ids])
      .orderBy('term_id')
      .execute(),
  ]);
  for (const a of areas) out.get(a.agreement_id)?.areaIds.push(a.area_id);
  for (const t of terms) out.get(t.agreement_id)?.domainIds.push(t.term_id);
  return out;
}

export async function insertContributions(db: Db, rows: readonly NewContribution[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 100)
    await db
      .insertInto('alliance_contributions')
      .values(rows.slice(i, i + 100))
      .execute();
}

export const findContribution = (db: Db, workspaceId: string, allianceId: string, id: string) =>
  db
    .selectFrom('alliance_contributions')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('alliance_id', '=', allianceId)
    .where('id', '=', id)
    .executeTakeFirst();

export async function deleteContribution(
  db: Db,
  workspaceId: string,
  allianceId: string,
  id: string,
) {
  await db
    .deleteFrom('alliance_contributions')
    .where('workspace_id', '=', workspaceId)
    .where('alliance_id', '=', allianceId)
    .where('id', '=', id)
    .execute();
}

export interface ContributionFilter {
  memberId?: string | undefined;
  period?: string | undefined;
}

/** A page of contributions, latest period first. */
export async function listContributions(
  db: Db,
  workspaceId: string,
  allianceId: string,
  f: ContributionFilter,
  offset: number,
  limit: number,
) {
  let base = db
    .selectFrom('alliance_contributions')
    .where('workspace_id', '=', workspaceId)
    .where('alliance_id', '=', allianceId);
  if (f.memberId) base = base.where('member_id', '=', f.memberId);
  if (f.period) base = base.where('period', '=', f.period);
  const [rows, total] = await Promise.all([
    base
      .selectAll()
      .orderBy('period', 'desc')
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .offset(offset)
      .limit(limit)
      .execute(),
    base.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirst(),
  ]);
  return { rows, total: count(total) };
}

/** Every contribution of the alliance (totals and the balance index), by period. */
export const allContributions = (db: Db, workspaceId: string, allianceId: string) =>
  db
    .selectFrom('alliance_contributions')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('alliance_id', '=', allianceId)
    .orderBy('period')
    .orderBy('id')
    .execute();

export async function insertLogEntries(
  db: Db,
  rows: readonly Insertable<AllianceLogTable>[],
): Promise<void> {
  if (rows.length)
    await db
      .insertInto('alliance_log')
      .values([...rows])
      .execute();
}

/** A page of the log, newest first. */
export async function listLog(
  db: Db,
  workspaceId: string,
  allianceId: string,
  offset: number,
  limit: number,
) {
  const base = db
    .selectFrom('alliance_log')
    .where('workspace_id', '=', workspaceId)
    .where('alliance_id', '=', allianceId);
  const [rows, total] = await Promise.all([
    base
      .selectAll()
      .orderBy('date', 'desc')
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .offset(offset)
      .limit(limit)
      .execute(),
    base.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirst(),
  ]);
  return { rows, total: count(total) };
}

import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../../db/dialect.ts';
import type { Database } from '../../db/types.ts';

// Reads behind the recipients of commitments that are not actors: initiatives (their carriers act
// for them) and alliances (their current members see, their leads act). Every query filters on
// the workspace.

const CHUNK = 400;

export const findAlliance = (db: Db, workspaceId: string, id: string) =>
  db
    .selectFrom('alliances')
    .select(['id', 'name', 'status'])
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();

/** Names of initiatives or alliances by id (missing ids are absent). */
export async function groupNames(
  db: Db,
  workspaceId: string,
  table: 'initiatives' | 'alliances',
  ids: readonly string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const rows = await db
      .selectFrom(table)
      .select(['id', 'name'])
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', unique.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) out.set(r.id, r.name);
  }
  return out;
}

/** The accounts linked to the carriers of an initiative (who act for it as a recipient). */
export const initiativeCarrierUsers = async (db: Db, workspaceId: string, initiativeId: string) =>
  (
    await db
      .selectFrom('initiative_participants as p')
      .innerJoin('actors as a', 'a.id', 'p.actor_id')
      .select('a.user_id')
      .where('p.workspace_id', '=', workspaceId)
      .where('p.initiative_id', '=', initiativeId)
      .where('p.role', '=', 'carrier')
      .where('a.user_id', 'is not', null)
      .execute()
  ).map((r) => r.user_id!);

/** The accounts linked to the alliance's members on `asOf`, with their role. */
export const allianceMemberUsers = async (
  db: Db,
  workspaceId: string,
  allianceId: string,
  asOf: string,
) =>
  (
    await db
      .selectFrom('alliance_members as m')
      .innerJoin('actors as a', 'a.id', 'm.actor_id')
      .select(['a.user_id', 'm.role'])
      .where('m.workspace_id', '=', workspaceId)
      .where('m.alliance_id', '=', allianceId)
      .where((eb) => eb.or([eb('m.end_date', 'is', null), eb('m.end_date', '>=', asOf)]))
      .where('a.user_id', 'is not', null)
      .execute()
  ).map((r) => ({ userId: r.user_id!, role: r.role }));

type CommitmentEb = ExpressionBuilder<Database & { c: Database['support_commitments'] }, 'c'>;

/**
 * The commitments a member (not a coordinator) sees: to the carrier linked to their account, to
 * an initiative that carrier carries, or to an alliance it is a member of on `asOf`.
 */
export const seenByUser = (eb: CommitmentEb, userId: string, asOf: string) =>
  eb.or([
    eb.and([
      eb('c.recipient_type', '=', 'actor'),
      eb.exists(
        eb
          .selectFrom('actors as ra')
          .select('ra.id')
          .whereRef('ra.id', '=', 'c.recipient_id')
          .where('ra.user_id', '=', userId),
      ),
    ]),
    eb.and([
      eb('c.recipient_type', '=', 'initiative'),
      eb.exists(
        eb
          .selectFrom('initiative_participants as rp')
          .innerJoin('actors as rpa', 'rpa.id', 'rp.actor_id')
          .select('rp.actor_id')
          .whereRef('rp.initiative_id', '=', 'c.recipient_initiative_id')
          .where('rp.role', '=', 'carrier')
          .where('rpa.user_id', '=', userId),
      ),
    ]),
    eb.and([
      eb('c.recipient_type', '=', 'alliance'),
      eb.exists(
        eb
          .selectFrom('alliance_members as rm')
          .innerJoin('actors as rma', 'rma.id', 'rm.actor_id')
          .select('rm.actor_id')
          .whereRef('rm.alliance_id', '=', 'c.recipient_alliance_id')
          .where((w) => w.or([w('rm.end_date', 'is', null), w('rm.end_date', '>=', asOf)]))
          .where('rma.user_id', '=', userId),
      ),
    ]),
  ]);

/** Where an actor belongs as a carrier of an initiative or a member of an alliance, with dates. */
export async function groupsOfActor(db: Db, workspaceId: string, actorId: string) {
  const initiatives = await db
    .selectFrom('initiative_participants as p')
    .innerJoin('initiatives as i', 'i.id', 'p.initiative_id')
    .select([
      'i.id',
      'i.start_date as i_start',
      'i.end_date as i_end',
      'p.start_date',
      'p.end_date',
    ])
    .where('p.workspace_id', '=', workspaceId)
    .where('p.actor_id', '=', actorId)
    .where('p.role', '=', 'carrier')
    .orderBy('i.id')
    .execute();
  const alliances = await db
    .selectFrom('alliance_members')
    .select(['alliance_id', 'start_date', 'end_date'])
    .where('workspace_id', '=', workspaceId)
    .where('actor_id', '=', actorId)
    .orderBy('alliance_id')
    .execute();
  return { initiatives, alliances };
}

/** Commitments (not cancelled) to any of these actors, initiatives or alliances. */
export const heldCommitmentsOfAny = (
  db: Db,
  workspaceId: string,
  ids: { actors: string[]; initiatives: string[]; alliances: string[] },
) =>
  db
    .selectFrom('support_commitments')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('status', '!=', 'cancelled')
    .where((eb) =>
      eb.or([
        eb('recipient_id', 'in', ids.actors.length ? ids.actors : ['-']),
        eb('recipient_initiative_id', 'in', ids.initiatives.length ? ids.initiatives : ['-']),
        eb('recipient_alliance_id', 'in', ids.alliances.length ? ids.alliances : ['-']),
      ]),
    )
    .orderBy('start_date')
    .orderBy('id')
    .execute();

/** The first initiatives or alliances of the workspace by name (demo data picks from them). */
export const firstGroups = (
  db: Db,
  workspaceId: string,
  table: 'initiatives' | 'alliances',
  limit: number,
) =>
  db
    .selectFrom(table)
    .select(['id', 'name'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('name')
    .orderBy('id')
    .limit(limit)
    .execute();

import { assertCan, can } from '../../auth/policy.ts';
import type { Actor, AppContext } from '../../context.ts';
import type { RecordType } from '../../db/types.ts';
import type { Db } from '../../db/dialect.ts';
import { notFound } from '../../http/problem.ts';
import { viewerOf, visibleLevels } from '../records/visibility.ts';
import { delimiters, type DelimiterName } from './csv.ts';
import { activitiesCsv, actorsCsv, type Links } from './csv-export.ts';
import { toHsds, type HsdsPage } from './hsds.ts';
import {
  activitiesForExport,
  activitiesOfActors,
  actorsForExport,
  areasOfRecords,
  countPublicOrganisations,
  listPublicOrganisations,
  organisationsOfPersons,
  termsOfRecords,
  workspaceName,
} from './repo.ts';

export const today = (ctx: AppContext): string => ctx.clock.now().toISOString().slice(0, 10);

async function requireWorkspaceName(ctx: AppContext, workspaceId: string): Promise<string> {
  const name = await workspaceName(ctx.db, workspaceId);
  if (name === undefined) throw notFound('No such workspace.');
  return name;
}

/**
 * HSDS 3.0 of the workspace's public organisations with their activities as services (see
 * hsds.ts). Public records only, whoever asks. Without `page` every organisation is in one page.
 */
export async function exportHsds(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  page?: { page: number; pageSize: number },
): Promise<HsdsPage> {
  assertCan(actor, 'directory.read', workspaceId);
  const name = await requireWorkspaceName(ctx, workspaceId);
  const total = await countPublicOrganisations(ctx.db, workspaceId);
  const orgs = await listPublicOrganisations(
    ctx.db,
    workspaceId,
    page && { offset: (page.page - 1) * page.pageSize, limit: page.pageSize },
  );
  const orgIds = orgs.map((o) => o.id);
  const activities = await activitiesOfActors(ctx.db, workspaceId, orgIds);
  const activityIds = activities.map((a) => a.id);
  const activitiesOf = new Map<string, typeof activities>();
  for (const a of activities) {
    const list = activitiesOf.get(a.actor_id);
    if (list) list.push(a);
    else activitiesOf.set(a.actor_id, [a]);
  }
  const [orgAreas, orgTerms, actAreas, actTerms] = await Promise.all([
    areasOfRecords(ctx.db, workspaceId, 'actor', orgIds),
    termsOfRecords(ctx.db, workspaceId, 'actor', orgIds),
    areasOfRecords(ctx.db, workspaceId, 'activity', activityIds),
    termsOfRecords(ctx.db, workspaceId, 'activity', activityIds),
  ]);
  return toHsds({
    workspace: { id: workspaceId, name },
    today: today(ctx),
    page: {
      number: page?.page ?? 1,
      pageSize: page?.pageSize ?? Math.max(1, total),
      totalItems: total,
    },
    organisations: orgs.map((o) => ({
      id: o.id,
      name: o.name,
      bio: o.bio,
      website: o.website,
      kvkNumber: o.kvk_number,
      areas: orgAreas.get(o.id) ?? [],
      terms: orgTerms.get(o.id) ?? [],
      activities: (activitiesOf.get(o.id) ?? []).map((a) => ({
        id: a.id,
        title: a.title,
        description: a.description,
        endDate: a.end_date,
        updatedAt: a.updated_at,
        areas: actAreas.get(a.id) ?? [],
        terms: actTerms.get(a.id) ?? [],
      })),
    })),
  });
}

/** Area codes, domain labels and target group labels of every record of a type. */
async function linksOf(db: Db, workspaceId: string, type: RecordType): Promise<Links> {
  const [areas, terms] = await Promise.all([
    areasOfRecords(db, workspaceId, type),
    termsOfRecords(db, workspaceId, type),
  ]);
  const labels = (kind: string) =>
    new Map(
      [...terms].map(([id, ts]) => [id, ts.filter((t) => t.kind === kind).map((t) => t.labelNl)]),
    );
  return {
    areaCodes: new Map([...areas].map(([id, as]) => [id, [...new Set(as.map((a) => a.code))]])),
    domains: labels('domain'),
    targetGroups: labels('target_group'),
  };
}

export interface CsvExport {
  /** The file name suggested in Content-Disposition. */
  filename: string;
  body: string;
}

/**
 * Records the caller may see as a workspace member: workspace and public ones; private records
 * (persons without consent) only for coordinators and admins, who also get organisations' email
 * and phone. Persons' contact details are never exported.
 */
export async function exportActorsCsv(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  opts: { delimiter: DelimiterName; slug: string },
): Promise<CsvExport> {
  assertCan(actor, 'directory.export', workspaceId);
  const levels = visibleLevels(viewerOf(actor, workspaceId));
  const day = today(ctx);
  const [actors, links, organisations] = await Promise.all([
    actorsForExport(ctx.db, workspaceId, levels),
    linksOf(ctx.db, workspaceId, 'actor'),
    organisationsOfPersons(ctx.db, workspaceId, levels, day),
  ]);
  return {
    filename: `wijkdragers-${opts.slug}-actors-${day}.csv`,
    body: actorsCsv(actors, links, organisations, {
      delimiter: delimiters[opts.delimiter],
      orgContact: can(actor, 'directory.manage', workspaceId),
    }),
  };
}

export async function exportActivitiesCsv(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  opts: { delimiter: DelimiterName; slug: string },
): Promise<CsvExport> {
  assertCan(actor, 'directory.export', workspaceId);
  const levels = visibleLevels(viewerOf(actor, workspaceId));
  const day = today(ctx);
  const [activities, links] = await Promise.all([
    activitiesForExport(ctx.db, workspaceId, levels),
    linksOf(ctx.db, workspaceId, 'activity'),
  ]);
  return {
    filename: `wijkdragers-${opts.slug}-activities-${day}.csv`,
    body: activitiesCsv(activities, links, {
      delimiter: delimiters[opts.delimiter],
      today: day,
      seesInitiative: (v) => levels.includes(v),
    }),
  };
}

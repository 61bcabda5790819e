import { z } from 'zod';
import { assertCan } from '../../auth/policy.ts';
import type { Actor, AppContext } from '../../context.ts';
import { achievementTypes, initiativeStatuses } from '../../db/types.ts';
import { notFound } from '../../http/problem.ts';
import { uuid, workspaceParams } from '../../http/route-schema.ts';
import { viewerOf } from '../records/visibility.ts';
import { seesActor } from '../activities/checks.ts';
import { nullableDateOut } from '../activities/schema.ts';
import { affiliationsOf, findActor, visibleInitiatives } from '../activities/refs-repo.ts';
import { activitiesOf } from '../activities/repo.ts';
import { achievementsOf } from './achievements-repo.ts';
import { participationsOf } from './repo.ts';

// A carrier's history across initiatives and years: projects end, the carrier's history stays.

export const trackRecordKinds = ['activity', 'initiative', 'achievement', 'affiliation'] as const;

export const trackItemSchema = z.object({
  kind: z.enum(trackRecordKinds),
  id: z.string().describe('Id of the activity, initiative, achievement or affiliation'),
  title: z.string().describe('Its title; for an affiliation the other party'),
  role: z.string().nullable().describe('Initiatives: carrier or partner; affiliations: the role'),
  type: z.enum(achievementTypes).nullable().describe('Achievements: result, award, press, thanks'),
  status: z.enum(initiativeStatuses).nullable().describe('Initiatives: planned, active, ended'),
  startDate: nullableDateOut.describe('YYYY-MM-DD; achievements: when it happened'),
  endDate: nullableDateOut,
  initiativeId: z.string().nullable(),
  initiativeName: z.string().nullable(),
  relatedActorId: z.string().nullable().describe('Affiliations: the other person or organisation'),
});

export const trackRecordSchema = z.object({
  items: z.array(trackItemSchema).describe('Newest start first, then by id; undated items last'),
});

export const trackRecordParams = workspaceParams.extend({ actorId: uuid.describe('Actor id') });

export type TrackItem = z.infer<typeof trackItemSchema>;

const blank = {
  role: null,
  type: null,
  status: null,
  endDate: null,
  initiativeId: null,
  initiativeName: null,
  relatedActorId: null,
} as const;

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Newest start first (undated last), then id, kind and role: the same order on every dialect. */
export function orderTrackRecord(items: readonly TrackItem[]): TrackItem[] {
  return [...items].sort((a, b) => {
    if (a.startDate !== b.startDate) {
      if (a.startDate === null) return 1;
      if (b.startDate === null) return -1;
      return cmp(b.startDate, a.startDate);
    }
    return cmp(a.id, b.id) || cmp(a.kind, b.kind) || cmp(a.role ?? '', b.role ?? '');
  });
}

export async function getTrackRecord(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  actorId: string,
): Promise<{ items: TrackItem[] }> {
  assertCan(actor, 'directory.read', workspaceId);
  const viewer = viewerOf(actor, workspaceId);
  const db = ctx.db;
  const target = await findActor(db, workspaceId, actorId);
  if (!target || !seesActor(viewer, target)) throw notFound('No such actor.');

  const participations = await participationsOf(db, workspaceId, actorId);
  const activities = await activitiesOf(db, workspaceId, viewer, { actorIds: [actorId] });
  const achievements = await achievementsOf(db, workspaceId, viewer, { actorId });
  const affiliations = await affiliationsOf(db, workspaceId, actorId);
  const initiatives = await visibleInitiatives(db, workspaceId, viewer, [
    ...participations.map((p) => p.id),
    ...activities.map((a) => a.initiative_id),
    ...achievements.map((a) => a.initiative_id),
  ]);
  const initiative = (id: string | null) => {
    const name = id ? initiatives.get(id) : undefined;
    return name === undefined ? {} : { initiativeId: id, initiativeName: name };
  };

  const items: TrackItem[] = [
    ...participations
      .filter((p) => initiatives.has(p.id))
      .map((p) => ({
        ...blank,
        kind: 'initiative' as const,
        id: p.id,
        title: p.name,
        role: p.role,
        status: p.status,
        startDate: p.start_date ?? p.initiative_start,
        endDate: p.end_date ?? p.initiative_end,
        ...initiative(p.id),
      })),
    ...activities.map((a) => ({
      ...blank,
      kind: 'activity' as const,
      id: a.id,
      title: a.title,
      startDate: a.start_date,
      endDate: a.end_date,
      ...initiative(a.initiative_id),
    })),
    ...achievements.map((a) => ({
      ...blank,
      kind: 'achievement' as const,
      id: a.id,
      title: a.title,
      type: a.type,
      startDate: a.occurred_on,
      ...initiative(a.initiative_id),
    })),
    ...affiliations.flatMap((f) => {
      const asPerson = f.person_id === actorId;
      const other = asPerson
        ? {
            id: f.organisation_id,
            name: f.org_name,
            visibility: f.org_visibility,
            user_id: f.org_user_id,
          }
        : {
            id: f.person_id,
            name: f.person_name,
            visibility: f.person_visibility,
            user_id: f.person_user_id,
          };
      if (!seesActor(viewer, other)) return [];
      return [
        {
          ...blank,
          kind: 'affiliation' as const,
          id: f.id,
          title: other.name,
          role: f.role,
          startDate: f.start_date,
          endDate: f.end_date,
          relatedActorId: other.id,
        },
      ];
    }),
  ];
  return { items: orderTrackRecord(items) };
}

import { newId } from '../../auth/crypto.ts';
import type { TestApp } from '../../../test/harness.ts';
import type { AllianceMemberRole } from '../../db/types.ts';
import type { SupportFixture } from './test-fixture.ts';

// Initiatives and alliances as commitment recipients, written straight to the database (their own
// modules test their API). Imported by *.test.ts only.

const STAMP = '2026-01-01T00:00:00.000Z';

export async function insertInitiative(
  t: () => TestApp,
  workspaceId: string,
  name: string,
  carrierIds: string[],
  period: { start?: string | null; end?: string | null } = {},
) {
  const id = newId();
  const db = t().ctx.db;
  await db
    .insertInto('initiatives')
    .values({
      id,
      workspace_id: workspaceId,
      name,
      description: null,
      status: period.end ? 'ended' : 'active',
      start_date: period.start ?? '2025-01-01',
      end_date: period.end ?? null,
      visibility: 'workspace',
      created_by: null,
      created_at: STAMP,
      updated_at: STAMP,
    })
    .execute();
  for (const actorId of carrierIds)
    await db
      .insertInto('initiative_participants')
      .values({
        workspace_id: workspaceId,
        initiative_id: id,
        actor_id: actorId,
        role: 'carrier',
        start_date: null,
        end_date: null,
      })
      .execute();
  return id;
}

export async function insertAlliance(
  t: () => TestApp,
  workspaceId: string,
  name: string,
  members: { actorId: string; role: AllianceMemberRole; start?: string; end?: string | null }[],
) {
  const id = newId();
  const db = t().ctx.db;
  await db
    .insertInto('alliances')
    .values({
      id,
      workspace_id: workspaceId,
      name,
      description: null,
      status: 'active',
      decision_rule: 'consensus',
      signal_id: null,
      visibility: 'workspace',
      created_by: null,
      created_at: STAMP,
      updated_at: STAMP,
    })
    .execute();
  for (const m of members)
    await db
      .insertInto('alliance_members')
      .values({
        id: newId(),
        workspace_id: workspaceId,
        alliance_id: id,
        actor_id: m.actorId,
        role: m.role,
        seats: 1,
        votes: 1,
        start_date: m.start ?? '2025-01-01',
        end_date: m.end ?? null,
        created_at: STAMP,
        updated_at: STAMP,
      })
      .execute();
  return id;
}

/** A money offer of the fund for organisations, projects and groups (not persons). */
export const groupOffer = (f: SupportFixture, extra: object = {}) =>
  f.offer({
    type: 'money',
    title: 'Buurtbudget',
    capacityPerMonth: 100_000,
    personsEligible: false,
    areaIds: [],
    domainIds: [],
    ...extra,
  });

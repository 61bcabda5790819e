import { expect } from 'vitest';
import type { TestApp } from '../../../test/harness.ts';
import { collection, feature, polygon } from '../../../test/geojson.ts';
import type { Browser } from '../../../test/session.ts';
import { importAreas } from '../areas/service.ts';
import { directoryFixture, system } from '../activities/test-fixture.ts';
import { insertTestActor } from '../activities/test-support.ts';
import { createInitiative } from '../initiatives/service.ts';
import type { Flow } from './schema.ts';

// Shared setup of the funding tests (imported by *.test.ts only).

export const FUNDING_TABLES = [
  'funding_flows',
  'funding_flow_areas',
  'funding_flow_domains',
] as const;

/** Every row of the funding tables, to compare before and after a refused call. */
export async function fundingSnapshot(t: () => TestApp) {
  const out: Record<string, string[]> = {};
  for (const table of FUNDING_TABLES) {
    const rows = await t().ctx.db.selectFrom(table).selectAll().execute();
    out[table] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

export async function testInitiative(t: () => TestApp, workspaceId: string, name: string) {
  return (
    await createInitiative(t().ctx, system, workspaceId, {
      name,
      status: 'active',
      visibility: 'workspace',
      areaIds: [],
      domainIds: [],
      targetGroupIds: [],
      participants: [],
    })
  ).id;
}

/**
 * The directory fixture (coordinator, members with their own carriers, a researcher, two buurten
 * of wijk WK0599A0, the default taxonomy, another workspace) plus the wijk itself, a funder and an
 * initiative in each workspace, and helpers that call the API.
 */
export async function fundingFixture(t: () => TestApp) {
  const f = await directoryFixture(t);
  const db = t().ctx.db;
  await importAreas(
    t().ctx,
    system,
    f.ws.id,
    collection([feature({ id: 'WK0599A0', name: 'Centrum' }, polygon(4.46, 51.9, 0.03))]),
    { year: 2024 },
  );
  const wijk = (
    await db
      .selectFrom('areas')
      .select('id')
      .where('workspace_id', '=', f.ws.id)
      .where('code', '=', 'WK0599A0')
      .executeTakeFirstOrThrow()
  ).id;
  const funder = await insertTestActor(db, f.ws.id, {
    name: 'Gemeente Wijkhaven',
    kind: 'organisation',
    orgKind: 'gemeentelijke_afdeling',
    sizeClass: 'large',
    visibility: 'public',
  });
  const otherFunder = await insertTestActor(db, f.otherWs.id, {
    name: 'Fonds elders',
    kind: 'organisation',
  });
  const initiative = await testInitiative(t, f.ws.id, 'Buurtkeuken');
  const otherInitiative = await testInitiative(t, f.otherWs.id, 'Elders');
  const W = `/api/v1/workspaces/${f.slug}`;
  const flowBody = (extra: object = {}) => ({
    funderId: funder.id,
    recipientType: 'actor',
    recipientId: f.carriers.org.id,
    title: 'Subsidie buurtkracht 2026',
    amountCents: 1_250_000,
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    instrument: 'project_grant',
    reportingHours: 16,
    reports: 2,
    areaIds: [f.areas[0]],
    domainIds: [f.terms.domains[0]],
    visibility: 'workspace',
    ...extra,
  });
  const flow = async (extra: object = {}, who: Browser = f.coordinator) => {
    const res = await who.inject({
      method: 'POST',
      url: `${W}/funding-flows`,
      payload: flowBody(extra),
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Flow>();
  };
  return { ...f, wijk, funder, otherFunder, initiative, otherInitiative, W, flowBody, flow };
}

export type FundingFixture = Awaited<ReturnType<typeof fundingFixture>>;

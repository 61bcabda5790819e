import { Migrator } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDialect } from '../../../test/harness.ts';
import { introspect, openDatabase, withMigrationLock, type DatabaseHandle } from '../dialect.ts';
import { migrationProvider } from './index.ts';

// 0019 rebuilds support_commitments and funding_flows on SQLite inside the migration transaction:
// the rows of the tables that cascade from them must survive, and up/down/up must give the same
// schema. PostgreSQL alters in place; the same checks hold.

const BEFORE = '0018-create-research';
const STAMP = '2026-01-01T00:00:00.000Z';
const WS = '00000000-0000-4000-8000-000000000001';
const ORG = '00000000-0000-4000-8000-000000000002';
const PERSON = '00000000-0000-4000-8000-000000000003';
const OFFER = '00000000-0000-4000-8000-000000000004';
const COMMITMENT = '00000000-0000-4000-8000-000000000005';
const FLOW = '00000000-0000-4000-8000-000000000006';
const AREA = '00000000-0000-4000-8000-000000000007';
const INITIATIVE = '00000000-0000-4000-8000-000000000008';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wd-0019-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const to = async (h: DatabaseHandle, target: string) =>
  withMigrationLock(h.db, async () => {
    const { error } = await new Migrator({ db: h.db, provider: migrationProvider }).migrateTo(
      target,
    );
    if (error) throw error;
  });

const actor = (id: string, kind: 'person' | 'organisation') => ({
  id,
  workspace_id: WS,
  kind,
  name: id,
  visibility: 'workspace',
  created_at: STAMP,
  updated_at: STAMP,
});

async function seed(h: DatabaseHandle) {
  const db = h.db;
  await db
    .insertInto('workspaces')
    .values({ id: WS, slug: 'w', name: 'W', gemeentecode: 'GM0001', created_at: STAMP })
    .execute();
  await db
    .insertInto('actors')
    .values([actor(ORG, 'organisation'), actor(PERSON, 'person')] as never)
    .execute();
  await db
    .insertInto('areas')
    .values({
      id: AREA,
      workspace_id: WS,
      code: 'BU1',
      level: 'buurt',
      cbs_year: 2025,
      name: 'B',
      created_at: STAMP,
      updated_at: STAMP,
    } as never)
    .execute();
  await db
    .insertInto('support_offers')
    .values({
      id: OFFER,
      workspace_id: WS,
      provider_id: ORG,
      type: 'money',
      title: 'T',
      capacity_per_month: 10,
      start_date: '2026-01-01',
      persons_eligible: 1,
      visibility: 'workspace',
      created_at: STAMP,
      updated_at: STAMP,
    } as never)
    .execute();
  await db
    .insertInto('support_commitments')
    .values({
      id: COMMITMENT,
      workspace_id: WS,
      offer_id: OFFER,
      provider_id: ORG,
      recipient_id: PERSON,
      type: 'money',
      amount_per_month: 5,
      start_date: '2026-01-01',
      end_date: '2026-12-31',
      renewal: 'none',
      status: 'active',
      created_at: STAMP,
      updated_at: STAMP,
    } as never)
    .execute();
  await db
    .insertInto('support_deliveries')
    .values({
      id: FLOW,
      workspace_id: WS,
      commitment_id: COMMITMENT,
      delivered_on: '2026-02-01',
      amount: 5,
      created_at: STAMP,
    })
    .execute();
  await db
    .insertInto('support_commitment_reminders')
    .values({
      workspace_id: WS,
      commitment_id: COMMITMENT,
      offset_days: 90,
      outcome: 'sent',
      created_at: STAMP,
    })
    .execute();
  await db
    .insertInto('funding_flows')
    .values({
      id: FLOW,
      workspace_id: WS,
      funder_id: ORG,
      recipient_type: 'actor',
      recipient_actor_id: PERSON,
      amount_cents: 100,
      start_date: '2026-01-01',
      end_date: '2026-12-31',
      instrument: 'project_grant',
      reporting_hours: 1,
      report_count: 1,
      visibility: 'private',
      created_at: STAMP,
      updated_at: STAMP,
    } as never)
    .execute();
  await db
    .insertInto('funding_flow_areas')
    .values({ workspace_id: WS, flow_id: FLOW, area_id: AREA })
    .execute();
}

const counts = async (h: DatabaseHandle) => {
  const out: Record<string, number> = {};
  for (const t of [
    'support_commitments',
    'support_deliveries',
    'support_commitment_reminders',
    'funding_flows',
    'funding_flow_areas',
  ] as const) {
    const r = await h.db
      .selectFrom(t)
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow();
    out[t] = Number(r.n);
  }
  return out;
};

describeEachDialect('migration 0019 (commitment recipients)', (dialect) => {
  it('keeps every row, marks old commitments actor and goes down and up again alike', async () => {
    const test =
      dialect === 'sqlite'
        ? { url: `sqlite:${join(dir, 'm.db')}`, drop: async () => undefined }
        : await createTestDatabase(dialect);
    const h = openDatabase(test.url);
    try {
      await to(h, BEFORE);
      await seed(h);
      const before = await counts(h);
      expect(before).toEqual({
        support_commitments: 1,
        support_deliveries: 1,
        support_commitment_reminders: 1,
        funding_flows: 1,
        funding_flow_areas: 1,
      });
      await to(h, '0019-commitment-recipients');
      const first = await introspect(h);
      expect(await counts(h)).toEqual(before);
      const c = await h.db.selectFrom('support_commitments').selectAll().executeTakeFirstOrThrow();
      expect(c).toMatchObject({
        recipient_type: 'actor',
        recipient_id: PERSON,
        recipient_initiative_id: null,
        recipient_alliance_id: null,
      });
      const col = (table: string, column: string) =>
        first.find((x) => x.table === table && x.column === column);
      expect(col('support_commitments', 'recipient_id')?.nullable).toBe(true);
      expect(col('support_commitments', 'recipient_type')?.nullable).toBe(false);

      // A commitment to an initiative now fits; a flow to an unknown alliance is refused by the key.
      await h.db
        .insertInto('initiatives')
        .values({
          id: INITIATIVE,
          workspace_id: WS,
          name: 'I',
          status: 'active',
          visibility: 'workspace',
          created_at: STAMP,
          updated_at: STAMP,
        } as never)
        .execute();
      await h.db
        .insertInto('support_commitments')
        .values({
          id: INITIATIVE,
          workspace_id: WS,
          offer_id: OFFER,
          provider_id: ORG,
          recipient_type: 'initiative',
          recipient_id: null,
          recipient_initiative_id: INITIATIVE,
          recipient_alliance_id: null,
          type: 'money',
          amount_per_month: 5,
          start_date: '2026-01-01',
          end_date: null,
          renewal: 'none',
          renewal_note: null,
          match_id: null,
          need_id: null,
          renewed_from_id: null,
          status: 'active',
          ended_at: null,
          end_reason: null,
          created_at: STAMP,
          updated_at: STAMP,
        })
        .execute();
      await expect(
        h.db.updateTable('funding_flows').set({ recipient_alliance_id: ORG }).execute(),
      ).rejects.toThrow(/foreign key/i);

      // Down drops what the old schema cannot hold (the initiative's commitment), keeps the rest.
      await to(h, BEFORE);
      expect(await counts(h)).toEqual(before);
      await to(h, '0019-commitment-recipients');
      expect(await introspect(h)).toEqual(first);
      expect(await counts(h)).toEqual(before);
    } finally {
      await h.destroy();
      await test.drop();
    }
  });
});

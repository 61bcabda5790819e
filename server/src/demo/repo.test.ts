import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../test/harness.ts';
import { createWorkspace } from '../modules/workspaces/service.ts';
import { chunkSizes, RowSink } from './repo.ts';

describeEachDialect('demo bulk writer', (dialect) => {
  const t = useTestApp(dialect);
  let ws = '';

  beforeAll(async () => {
    ws = (await createWorkspace(t().ctx, { name: `Bulk ${dialect}`, gemeentecode: 'GM0599' })).id;
  });

  it('writes every row in chunks, reusing one statement per chunk size, parents first', async () => {
    const db = t().ctx.db;
    const now = '2026-03-02T09:00:00.000Z';
    // 8 parameters per statement: actors (25 columns) go one per INSERT, tokens two per INSERT.
    const sink = new RowSink(db, 1_000_000, 8);
    const ids = Array.from({ length: 7 }, (_, i) => `00000000-0000-4000-8000-00000000000${i}`);
    // Children are added before their parents: the flush still writes actors first.
    for (const [i, id] of ids.entries())
      sink.add('search_tokens', {
        workspace_id: ws,
        token: `tok${i}`,
        record_type: 'actor',
        record_id: id,
      });
    for (const [i, id] of ids.entries())
      sink.add('actor_roles', {
        id: id.replace('4000', '4001'),
        workspace_id: ws,
        actor_id: id,
        role: 'bewoner',
        start_date: i % 2 ? '2020-01-01' : null,
        end_date: null,
      });
    for (const [i, id] of ids.entries())
      sink.add('actors', {
        id,
        workspace_id: ws,
        kind: 'organisation',
        name: `Organisatie ${i}`,
        carries: null,
        bio: i % 2 ? null : 'Bio',
        org_kind: 'fonds',
        budget_band: 'gt_10m',
        staff_count: 100 + i,
        size_class_override: null,
        size_class: 'large',
        kvk_number: null,
        visibility: 'workspace',
        user_id: null,
        email: null,
        phone: null,
        website: null,
        contact_preferences: null,
        consent_given_at: null,
        consent_text_version: null,
        consent_recorded_by: null,
        created_by: null,
        created_at: now,
        updated_at: now,
      });
    expect(sink.total('actors')).toBe(7);
    expect(sink.counts.actors).toBe(0);
    await sink.flush();
    expect(sink.counts).toMatchObject({ actors: 7, actor_roles: 7, search_tokens: 7 });
    const actors = await db
      .selectFrom('actors')
      .select(['id', 'name', 'bio', 'staff_count'])
      .where('workspace_id', '=', ws)
      .orderBy('id')
      .execute();
    expect(actors).toEqual(
      ids.map((id, i) => ({
        id,
        name: `Organisatie ${i}`,
        bio: i % 2 ? null : 'Bio',
        staff_count: 100 + i,
      })),
    );
    const roles = await db
      .selectFrom('actor_roles')
      .select(['actor_id', 'start_date'])
      .where('workspace_id', '=', ws)
      .orderBy('actor_id')
      .execute();
    expect(roles).toEqual(
      ids.map((id, i) => ({ actor_id: id, start_date: i % 2 ? '2020-01-01' : null })),
    );
    const tokens = await db
      .selectFrom('search_tokens')
      .select(['token', 'record_id'])
      .where('workspace_id', '=', ws)
      .orderBy('token')
      .execute();
    expect(tokens).toEqual(ids.map((id, i) => ({ token: `tok${i}`, record_id: id })));
  });

  it('refuses rows whose columns differ from the first row of their statement', async () => {
    const sink = new RowSink(t().ctx.db, 1_000_000, 8);
    const row = (token: string) => ({
      workspace_id: ws,
      token,
      record_type: 'actor' as const,
      record_id: 'x',
    });
    sink.add('search_tokens', row('a'));
    sink.add('search_tokens', row('b'));
    const { token: _token, ...missing } = row('c');
    sink.add('search_tokens', { ...missing, token: 'c' });
    sink.add('search_tokens', {
      record_id: 'y',
      workspace_id: ws,
      token: 'd',
      record_type: 'actor',
    });
    await expect(sink.flush()).rejects.toThrow(/differ in their columns/);
  });
});

describe('chunk sizes of the bulk writer', () => {
  it('uses full chunks, then powers of two', () => {
    expect(chunkSizes(0, 5)).toEqual([]);
    expect(chunkSizes(7, 2)).toEqual([2, 2, 2, 1]);
    expect(chunkSizes(13, 8)).toEqual([8, 4, 1]);
    expect(chunkSizes(16, 8)).toEqual([8, 8]);
    expect(chunkSizes(3, 0)).toEqual([1, 1, 1]);
  });

  it('covers every row with few distinct sizes (property)', () => {
    fc.assert(
      fc.property(fc.nat(100_000), fc.integer({ min: 1, max: 8000 }), (n, max) => {
        const sizes = chunkSizes(n, max);
        expect(sizes.reduce((s, x) => s + x, 0)).toBe(n);
        expect(sizes.every((x) => x >= 1 && x <= max)).toBe(true);
        expect(new Set(sizes).size).toBeLessThanOrEqual(2 + Math.log2(max));
      }),
    );
  });
});

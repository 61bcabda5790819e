import { describe, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { seedWorkspace } from '../../../test/session.ts';
import { ReadCache } from './read-cache.ts';
import { setRecordAreas, writeSearchEntry } from './repo.ts';
import { actorEntry } from './entries.ts';

describe('read cache', () => {
  it('computes once per key and evicts the least recently used entry', async () => {
    const cache = new ReadCache(2);
    let computed = 0;
    const value = (v: string) => async () => {
      computed++;
      return v;
    };
    expect(await cache.get('a', value('A'))).toBe('A');
    expect(await cache.get('a', value('other'))).toBe('A');
    expect(computed).toBe(1);
    await cache.get('b', value('B'));
    await cache.get('a', value('A')); // a is now the most recent
    await cache.get('c', value('C')); // evicts b
    expect(cache.size).toBe(2);
    expect(await cache.get('b', value('B2'))).toBe('B2');
    expect(computed).toBe(4);
    expect([cache.hits, cache.misses]).toEqual([2, 4]);
  });

  it('lets readers arriving during a computation share it, and keeps no failure', async () => {
    const cache = new ReadCache();
    let computed = 0;
    let release!: (v: string) => void;
    const slow = () => {
      computed++;
      return new Promise<string>((r) => (release = r));
    };
    const first = cache.get('k', slow);
    const second = cache.get('k', slow);
    release('V');
    expect(await Promise.all([first, second])).toEqual(['V', 'V']);
    expect(computed).toBe(1);
    const failing = () => Promise.reject(new Error('no such area'));
    await expect(cache.get('bad', failing)).rejects.toThrow('no such area');
    expect(await cache.get('bad', async () => 'now fine')).toBe('now fine');
  });
});

describeEachDialect('directory version', (dialect) => {
  const t = useTestApp(dialect);

  it('goes up with every write to the read models, so cached answers miss', async () => {
    const { ws } = await seedWorkspace(t().ctx, ['admin']);
    const version = async () =>
      (
        await t()
          .ctx.db.selectFrom('workspaces')
          .select('directory_version')
          .where('id', '=', ws.id)
          .executeTakeFirstOrThrow()
      ).directory_version;
    const before = await version();
    const { entry, texts } = actorEntry({
      id: '00000000-0000-4000-8000-000000000001',
      workspace_id: ws.id,
      kind: 'organisation',
      name: 'Buurtkeuken',
      carries: null,
      bio: null,
      org_kind: 'bewonersinitiatief',
      size_class: 'small',
      visibility: 'workspace',
      user_id: null,
    });
    await writeSearchEntry(t().ctx.db, entry, texts);
    const afterEntry = await version();
    expect(afterEntry).toBeGreaterThan(before);
    await setRecordAreas(t().ctx.db, ws.id, 'actor', entry.record_id, []);
    expect(await version()).toBeGreaterThan(afterEntry);
  });
});

import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { seedDemo } from '../../demo/seed.ts';
import { seedSignals } from '../../demo/signals.ts';
import { loadActors } from './input.ts';
import { allSignals, signalEvents } from './repo.ts';

describeEachDialect('demo overlap signals', (dialect) => {
  const t = useTestApp(dialect);
  let workspaceId: string;
  beforeAll(async () => {
    await seedDemo(t().ctx);
    workspaceId = (
      await t()
        .ctx.db.selectFrom('workspaces')
        .select('id')
        .where('slug', '=', 'demo')
        .executeTakeFirstOrThrow()
    ).id;
  });

  it('has signals in several states, each moved through the lifecycle', async () => {
    const rows = await allSignals(t().ctx.db, workspaceId);
    const actors = new Map((await loadActors(t().ctx.db, workspaceId)).map((a) => [a.id, a]));
    const states = new Set(rows.map((r) => r.state));
    expect([...states]).toEqual(
      expect.arrayContaining(['open', 'seen', 'in_dialogue', 'dismissed']),
    );
    const open = rows.filter((r) => r.state === 'open');
    const kinds = (r: (typeof rows)[number]) =>
      [r.actor_a_id, r.actor_b_id].map((id) => {
        const a = actors.get(id)!;
        return a.kind === 'person' ? 'person' : a.sizeClass;
      });
    expect(
      open.some((r) => {
        const k = kinds(r);
        return k.includes('large') && (k.includes('person') || k.includes('small'));
      }),
    ).toBe(true);
    const dismissed = rows.find((r) => r.state === 'dismissed')!;
    expect(dismissed.dismiss_reason).toMatch(/doelgroep/);
    const dialogue = rows.find((r) => r.state === 'in_dialogue')!;
    const history = await signalEvents(t().ctx.db, workspaceId, dialogue.id);
    expect(history.map((h) => h.to_state)).toEqual(['open', 'seen', 'in_dialogue']);
  });

  it('does not move anything again when it runs again', async () => {
    const before = await allSignals(t().ctx.db, workspaceId);
    const again = await seedSignals(t().ctx, workspaceId);
    expect(again).toMatchObject({ signals: before.filter((r) => !r.stale_at).length });
    expect(await allSignals(t().ctx.db, workspaceId)).toEqual(before);
  });
});

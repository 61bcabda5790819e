import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { insertTestActor } from '../activities/test-support.ts';
import { COORDINATOR_SUMMARY_ABOVE } from './detect.ts';
import { signalFixture, type SignalFixture } from './test-fixture.ts';

// A run that finds many new signals (a workspace's first detection) gives each coordinator one
// summary notification instead of one per signal — a municipality has tens of thousands of pairs
// and hundreds of coordinators — while the parties still hear of each signal naming them.
describeEachDialect(
  'overlap signals: many new signals, one summary for coordinators',
  (dialect) => {
    const t = useTestApp(dialect);
    let f: SignalFixture;
    beforeAll(async () => {
      f = await signalFixture(t);
      // Twelve more large organisations doing the carrier's work in the same buurt: with the fixture's
      // own pair that is 13 carrier–large signals.
      for (let i = 0; i < 12; i++) {
        const org = await insertTestActor(t().ctx.db, f.ws.id, {
          name: `Zorg Groot ${i}`,
          kind: 'organisation',
          sizeClass: 'large',
          visibility: 'public',
        });
        await f.activity(org.id, { startDate: '2025-09-01', title: `Buurtwerk ${i}` });
      }
    });

    it('sends coordinators one summary and the carrier one notification per signal', async () => {
      const { total, items } = await f.list(f.coordinator, '?pageSize=100');
      expect(total).toBeGreaterThan(COORDINATOR_SUMMARY_ABOVE);
      const coordinator = await f.notices(f.users.coordinator.id);
      expect(coordinator).toHaveLength(0); // f.notices lists per-signal kinds only
      const summaries = await t()
        .ctx.db.selectFrom('notifications')
        .select(['params', 'link'])
        .where('user_id', '=', f.users.coordinator.id)
        .where('kind', '=', 'overlap_signals_detected')
        .execute();
      expect(summaries).toHaveLength(1);
      expect(JSON.parse(summaries[0]!.params)).toEqual({ count: total });
      expect(summaries[0]!.link).toBe(`/w/${f.slug}/overlapsignalen`);
      // The carrier (f.users.member is linked to f.carriers.member) hears of each of her signals.
      const hers = items.filter((s) => s.actors.some((a) => a.id === f.carriers.member.id));
      expect(hers.length).toBeGreaterThan(1);
      const member = await f.notices(f.users.member.id);
      expect(member.filter((n) => n.kind === 'overlap_signal_new')).toHaveLength(hers.length);
    });
  },
);

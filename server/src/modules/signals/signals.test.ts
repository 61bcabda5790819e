import { beforeAll, expect, it } from 'vitest';
import { DEFAULT_THRESHOLD } from '../../analytics/overlap/index.ts';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { problemOf, system } from '../activities/test-fixture.ts';
import { removeActivity } from '../activities/service.ts';
import { removeTie } from '../ties/service.ts';
import { detectChangedWorkspaces, detectSignals } from './detect.ts';
import type { NoteOut, SettingsOut } from './schema.ts';
import { signalFixture, signalSnapshot, type SignalFixture } from './test-fixture.ts';

describeEachDialect('overlap signals: detection kept current, list, notes', (dialect) => {
  const t = useTestApp(dialect);
  let f: SignalFixture;
  beforeAll(async () => {
    f = await signalFixture(t);
  });
  /** Each change a second later, so histories and notes have an order. */
  const later = () => t().clock.advance(1);

  it('detects the carrier vs large organisation pair on first read, as open', async () => {
    const { items, total } = await f.list(f.coordinator);
    expect(total).toBe(1);
    const s = items[0]!;
    expect(s.state).toBe('open');
    expect(s.stale).toBe(false);
    expect(s.actors.map((a) => a.id).sort()).toEqual([f.carriers.member.id, f.large.id].sort());
    // Coordinators see the private carrier's name.
    expect(s.actors.map((a) => a.name).sort()).toEqual(['Fatima Öztürk', 'Welzijn Groot']);
    expect(s.score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(s.areaIds).toEqual([f.areas[0]]);
    expect(s.domainIds).toEqual([f.terms.domains[0]]);
    expect(s.targetGroupIds).toEqual([f.terms.groups[0]]);
    expect(s.reasons.find((r) => r.code === 'size-disparity')?.component).toBe(1);
    const d = await f.get(f.coordinator, s.id);
    expect(d.history.map((h) => [h.event, h.fromState, h.toState, h.by])).toEqual([
      ['detected', null, 'open', null],
    ]);
    expect(d.explanation.facts).toMatchObject({
      sharedAreas: 1,
      sharedDomains: 1,
      sharedTargetGroups: 1,
      sizeKinds: expect.arrayContaining(['person', 'large']),
      tieTypes: [],
      sharedFunders: 0,
    });
  });

  it('notifies both parties and the coordinators of a new signal, nobody else', async () => {
    const [s] = (await f.list(f.coordinator)).items;
    for (const u of [f.users.member, f.users.coordinator]) {
      const mine = await f.notices(u.id);
      expect(mine).toHaveLength(1);
      expect(mine[0]!.kind).toBe('overlap_signal_new');
      expect(JSON.parse(mine[0]!.params)).toMatchObject({ signalId: s!.id, state: 'open' });
      expect(mine[0]!.link).toBe(`/w/${f.slug}/overlapsignalen/${s!.id}`);
    }
    for (const u of [f.users.member2, f.users.researcher, f.users.admin])
      expect(await f.notices(u.id)).toEqual([]);
  });

  it('shows a signal to its parties and coordinators only', async () => {
    const [s] = (await f.list(f.coordinator)).items;
    expect((await f.list(f.member)).items.map((x) => x.id)).toEqual([s!.id]);
    expect((await f.list(f.member2)).total).toBe(0);
    expect((await f.list(f.researcher)).total).toBe(0);
    for (const who of [f.member2, f.researcher]) {
      const res = await who.inject({ method: 'GET', url: `${f.W}/overlap-signals/${s!.id}` });
      problemOf(res, 404);
    }
    const other = await f.outsider.inject({ method: 'GET', url: `${f.W}/overlap-signals` });
    problemOf(other, 404);
  });

  it('filters by state, actor and area (with sub-areas) and pages with a Link header', async () => {
    expect((await f.list(f.coordinator, '?state=open')).total).toBe(1);
    expect((await f.list(f.coordinator, '?state=dismissed')).total).toBe(0);
    expect((await f.list(f.coordinator, `?actorId=${f.large.id}`)).total).toBe(1);
    expect((await f.list(f.coordinator, `?actorId=${f.carriers.org.id}`)).total).toBe(0);
    expect((await f.list(f.coordinator, `?areaId=${f.areas[0]}`)).total).toBe(1);
    expect((await f.list(f.coordinator, `?areaId=${f.areas[1]}`)).total).toBe(0);
    const bad = await f.coordinator.inject({
      method: 'GET',
      url: `${f.W}/overlap-signals?areaId=${f.otherAreas[0]}&state=nope`,
    });
    expect(problemOf(bad, 400).pointers.length).toBeGreaterThan(0);
    const res = await f.coordinator.inject({
      method: 'GET',
      url: `${f.W}/overlap-signals?pageSize=1`,
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers.link)).toContain('rel="first"');
  });

  it('re-detects after an activity and a tie change, and stales pairs that stop overlapping', async () => {
    later();
    const act = await f.activity(f.carriers.member2.id, { title: 'Taalcafé' });
    let s = await f.pair(f.carriers.member2.id, f.large.id);
    expect(s?.state).toBe('open');
    const before = s!.score;
    // A tension tie raises the score (detected again: the tie bumped the directory version).
    later();
    const tie = await f.tie(f.carriers.member2.id, f.large.id, 'tension');
    s = await f.pair(f.carriers.member2.id, f.large.id);
    expect(s!.score).toBeGreaterThan(before);
    expect(s!.reasons.find((r) => r.code === 'tension-tie')?.tieTypes).toEqual(['tension']);
    later();
    await removeTie(t().ctx, system, f.ws.id, tie.id);
    expect((await f.pair(f.carriers.member2.id, f.large.id))!.score).toBeCloseTo(before, 9);
    // The activity goes: the pair is kept as stale, with a history entry.
    later();
    await removeActivity(t().ctx, system, f.ws.id, act.id);
    expect((await f.list(f.coordinator)).total).toBe(1);
    s = await f.pair(f.carriers.member2.id, f.large.id);
    expect(s).toMatchObject({ stale: true, state: 'open' });
    const d = await f.get(f.coordinator, s!.id);
    expect(d.history.map((h) => h.event)).toEqual(['detected', 'stale']);
    // It comes back as the same signal.
    later();
    await f.activity(f.carriers.member2.id, { title: 'Taalcafé' });
    const back = await f.pair(f.carriers.member2.id, f.large.id);
    expect(back).toMatchObject({ id: s!.id, stale: false });
    expect((await f.get(f.coordinator, s!.id)).history.map((h) => h.event)).toEqual([
      'detected',
      'stale',
      'current',
    ]);
  });

  it('runs one detection for a burst of readers after a change', async () => {
    later();
    await f.activity(f.carriers.org.id, { title: 'Buurtkeuken' }); // small vs large: a signal
    const lists = await Promise.all(
      [f.coordinator, f.member, f.coordinator, f.member].map((who) => f.list(who)),
    );
    expect(lists.map((l) => l.total)).toEqual([3, 1, 3, 1]);
    const s = await f.pair(f.carriers.org.id, f.large.id);
    const d = await f.get(f.coordinator, s!.id);
    expect(d.history.map((h) => h.event)).toEqual(['detected']);
    const rows = await t()
      .ctx.db.selectFrom('overlap_signals')
      .select('id')
      .where('actor_a_id', 'in', [f.carriers.org.id, f.large.id])
      .where('actor_b_id', 'in', [f.carriers.org.id, f.large.id])
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('does nothing when the directory did not change (lazy, job and direct call)', async () => {
    await f.list(f.coordinator);
    await detectChangedWorkspaces(t().ctx); // the other workspace was never detected
    const before = await signalSnapshot(t);
    expect(await detectChangedWorkspaces(t().ctx)).toBe(0);
    expect(await detectSignals(t().ctx, f.ws.id)).toMatchObject({ created: 0, updated: 0 });
    await f.list(f.member);
    expect(await signalSnapshot(t)).toEqual(before);
  });

  it("keeps the workspace row's copy of the signal versions in line (the list reads it)", async () => {
    const versions = async () => {
      const [w, s] = await Promise.all([
        t()
          .ctx.db.selectFrom('workspaces')
          .select(['directory_version', 'signals_version', 'signals_detected_version'])
          .where('id', '=', f.ws.id)
          .executeTakeFirstOrThrow(),
        t()
          .ctx.db.selectFrom('overlap_settings')
          .select(['signals_version', 'detected_version'])
          .where('workspace_id', '=', f.ws.id)
          .executeTakeFirstOrThrow(),
      ]);
      expect([w.signals_version, w.signals_detected_version].map(Number)).toEqual(
        [s.signals_version, s.detected_version].map(Number),
      );
      return w;
    };
    const s = (await f.pair(f.carriers.member.id, f.large.id))!;
    const before = await versions();
    expect(Number(before.signals_detected_version)).toBe(Number(before.directory_version));
    // A transition: the next read (same session, credential cache) shows the new state.
    later();
    const seen = await f.move(f.coordinator, s.id, { to: 'seen' });
    expect(seen.statusCode, seen.body).toBe(200);
    expect(Number((await versions()).signals_version)).toBeGreaterThan(
      Number(before.signals_version),
    );
    expect((await f.list(f.coordinator)).items.find((x) => x.id === s.id)?.state).toBe('seen');
    expect((await f.list(f.member)).items.find((x) => x.id === s.id)?.state).toBe('seen');
    // A directory change: detection runs on the next read and records the version it read.
    later();
    await f.activity(f.carriers.org.id, { title: 'Huiswerkklas' });
    expect((await f.list(f.coordinator)).total).toBeGreaterThan(0);
    const after = await versions();
    expect(Number(after.signals_detected_version)).toBe(Number(after.directory_version));
    expect(Number(after.directory_version)).toBeGreaterThan(Number(before.directory_version));
  });

  it('lets coordinators set the threshold, and detects again with it', async () => {
    const get = await f.member.inject({ method: 'GET', url: `${f.W}/overlap-settings` });
    expect(get.json<SettingsOut>()).toMatchObject({ threshold: DEFAULT_THRESHOLD, custom: false });
    const before = await signalSnapshot(t);
    for (const who of [f.member, f.researcher]) {
      const res = await who.inject({
        method: 'PUT',
        url: `${f.W}/overlap-settings`,
        payload: { threshold: 0.99 },
      });
      problemOf(res, 403);
    }
    const bad = await f.coordinator.inject({
      method: 'PUT',
      url: `${f.W}/overlap-settings`,
      payload: { threshold: '0.9', extra: 1 },
    });
    expect(problemOf(bad, 400).pointers).toEqual(['/', '/threshold']);
    for (const threshold of [0, 1.5, -1]) {
      const res = await f.coordinator.inject({
        method: 'PUT',
        url: `${f.W}/overlap-settings`,
        payload: { threshold },
      });
      expect(problemOf(res, 400).errors?.[0]).toMatchObject({
        pointer: '/threshold',
        code: 'out_of_range',
      });
    }
    expect(await signalSnapshot(t)).toEqual(before);
    const put = await f.coordinator.inject({
      method: 'PUT',
      url: `${f.W}/overlap-settings`,
      payload: { threshold: 0.99 },
    });
    expect(put.json<SettingsOut>()).toMatchObject({ threshold: 0.99, custom: true });
    expect((await f.list(f.coordinator)).total).toBe(0);
    expect((await f.list(f.coordinator, '?includeStale=true')).items.every((s) => s.stale)).toBe(
      true,
    );
    await f.coordinator.inject({
      method: 'PUT',
      url: `${f.W}/overlap-settings`,
      payload: { threshold: null },
    });
    expect((await f.list(f.coordinator)).total).toBe(3);
  });

  it('keeps notes for the parties and coordinators only', async () => {
    const s = await f.pair(f.carriers.member.id, f.large.id);
    const add = (who: typeof f.member, text: unknown) =>
      who.inject({
        method: 'POST',
        url: `${f.W}/overlap-signals/${s!.id}/notes`,
        payload: { text },
      });
    later();
    const res = await add(f.member, 'Wij spraken elkaar op de buurtavond.');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<NoteOut>()).toMatchObject({
      text: 'Wij spraken elkaar op de buurtavond.',
      author: { userId: f.users.member.id },
    });
    later();
    expect((await add(f.coordinator, 'Ik nodig beide uit.')).statusCode).toBe(201);
    const before = await signalSnapshot(t);
    problemOf(await add(f.member2, 'Ik ook'), 404);
    problemOf(await add(f.researcher, 'Ik ook'), 404);
    expect(problemOf(await add(f.member, '   '), 400).pointers).toEqual(['/text']);
    expect(await signalSnapshot(t)).toEqual(before);
    for (const who of [f.member, f.coordinator]) {
      const d = await f.get(who, s!.id);
      expect(d.notes.map((n) => n.text)).toEqual([
        'Wij spraken elkaar op de buurtavond.',
        'Ik nodig beide uit.',
      ]);
    }
  });
});

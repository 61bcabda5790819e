import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { detectOverlaps } from '../../analytics/overlap/index.ts';
import { insertTestActor } from '../activities/test-support.ts';
import { changeActivity, createActivity, removeActivity } from '../activities/service.ts';
import { system } from '../activities/test-fixture.ts';
import { bumpDirectoryVersion } from '../records/version.ts';
import { createTie, removeTie } from '../ties/service.ts';
import { pendingChanges } from './changes-repo.ts';
import { detectSignals, INCREMENTAL_MAX_ACTORS } from './detect.ts';
import { loadOverlapInput } from './input.ts';
import { putSettings } from './service.ts';
import { signalFixture, type SignalFixture } from './test-fixture.ts';

// Incremental detection (detect.ts): after every kind of write — through the services or by hand
// in SQL — the triggers name the changed actors, the run re-scores only their pairs, and the
// stored signals equal what a full detection over the whole workspace finds.

/** A small seeded generator (mulberry32), so a failure replays. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const THRESHOLD = 0.3;

describeEachDialect('overlap signals: incremental detection', (dialect) => {
  const t = useTestApp(dialect);
  let f: SignalFixture;
  const rnd = random(20261207);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const some = <T>(xs: readonly T[]): T[] => {
    const out = xs.filter(() => rnd() < 0.4);
    return out.length > 0 ? out : [pick(xs)];
  };
  let actors: string[] = [];
  const activities: string[] = [];
  const ties: string[] = [];
  const day = () => t().clock.now().toISOString().slice(0, 10);

  const newActivity = async (actorId = pick(actors)) => {
    const start = `2025-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-01`;
    const a = await createActivity(t().ctx, system, f.ws.id, {
      actorId,
      title: 'Activiteit',
      areaIds: some(f.areas),
      domainIds: some(f.terms.domains.slice(0, 3)),
      targetGroupIds: some(f.terms.groups.slice(0, 2)),
      startDate: start,
      ...(rnd() < 0.3 ? { endDate: '2026-02-15' } : {}),
      ...(rnd() < 0.5 ? { hoursPerWeek: 1 + Math.floor(rnd() * 20) } : {}),
    });
    activities.push(a.id);
    return a.id;
  };

  /** Stored current signals: pair → score, fingerprint, explanation. */
  const stored = async () => {
    const rows = await t()
      .ctx.db.selectFrom('overlap_signals')
      .select(['actor_a_id', 'actor_b_id', 'score', 'fingerprint', 'explanation'])
      .where('workspace_id', '=', f.ws.id)
      .where('stale_at', 'is', null)
      .execute();
    return new Map(
      rows.map((r) => [
        `${r.actor_a_id}|${r.actor_b_id}`,
        [Number(r.score), r.fingerprint, r.explanation],
      ]),
    );
  };
  /** What a full detection over the whole workspace finds now. */
  const full = async (threshold = THRESHOLD) => {
    const input = await loadOverlapInput(t().ctx.db, f.ws.id, day());
    const d = detectOverlaps(input, { threshold, asOf: day() });
    return new Map(
      d.signals.map((s, k) => [
        s.actorIds.join('|'),
        [s.score, s.fingerprint, d.explanationText(k)],
      ]),
    );
  };
  const actorOf = async (activityId: string) =>
    (
      await t()
        .ctx.db.selectFrom('activities')
        .select('actor_id')
        .where('id', '=', activityId)
        .executeTakeFirstOrThrow()
    ).actor_id;
  const changedActors = async () => [...(await pendingChanges(t().ctx.db, f.ws.id)).actorIds];

  beforeAll(async () => {
    f = await signalFixture(t);
    const sizes = ['small', 'small', 'small', 'large', 'large', null] as const;
    for (const [i, sizeClass] of sizes.entries())
      actors.push(
        (
          await insertTestActor(t().ctx.db, f.ws.id, {
            name: `Organisatie ${i}`,
            kind: 'organisation',
            orgKind: sizeClass === 'large' ? 'welzijnsorganisatie' : 'bewonersinitiatief',
            sizeClass,
            visibility: 'public',
          })
        ).id,
      );
    actors = [...actors, f.carriers.member.id, f.carriers.member2.id, f.large.id];
    for (let i = 0; i < 30; i++) await newActivity();
    await putSettings(t().ctx, system, f.ws.id, { threshold: THRESHOLD });
  });

  it('starts from a full detection that leaves no change rows behind', async () => {
    expect((await stored()).size).toBeGreaterThan(5);
    expect(await stored()).toEqual(await full());
    expect(await changedActors()).toEqual([]);
  });

  /** Each edit returns the actors its change must name. */
  const edits: { name: string; run: () => Promise<string[]> }[] = [
    {
      name: 'a new activity',
      run: async () => {
        const a = pick(actors);
        await newActivity(a);
        return [a];
      },
    },
    {
      name: 'an activity moved to another actor (service)',
      run: async () => {
        const id = pick(activities);
        const from = await actorOf(id);
        const to = pick(actors.filter((a) => a !== from));
        await changeActivity(t().ctx, system, f.ws.id, id, { actorId: to });
        return [from, to];
      },
    },
    {
      name: "an activity's areas and domains changed (service)",
      run: async () => {
        const id = pick(activities);
        const actor_id = await actorOf(id);
        await changeActivity(t().ctx, system, f.ws.id, id, {
          areaIds: some(f.areas),
          domainIds: some(f.terms.domains.slice(0, 3)),
        });
        return [actor_id];
      },
    },
    {
      name: 'an activity removed (service)',
      run: async () => {
        const id = activities.splice(Math.floor(rnd() * activities.length), 1)[0]!;
        const actor_id = await actorOf(id);
        await removeActivity(t().ctx, system, f.ws.id, id);
        return [actor_id];
      },
    },
    {
      name: 'a tension or collaboration tie added (service)',
      run: async () => {
        const [a, b] = [pick(actors), pick(actors)];
        if (a === b) return [];
        const tie = await createTie(t().ctx, system, f.ws.id, {
          fromActorId: a,
          toActorId: b,
          type: pick(['tension', 'collaboration', 'obstruction'] as const),
          directed: false,
          intensity: 'cooperative',
          startDate: '2026-01-01',
        });
        ties.push(tie.id);
        return [a, b];
      },
    },
    {
      name: 'a tie removed (service)',
      run: async () => {
        if (ties.length === 0) return [];
        const id = ties.pop()!;
        const tie = await t()
          .ctx.db.selectFrom('ties')
          .select(['from_actor_id', 'to_actor_id'])
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        await removeTie(t().ctx, system, f.ws.id, id);
        return [tie.from_actor_id, tie.to_actor_id];
      },
    },
    {
      name: "an actor's size class changed by hand in SQL",
      run: async () => {
        const a = pick(actors.slice(0, 6));
        const { size_class } = await t()
          .ctx.db.selectFrom('actors')
          .select('size_class')
          .where('id', '=', a)
          .executeTakeFirstOrThrow();
        const size = pick((['small', 'large', null] as const).filter((s) => s !== size_class));
        await sql`update actors set size_class = ${size} where id = ${a}`.execute(t().ctx.db);
        await bumpDirectoryVersion(t().ctx.db, f.ws.id);
        return [a];
      },
    },
    {
      name: "an activity's hours and end changed, and an area link deleted, by hand in SQL",
      run: async () => {
        const id = pick(activities);
        const actor_id = await actorOf(id);
        await sql`update activities set hours_per_week = ${Math.floor(rnd() * 30)},
          end_date = ${rnd() < 0.5 ? null : '2026-01-31'} where id = ${id}`.execute(t().ctx.db);
        const links = await t()
          .ctx.db.selectFrom('record_areas')
          .select('area_id')
          .where('record_id', '=', id)
          .execute();
        if (links.length > 1)
          await sql`delete from record_areas where record_id = ${id} and area_id = ${links[0]!.area_id}`.execute(
            t().ctx.db,
          );
        await bumpDirectoryVersion(t().ctx.db, f.ws.id);
        return [actor_id];
      },
    },
  ];

  it('after every kind of write, names the changed actors and stores what a full run finds', async () => {
    let incremental = 0;
    for (let step = 0; step < 40; step++) {
      const edit = edits[step % edits.length]!;
      t().clock.advance(1);
      const named = await edit.run();
      if (named.length === 0) continue;
      expect(await changedActors(), edit.name).toEqual(expect.arrayContaining(named));
      const run = await detectSignals(t().ctx, f.ws.id);
      expect(run.incremental, edit.name).toBe(true);
      incremental++;
      expect(await stored(), `${edit.name} (step ${step})`).toEqual(await full());
      expect(await changedActors(), edit.name).toEqual([]);
    }
    expect(incremental).toBeGreaterThan(30);
  });

  it('runs in full on a new day, after a threshold change and for many changed actors', async () => {
    t().clock.advance(24 * 3600);
    await newActivity();
    expect((await detectSignals(t().ctx, f.ws.id)).incremental).toBe(false);
    expect(await stored()).toEqual(await full());

    await newActivity();
    expect((await detectSignals(t().ctx, f.ws.id)).incremental).toBe(true);

    // More changed actors than an incremental run takes: change rows by hand.
    const many = Array.from({ length: INCREMENTAL_MAX_ACTORS + 1 }, (_v, i) => ({
      workspace_id: f.ws.id,
      actor_id: `actor-${i}`,
    }));
    for (let i = 0; i < many.length; i += 100)
      await t()
        .ctx.db.insertInto('overlap_changes')
        .values(many.slice(i, i + 100))
        .execute();
    await bumpDirectoryVersion(t().ctx.db, f.ws.id);
    expect((await detectSignals(t().ctx, f.ws.id)).incremental).toBe(false);
    expect(await changedActors()).toEqual([]);
    expect(await stored()).toEqual(await full());

    // A new threshold changes no facts (no change rows): an incremental run would re-score
    // nobody; the full run keeps exactly the pairs at or above it.
    expect((await full(0.5)).size).toBeLessThan((await full()).size);
    await putSettings(t().ctx, system, f.ws.id, { threshold: 0.5 });
    expect(await changedActors()).toEqual([]);
    expect(await stored()).toEqual(await full(0.5));
  });
});

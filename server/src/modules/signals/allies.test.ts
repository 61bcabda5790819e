import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { problemOf } from '../activities/test-fixture.ts';
import type { AllySuggestionsOut } from './schema.ts';
import { signalFixture, type SignalFixture } from './test-fixture.ts';

describeEachDialect('overlap signals: ally suggestions', (dialect) => {
  const t = useTestApp(dialect);
  let f: SignalFixture;
  beforeAll(async () => {
    f = await signalFixture(t);
    // A small organisation in the carrier's buurt, in another domain: a complement.
    await f.activity(f.carriers.org.id, { domainIds: [f.terms.domains[1]!], title: 'Klusdienst' });
    // The large organisation competes with the carrier and works against it.
    await f.tie(f.carriers.member.id, f.large.id, 'obstruction');
  });
  const allies = (who: typeof f.member, actorId: string, query = '') =>
    who.inject({ method: 'GET', url: `${f.W}/actors/${actorId}/ally-suggestions${query}` });

  it('ranks complementary parties with their reasons and leaves out rivals under tension', async () => {
    const res = await allies(f.member, f.carriers.member.id);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<AllySuggestionsOut>();
    expect(body.suggestions.map((s) => s.actor.id)).toEqual([f.carriers.org.id]);
    const org = body.suggestions[0]!;
    expect(org.actor.name).toBe('Stichting Buurtkracht');
    expect(org.sharedAreaIds).toEqual([f.areas[0]]);
    expect(org.complementaryDomainIds).toEqual([f.terms.domains[1]]);
    expect(org.reasons.map((r) => r.code)).toEqual([
      'shared-areas',
      'complementary-domains',
      'trust',
      'support-capacity',
      'size-mix',
    ]);
    expect(org.score).toBeGreaterThan(0);
    // The carrier's own user sees why the large organisation is not suggested.
    expect(body.excluded).toEqual([
      {
        actor: expect.objectContaining({ id: f.large.id }),
        reason: 'competes-under-tension',
        sharedCells: 1,
        tieTypes: ['obstruction'],
      },
    ]);
  });

  it('hides rivals from others, and private actors from those who may not see them', async () => {
    // member2 may see the organisation (public) but not who competes with it under tension.
    const res = await allies(f.member2, f.carriers.org.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<AllySuggestionsOut>().excluded).toEqual([]);
    // The member's carrier is private: member2 gets 404, as if it did not exist.
    problemOf(await allies(f.member2, f.carriers.member.id), 404);
    problemOf(await allies(f.outsider, f.carriers.org.id), 404);
    // The organisation's suggestions never name the private carrier to member2.
    const named = res.json<AllySuggestionsOut>().suggestions.map((s) => s.actor.id);
    expect(named).not.toContain(f.carriers.member.id);
    const coord = await allies(f.coordinator, f.carriers.org.id);
    expect(coord.json<AllySuggestionsOut>().suggestions.map((s) => s.actor.id)).toContain(
      f.carriers.member.id,
    );
    expect(
      problemOf(await allies(f.member, f.carriers.member.id, '?limit=0'), 400).pointers,
    ).toEqual(['/limit']);
  });
});

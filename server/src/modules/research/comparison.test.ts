import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import type { Comparison } from '../../analytics/research/compare.ts';
import { problemOf } from '../activities/test-fixture.ts';
import { analysisFixture, NAMES, emailOf, type AnalysisFixture } from './analysis-fixture.ts';

describeEachDialect('research: comparison of waves', (dialect) => {
  const t = useTestApp(dialect);
  let f: AnalysisFixture;
  let c: Comparison;
  const get = async (query = '', who = () => f.researcher) =>
    who().inject({ method: 'GET', url: `${f.SS}/comparison${query}` });

  beforeAll(async () => {
    f = await analysisFixture(t);
    await f.firstWave();
    await f.secondWave();
    // C withdraws: still counted in the team's comparison (it is not an export).
    await f.give(f.C.id, 'withdrawn');
    const res = await get();
    expect(res.statusCode, res.body).toBe(200);
    c = res.json<Comparison>();
  });

  it('lists the waves in order with their respondents', () => {
    expect(c.waves).toEqual([
      { id: f.w1, title: 'Golf 2015', startsOn: '2015-03-01', respondents: 3 },
      { id: f.w2, title: 'Golf 2025', startsOn: '2025-03-01', respondents: 4 },
    ]);
    expect(c.items.map((i) => [i.code, i.kind, i.waves.length])).toEqual([
      ['trust', 'likert', 2],
      ['role', 'single', 2],
      ['names', 'network', 1],
      ['open', 'text', 1],
    ]);
  });

  it('hand-worked statistics of the likert item per wave', () => {
    const trust = c.items[0]!;
    expect(trust.promptNl).toBe('Vraag trust');
    // w1: 2, 4, 3 → mean 3, median 3, sd 1.
    expect(trust.waves[0]).toMatchObject({ waveId: f.w1, n: 3, mean: 3, median: 3, sd: 1 });
    expect(trust.waves[0]!.distribution.map((b) => [b.value, b.label, b.count])).toEqual([
      [1, '1 (oneens)', 0],
      [2, '2', 1],
      [3, '3', 1],
      [4, '4', 1],
      [5, '5 (eens)', 0],
    ]);
    // w2: 4, 5, 1, 3 → mean 3.25, median 3.5, sd √(8.75 / 3).
    const w2 = trust.waves[1]!;
    expect([w2.n, w2.mean, w2.median]).toEqual([4, 3.25, 3.5]);
    expect(w2.sd).toBeCloseTo(Math.sqrt(8.75 / 3), 10);
  });

  it('paired change per pseudonym between the two waves', () => {
    const paired = c.items[0]!.paired!;
    const ps = (p: { pseudonym: string }) => p.pseudonym;
    expect(paired).toMatchObject({ fromWaveId: f.w1, toWaveId: f.w2, n: 2, meanChange: 1.5 });
    const expected = [
      { pseudonym: ps(f.A), from: 2, to: 4, change: 2 },
      { pseudonym: ps(f.B), from: 4, to: 5, change: 1 },
      { pseudonym: ps(f.C), from: 3, to: null, change: null },
      { pseudonym: ps(f.D), from: null, to: 1, change: null },
      { pseudonym: ps(f.E), from: null, to: 3, change: null },
    ].sort((a, b) => (a.pseudonym < b.pseudonym ? -1 : 1));
    expect(paired.changes).toEqual(expected);
  });

  it('choices decoded from the stored index, names counted, text only counted', () => {
    const role = c.items[1]!;
    expect(role.waves.map((w) => w.distribution.map((b) => [b.value, b.label, b.count]))).toEqual([
      [
        ['vrijwilliger', 'Vrijwilliger', 2],
        ['beroeps', 'Beroepskracht', 0],
      ],
      [
        ['vrijwilliger', 'Vrijwilliger', 0],
        ['beroeps', 'Beroepskracht', 1],
      ],
    ]);
    expect(role.paired).toBeNull();
    expect(c.items[2]!.waves[0]).toMatchObject({
      n: 1,
      distribution: [
        { value: 0, count: 0 },
        { value: 1, count: 0 },
        { value: 2, count: 1 },
      ],
    });
    expect(c.items[3]!.waves[0]).toMatchObject({ n: 1, mean: null, distribution: [] });
  });

  it('attrition: retained, lost and new', () => {
    expect(c.attrition).toEqual([
      { waveId: f.w1, respondents: 3, retained: 0, lost: 0, new: 3 },
      { waveId: f.w2, respondents: 4, retained: 2, lost: 1, new: 2 },
    ]);
  });

  it('an explicit pair, and its bad input', async () => {
    const back = await get(`?fromWaveId=${f.w2}&toWaveId=${f.w1}`);
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json<Comparison>().items[0]!.paired).toMatchObject({ n: 2, meanChange: -1.5 });
    expect(problemOf(await get(`?fromWaveId=${f.w1}`), 400).pointers).toEqual(['/toWaveId']);
    expect(problemOf(await get(`?fromWaveId=${f.w1}&toWaveId=${f.w1}`), 400).pointers).toEqual([
      '/toWaveId',
    ]);
    problemOf(await get(`?fromWaveId=${f.w1}&toWaveId=${f.studyId}`), 404);
  });

  it('pseudonyms only; off the team the study does not exist, admins may not analyse', async () => {
    const body = (await get()).body;
    for (const needle of [
      ...NAMES,
      ...NAMES.map(emailOf),
      f.carrier.id,
      f.carrier2.id,
      'Fenna Drager',
      f.A.id,
    ])
      expect(body).not.toContain(needle);
    problemOf(await get('', () => f.offTeam), 404);
    problemOf(await get('', () => f.admin), 403);
  });
});

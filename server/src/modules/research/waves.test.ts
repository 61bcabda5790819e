import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { problemOf } from '../activities/test-fixture.ts';
import { ITEMS, waveFixture, waveSnapshot, type WaveFixture } from './wave-test-fixture.ts';
import type { ItemOut, WaveDetail, WaveOut } from './wave-schema.ts';

describeEachDialect('research: waves and questionnaire items', (dialect) => {
  const t = useTestApp(dialect);
  let f: WaveFixture;
  let s1 = '';
  beforeAll(async () => {
    f = await waveFixture(t);
    s1 = await f.study();
  });
  const get = async <T>(url: string, who = f.researcher) =>
    f.ok<T>(await who.inject({ method: 'GET', url }), 200);

  it('creates, lists by start date and changes waves; dates are checked', async () => {
    const later = await f.wave(s1, { title: 'Golf 2026', startsOn: '2026-03-01' });
    const earlier = await f.wave(s1, {
      title: 'Golf 2016',
      startsOn: '2016-03-01',
      endsOn: '2016-06-30',
      source: 'import',
      description: 'Tien jaar geleden',
    });
    expect(later).toMatchObject({
      status: 'draft',
      source: 'platform',
      endsOn: null,
      itemCount: 0,
      invitedCount: 0,
      respondentCount: 0,
    });
    const list = await get<{ items: WaveOut[] }>(f.W(s1));
    expect(list.items.map((w) => w.id)).toEqual([earlier.id, later.id]);

    const before = await waveSnapshot(t);
    const bad = await f.researcher.inject({
      method: 'POST',
      url: f.W(s1),
      payload: { title: '', startsOn: '2026-13-01' },
    });
    expect(problemOf(bad, 400).pointers).toEqual(['/startsOn', '/title']);
    const order = await f.researcher.inject({
      method: 'PATCH',
      url: `${f.W(s1)}/${later.id}`,
      payload: { endsOn: '2026-01-01' },
    });
    expect(problemOf(order, 400).pointers).toEqual(['/endsOn']);
    expect(await waveSnapshot(t)).toEqual(before);

    const changed = await f.ok<WaveOut>(
      await f.researcher.inject({
        method: 'PATCH',
        url: `${f.W(s1)}/${later.id}`,
        payload: { title: 'Golf 2026 (voorjaar)', endsOn: '2026-06-30' },
      }),
      200,
    );
    expect(changed).toMatchObject({ title: 'Golf 2026 (voorjaar)', endsOn: '2026-06-30' });
  });

  it('is for the study team only: others get 404', async () => {
    for (const who of [f.offTeam, f.member, f.otherAdmin, f.admin]) {
      const res = await who.inject({ method: 'GET', url: f.W(s1) });
      expect(res.statusCode, res.body).toBeGreaterThanOrEqual(403);
      expect([403, 404]).toContain(res.statusCode);
    }
    expect((await f.offTeam.inject({ method: 'GET', url: f.W(s1) })).statusCode).toBe(404);
  });

  it('builds a questionnaire: codes, kinds and options checked, codes unique', async () => {
    const w = await f.wave(s1, { title: 'Bouw' });
    const items = `${f.W(s1)}/${w.id}/items`;
    for (const item of ITEMS) await f.post<ItemOut>(items, item);
    const detail = await get<WaveDetail>(`${f.W(s1)}/${w.id}`);
    expect(detail.itemCount).toBe(ITEMS.length);
    expect(detail.items.map((i) => [i.position, i.code, i.required])).toEqual(
      ITEMS.map((i, n) => [n, i.code, 'required' in i ? i.required : false]),
    );
    expect(detail.items.find((i) => i.code === 'verhaal')?.options).toEqual({ maxLength: 500 });

    const before = await waveSnapshot(t);
    const bad = await f.researcher.inject({
      method: 'POST',
      url: items,
      payload: {
        code: 'Slecht code',
        kind: 'single',
        promptNl: 'Kies',
        options: { choices: [{ value: 'a', labelNl: 'A' }] },
      },
    });
    expect(problemOf(bad, 400).pointers).toEqual(['/code', '/options/choices']);
    const kind = await f.researcher.inject({
      method: 'POST',
      url: items,
      payload: { code: 'x', kind: 'slider', promptNl: 'X' },
    });
    expect(problemOf(kind, 400).pointers).toEqual(['/kind']);
    const dup = await f.researcher.inject({
      method: 'POST',
      url: items,
      payload: { code: 'tevreden', kind: 'text', promptNl: 'Nog eens' },
    });
    expect(problemOf(dup, 409).code).toBe('duplicate_code');
    const rename = await f.researcher.inject({
      method: 'PATCH',
      url: `${items}/${detail.items[1]!.id}`,
      payload: { code: 'uren' },
    });
    expect(problemOf(rename, 409).code).toBe('duplicate_code');
    const likert = await f.researcher.inject({
      method: 'PATCH',
      url: `${items}/${detail.items[0]!.id}`,
      payload: { options: { points: 12 } },
    });
    expect(problemOf(likert, 400).pointers).toEqual(['/options/points']);
    expect(await waveSnapshot(t)).toEqual(before);

    const changed = await f.ok<ItemOut>(
      await f.researcher.inject({
        method: 'PATCH',
        url: `${items}/${detail.items[4]!.id}`,
        payload: { promptEn: 'Tell', required: true, options: { maxLength: 1000 } },
      }),
      200,
    );
    expect(changed).toMatchObject({
      code: 'verhaal',
      promptEn: 'Tell',
      required: true,
      options: { maxLength: 1000 },
    });
  });

  it('reorders (a permutation only) and deletes items, keeping positions dense', async () => {
    const w = await f.wave(s1, { title: 'Volgorde' });
    const items = `${f.W(s1)}/${w.id}/items`;
    for (const item of ITEMS.slice(0, 3)) await f.post<ItemOut>(items, item);
    const [a, b, c] = (await get<WaveDetail>(`${f.W(s1)}/${w.id}`)).items;
    const order = `${f.W(s1)}/${w.id}/item-order`;
    for (const itemIds of [
      [a!.id, b!.id],
      [a!.id, b!.id, b!.id],
      [a!.id, b!.id, f.ws.id],
    ]) {
      const res = await f.researcher.inject({ method: 'PUT', url: order, payload: { itemIds } });
      expect(problemOf(res, 400).pointers).toEqual(['/itemIds']);
    }
    const res = await f.ok<{ items: ItemOut[] }>(
      await f.researcher.inject({
        method: 'PUT',
        url: order,
        payload: { itemIds: [c!.id, a!.id, b!.id] },
      }),
      200,
    );
    expect(res.items.map((i) => [i.position, i.code])).toEqual([
      [0, 'thema'],
      [1, 'tevreden'],
      [2, 'rol'],
    ]);
    const del = await f.researcher.inject({ method: 'DELETE', url: `${items}/${a!.id}` });
    expect(del.statusCode, del.body).toBe(204);
    const after = await get<WaveDetail>(`${f.W(s1)}/${w.id}`);
    expect(after.items.map((i) => [i.position, i.code])).toEqual([
      [0, 'thema'],
      [1, 'rol'],
    ]);
    const gone = await f.researcher.inject({ method: 'DELETE', url: `${items}/${a!.id}` });
    expect(problemOf(gone, 404).code).toBe('not_found');
  });

  it('opens and closes by the rules; items change only in a draft', async () => {
    const empty = await f.wave(s1, { title: 'Leeg' });
    const base = `${f.W(s1)}/${empty.id}`;
    expect(
      problemOf(await f.researcher.inject({ method: 'POST', url: `${base}/open` }), 409).code,
    ).toBe('no_items');
    expect(
      problemOf(await f.researcher.inject({ method: 'POST', url: `${base}/close` }), 409).code,
    ).toBe('wrong_status');
    const w = await f.openWave(s1, 'Open golf');
    expect(
      problemOf(await f.researcher.inject({ method: 'POST', url: `${w.url}/open` }), 409).code,
    ).toBe('wrong_status');
    const before = await waveSnapshot(t);
    const add = await f.researcher.inject({
      method: 'POST',
      url: `${w.url}/items`,
      payload: { code: 'laat', kind: 'text', promptNl: 'Te laat' },
    });
    expect(problemOf(add, 409).code).toBe('wave_not_draft');
    const patch = await f.researcher.inject({
      method: 'PATCH',
      url: `${w.url}/items/${w.items.tevreden.id}`,
      payload: { promptNl: 'Anders' },
    });
    expect(problemOf(patch, 409).code).toBe('wave_not_draft');
    const del = await f.researcher.inject({
      method: 'DELETE',
      url: `${w.url}/items/${w.items.tevreden.id}`,
    });
    expect(problemOf(del, 409).code).toBe('wave_not_draft');
    expect(await waveSnapshot(t)).toEqual(before);
    const closed = await f.post<WaveOut>(`${w.url}/close`, {}, 200);
    expect(closed.status).toBe('closed');
    expect(
      problemOf(await f.researcher.inject({ method: 'POST', url: `${w.url}/close` }), 409).code,
    ).toBe('wrong_status');

    // An import wave never opens; it closes from draft.
    const imp = await f.wave(s1, { title: 'Golf 2011', startsOn: '2011-05-01', source: 'import' });
    await f.post<ItemOut>(`${f.W(s1)}/${imp.id}/items`, ITEMS[0]);
    expect(
      problemOf(
        await f.researcher.inject({ method: 'POST', url: `${f.W(s1)}/${imp.id}/open` }),
        409,
      ).code,
    ).toBe('wrong_status');
    expect((await f.post<WaveOut>(`${f.W(s1)}/${imp.id}/close`, {}, 200)).status).toBe('closed');
  });

  it('copies every item with the same codes into an empty draft wave only', async () => {
    const from = await f.openWave(s1, 'Bron');
    const to = await f.wave(s1, { title: 'Doel', startsOn: '2036-03-01' });
    const url = `${f.W(s1)}/${to.id}/copy-items`;
    const unknown = await f.researcher.inject({
      method: 'POST',
      url,
      payload: { fromWaveId: f.ws.id },
    });
    expect(problemOf(unknown, 400).pointers).toEqual(['/fromWaveId']);
    const copied = await f.post<{ items: ItemOut[] }>(url, { fromWaveId: from.id }, 200);
    expect(copied.items.map((i) => i.code)).toEqual(ITEMS.map((i) => i.code));
    const source = Object.values(from.items).sort((a, b) => a.position - b.position);
    expect(copied.items.map(({ id: _, ...rest }) => rest)).toEqual(
      source.map(({ id: _, ...rest }) => rest),
    );
    expect(copied.items.every((i) => !Object.values(from.items).some((s) => s.id === i.id))).toBe(
      true,
    );
    const again = await f.researcher.inject({
      method: 'POST',
      url,
      payload: { fromWaveId: from.id },
    });
    expect(problemOf(again, 409).code).toBe('wave_has_items');
    const intoOpen = await f.researcher.inject({
      method: 'POST',
      url: `${from.url}/copy-items`,
      payload: { fromWaveId: to.id },
    });
    expect(problemOf(intoOpen, 409).code).toBe('wave_not_draft');
  });
});

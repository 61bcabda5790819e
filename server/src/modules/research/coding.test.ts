import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { problemOf } from '../activities/test-fixture.ts';
import type { CodeOut, Frequencies, MemoOut, OpenAnswerOut, SegmentOut } from './coding-schema.ts';
import { codingRows, codingSetup, type CodingSetup } from './coding-test-setup.ts';
import type { InterviewDetail, InterviewSummary } from './interview-schema.ts';

// Transcript with a character outside the BMP: offsets count UTF-16 code units.
const TRANSCRIPT = 'Ik doe boodschappen voor oma 👵 en ik ben vrijwilliger bij de voedselbank.';

describeEachDialect('research: codebook, segments, memos and frequencies', (dialect) => {
  const t = useTestApp(dialect);
  let f: CodingSetup;
  let interview: InterviewSummary;
  let answer1 = '';
  let answer2 = '';
  let answer3 = '';
  type CodeKey =
    'zorg' | 'netwerk' | 'praktisch' | 'emotioneel' | 'boodschappen' | 'praktischNetwerk';
  const codes = {} as Record<CodeKey, CodeOut>;
  const post = async <T>(path: string, payload: object, status = 201) => {
    const res = await f.researcher.inject({ method: 'POST', url: `${f.SS}/${path}`, payload });
    expect(res.statusCode, res.body).toBe(status);
    return res.json<T>();
  };
  const get = async <T>(path: string) => {
    const res = await f.researcher.inject({ method: 'GET', url: `${f.SS}/${path}` });
    expect(res.statusCode, res.body).toBe(200);
    for (const s of f.identities) expect(res.body).not.toContain(s);
    return res.json<T>();
  };
  const rows = () => codingRows(t);

  beforeAll(async () => {
    f = await codingSetup(t);
    interview = await post<InterviewSummary>('interviews', {
      participantId: f.p1.id,
      waveId: f.w2.id,
      heldOn: '2025-04-01',
      title: 'Gesprek',
      transcript: TRANSCRIPT,
    });
    answer1 = await f.textAnswer(f.w1, f.p1.id, 'Ik help met de tuin.');
    answer2 = await f.textAnswer(f.w1, f.p2.id, 'Koken voor de buurman.');
    answer3 = await f.textAnswer(f.w2, f.p2.id, 'Nog steeds koken.');
  });

  it('builds a code tree: depth-first order, unique sibling names (409), no cycles (400)', async () => {
    codes.zorg = await post<CodeOut>('codes', { name: 'Zorg', definition: 'Hulp aan personen' });
    codes.netwerk = await post<CodeOut>('codes', { name: 'Netwerk' });
    codes.praktisch = await post<CodeOut>('codes', { name: 'Praktisch', parentId: codes.zorg.id });
    codes.emotioneel = await post<CodeOut>('codes', {
      name: 'Emotioneel',
      parentId: codes.zorg.id,
    });
    codes.boodschappen = await post<CodeOut>('codes', {
      name: 'Boodschappen',
      parentId: codes.praktisch.id,
    });
    expect(codes.zorg).toMatchObject({
      parentId: null,
      definition: 'Hulp aan personen',
      position: 0,
      segmentCount: 0,
    });
    expect(codes.netwerk.position).toBe(1);
    // The same name under another parent is fine.
    codes.praktischNetwerk = await post<CodeOut>('codes', {
      name: 'Praktisch',
      parentId: codes.netwerk.id,
    });

    const before = await rows();
    const dup = await f.researcher.inject({
      method: 'POST',
      url: `${f.SS}/codes`,
      payload: { name: ' praktisch ', parentId: codes.zorg.id },
    });
    expect(problemOf(dup, 409).code).toBe('duplicate_name');
    const unknownParent = await f.researcher.inject({
      method: 'POST',
      url: `${f.SS}/codes`,
      payload: { name: 'Los', parentId: '6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b' },
    });
    expect(problemOf(unknownParent, 400).pointers).toEqual(['/parentId']);
    for (const parentId of [codes.boodschappen.id, codes.zorg.id]) {
      const cycle = await f.researcher.inject({
        method: 'PATCH',
        url: `${f.SS}/codes/${codes.zorg.id}`,
        payload: { parentId },
      });
      expect(problemOf(cycle, 400).errors?.map((e) => [e.pointer, e.code])).toEqual([
        ['/parentId', 'cycle'],
      ]);
    }
    const dupRename = await f.researcher.inject({
      method: 'PATCH',
      url: `${f.SS}/codes/${codes.emotioneel.id}`,
      payload: { name: 'PRAKTISCH' },
    });
    expect(problemOf(dupRename, 409).code).toBe('duplicate_name');
    expect(await rows()).toEqual(before);

    const list = await get<{ items: CodeOut[] }>('codes');
    expect(list.items.map((c) => c.name)).toEqual([
      'Zorg',
      'Praktisch',
      'Boodschappen',
      'Emotioneel',
      'Netwerk',
      'Praktisch',
    ]);

    // Reorder: Emotioneel first among Zorg's children; move Boodschappen to the root.
    const moved = await f.researcher.inject({
      method: 'PATCH',
      url: `${f.SS}/codes/${codes.emotioneel.id}`,
      payload: { position: 0, definition: 'Steun en aandacht' },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json<CodeOut>()).toMatchObject({ position: 0, definition: 'Steun en aandacht' });
    const root = await f.researcher.inject({
      method: 'PATCH',
      url: `${f.SS}/codes/${codes.boodschappen.id}`,
      payload: { parentId: null },
    });
    expect(root.json<CodeOut>()).toMatchObject({ parentId: null, position: 2 });
    expect((await get<{ items: CodeOut[] }>('codes')).items.map((c) => c.name)).toEqual([
      'Zorg',
      'Emotioneel',
      'Praktisch',
      'Netwerk',
      'Praktisch',
      'Boodschappen',
    ]);
    const back = await f.researcher.inject({
      method: 'PATCH',
      url: `${f.SS}/codes/${codes.boodschappen.id}`,
      payload: { parentId: codes.praktisch.id },
    });
    expect(back.statusCode, back.body).toBe(200);
  });

  it('codes segments of transcripts and open answers; the text is the slice', async () => {
    const before = await rows();
    const bad = async (payload: object, pointers: string[]) => {
      const res = await f.researcher.inject({ method: 'POST', url: `${f.SS}/segments`, payload });
      expect(problemOf(res, 400).pointers).toEqual(pointers);
    };
    const codeId = codes.boodschappen.id;
    await bad({ codeId, start: 0, end: 5 }, ['/']);
    await bad({ codeId, interviewId: interview.id, answerId: answer1, start: 0, end: 5 }, ['/']);
    await bad({ codeId, interviewId: interview.id, start: 0, end: TRANSCRIPT.length + 1 }, [
      '/end',
    ]);
    await bad({ codeId, interviewId: interview.id, start: 10, end: 10 }, ['/end']);
    await bad({ codeId, interviewId: interview.id, start: -1, end: 3 }, ['/start']);
    await bad({ codeId, answerId: answer1, start: 0, end: 100 }, ['/end']);
    await bad(
      {
        codeId: '6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b',
        answerId: '7f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b',
        start: 0,
        end: 1,
      },
      ['/answerId', '/codeId'],
    );
    expect(await rows()).toEqual(before);

    const start = TRANSCRIPT.indexOf('boodschappen voor oma');
    const end = TRANSCRIPT.indexOf(' en ik');
    const s1 = await post<SegmentOut>('segments', {
      codeId,
      interviewId: interview.id,
      start,
      end,
    });
    expect(s1).toMatchObject({
      codeId,
      codeName: 'Boodschappen',
      interviewId: interview.id,
      answerId: null,
      start,
      end,
      text: 'boodschappen voor oma 👵',
    });
    const full = await post<SegmentOut>('segments', {
      codeId: codes.netwerk.id,
      interviewId: interview.id,
      start: 0,
      end: TRANSCRIPT.length,
    });
    expect(full.text).toBe(TRANSCRIPT);
    const a1 = await post<SegmentOut>('segments', {
      codeId: codes.praktisch.id,
      answerId: answer1,
      start: 3,
      end: 19,
    });
    expect(a1).toMatchObject({ answerId: answer1, interviewId: null, text: 'help met de tuin' });
    await post<SegmentOut>('segments', {
      codeId: codes.praktisch.id,
      answerId: answer2,
      start: 0,
      end: 5,
    });
    await post<SegmentOut>('segments', {
      codeId: codes.praktisch.id,
      answerId: answer2,
      start: 6,
      end: 21,
    });
    await post<SegmentOut>('segments', {
      codeId: codes.praktisch.id,
      answerId: answer3,
      start: 10,
      end: 16,
    });

    const detail = await get<InterviewDetail>(`interviews/${interview.id}`);
    expect(detail.segmentCount).toBe(2);
    expect(detail.segments.map((s) => [s.codeName, s.text])).toEqual([
      ['Netwerk', TRANSCRIPT],
      ['Boodschappen', 'boodschappen voor oma 👵'],
    ]);
    expect(
      (await get<{ items: CodeOut[] }>('codes')).items.find((c) => c.id === codes.praktisch.id)!
        .segmentCount,
    ).toBe(4);
  });

  it('lists open answers with pseudonyms and segments, filtered by wave and item code (audited)', async () => {
    const audits = await f.auditCount();
    const all = await get<{ items: OpenAnswerOut[] }>('open-answers');
    expect(await f.auditCount()).toBe(audits + 1);
    // By wave start, then pseudonym.
    const w1Texts = ['Ik help met de tuin.', 'Koken voor de buurman.'];
    if (f.p1.pseudonym > f.p2.pseudonym) w1Texts.reverse();
    expect(all.items.map((a) => a.text)).toEqual([...w1Texts, 'Nog steeds koken.']);
    const a2 = all.items.find((a) => a.answerId === answer2)!;
    expect(a2).toMatchObject({
      pseudonym: f.p2.pseudonym,
      waveId: f.w1.id,
      itemCode: 'toelichting',
      promptNl: 'Wat doet u voor de buurt?',
    });
    expect(a2.segments.map((s) => s.text)).toEqual(['Koken', 'voor de buurman']);
    const w2 = await get<{ items: OpenAnswerOut[] }>(`open-answers?waveId=${f.w2.id}`);
    expect(w2.items.map((a) => a.answerId)).toEqual([answer3]);
    expect((await get<{ items: OpenAnswerOut[] }>('open-answers?code=anders')).items).toEqual([]);
    expect(
      (await get<{ items: OpenAnswerOut[] }>('open-answers?code=toelichting')).items,
    ).toHaveLength(3);
  });

  it('counts code frequencies per wave (hand-worked)', async () => {
    // Segments: interview (p1, wave 2025): Boodschappen 1, Netwerk 1. Answers: Praktisch on
    // answer1 (p1, 2015) once, answer2 (p2, 2015) twice, answer3 (p2, 2025) once.
    const freq = await get<Frequencies>('code-frequencies');
    expect(freq.waves).toEqual([
      { id: f.w1.id, title: 'Golf 2015' },
      { id: f.w2.id, title: 'Golf 2025' },
    ]);
    const table = Object.fromEntries(
      freq.rows.map((r) => [
        `${r.depth}:${r.name}:${r.codeId === codes.praktischNetwerk.id ? 'n' : ''}`,
        r.counts.map((c) => `${c.segments}/${c.participants}`),
      ]),
    );
    expect(table).toEqual({
      '0:Zorg:': ['0/0', '0/0'],
      '1:Emotioneel:': ['0/0', '0/0'],
      '1:Praktisch:': ['3/2', '1/1'],
      '2:Boodschappen:': ['0/0', '1/1'],
      '0:Netwerk:': ['0/0', '1/1'],
      '1:Praktisch:n': ['0/0', '0/0'],
    });
    // An interview without a wave adds the null column.
    const loose = await post<InterviewSummary>('interviews', {
      participantId: f.p2.id,
      heldOn: '2025-09-01',
      title: 'Los gesprek',
      transcript: 'Ik ken iedereen in de straat.',
    });
    const seg = await post<SegmentOut>('segments', {
      codeId: codes.netwerk.id,
      interviewId: loose.id,
      start: 3,
      end: 17,
    });
    const withNull = await get<Frequencies>('code-frequencies');
    expect(withNull.waves.map((w) => w.id)).toEqual([f.w1.id, f.w2.id, null]);
    expect(withNull.rows.find((r) => r.codeId === codes.netwerk.id)!.counts).toEqual([
      { waveId: f.w1.id, segments: 0, participants: 0 },
      { waveId: f.w2.id, segments: 1, participants: 1 },
      { waveId: null, segments: 1, participants: 1 },
    ]);
    const del = await f.researcher.inject({ method: 'DELETE', url: `${f.SS}/segments/${seg.id}` });
    expect(del.statusCode).toBe(204);
  });

  it('keeps memos encrypted at rest and lists them by code or interview', async () => {
    const m1 = await post<MemoOut>('memos', {
      title: 'Zorg verschuift',
      body: 'Canary-memo: in 2025 meer praktische hulp dan in 2015.',
      codeId: codes.praktisch.id,
    });
    expect(m1).toMatchObject({
      codeId: codes.praktisch.id,
      interviewId: null,
      body: 'Canary-memo: in 2025 meer praktische hulp dan in 2015.',
      authorName: expect.stringMatching(/^researcher/),
    });
    const m2 = await post<MemoOut>('memos', {
      title: 'Over het gesprek',
      body: 'Open houding.',
      interviewId: interview.id,
    });
    const raw = await t().ctx.db.selectFrom('research_memos').selectAll().execute();
    expect(raw.map((r) => r.body_enc).every((b) => b.startsWith('v1:'))).toBe(true);
    expect(JSON.stringify(raw)).not.toContain('Canary-memo');
    expect(JSON.stringify(raw)).not.toContain('Open houding');

    const before = await rows();
    const bad = await f.researcher.inject({
      method: 'POST',
      url: `${f.SS}/memos`,
      payload: {
        title: 'x',
        body: 'y',
        codeId: '6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b',
        segmentId: '7f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b',
      },
    });
    expect(problemOf(bad, 400).pointers).toEqual(['/codeId', '/segmentId']);
    expect(await rows()).toEqual(before);

    const audits = await f.auditCount();
    expect(
      (await get<{ items: MemoOut[] }>(`memos?codeId=${codes.praktisch.id}`)).items.map(
        (m) => m.id,
      ),
    ).toEqual([m1.id]);
    expect(await f.auditCount()).toBe(audits + 1);
    expect(
      (await get<{ items: MemoOut[] }>(`memos?interviewId=${interview.id}`)).items.map(
        (m) => m.body,
      ),
    ).toEqual(['Open houding.']);
    const patched = await f.steward.inject({
      method: 'PATCH',
      url: `${f.SS}/memos/${m2.id}`,
      payload: { title: 'Houding' },
    });
    expect(patched.json<MemoOut>()).toMatchObject({ title: 'Houding', body: 'Open houding.' });
    const del = await f.researcher.inject({ method: 'DELETE', url: `${f.SS}/memos/${m2.id}` });
    expect(del.statusCode).toBe(204);
    expect((await get<{ items: MemoOut[] }>('memos')).items.map((m) => m.id)).toEqual([m1.id]);
  });

  it('codes nothing more of a participant who withdrew (409), and writes nothing', async () => {
    // An open answer of p2, coded once while p2 still participates.
    const withdrawn = (
      await t()
        .ctx.db.selectFrom('research_answers')
        .select('id')
        .where('participant_id', '=', f.p2.id)
        .where('value_text_enc', 'is not', null)
        .executeTakeFirstOrThrow()
    ).id;
    await post<SegmentOut>('segments', {
      codeId: codes.netwerk.id,
      answerId: withdrawn,
      start: 0,
      end: 2,
    });
    const res = await f.steward.inject({
      method: 'POST',
      url: `${f.SS}/participants/${f.p2.id}/consents`,
      payload: {
        purpose: 'participation',
        decision: 'withdrawn',
        method: 'written',
        letterVersion: 'v1',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const before = await rows();
    const again = await f.researcher.inject({
      method: 'POST',
      url: `${f.SS}/segments`,
      payload: { codeId: codes.netwerk.id, answerId: withdrawn, start: 2, end: 4 },
    });
    expect(problemOf(again, 409).code).toBe('consent_withdrawn');
    expect(await rows()).toEqual(before);
  });

  it('refuses to delete a code with segments (or below it), then deletes when they are gone', async () => {
    const before = await rows();
    for (const id of [codes.zorg.id, codes.praktisch.id]) {
      const res = await f.researcher.inject({ method: 'DELETE', url: `${f.SS}/codes/${id}` });
      expect(problemOf(res, 409).code).toBe('has_segments');
    }
    expect(await rows()).toEqual(before);
    const empty = await f.researcher.inject({
      method: 'DELETE',
      url: `${f.SS}/codes/${codes.emotioneel.id}`,
    });
    expect(empty.statusCode).toBe(204);

    const detail = await get<InterviewDetail>(`interviews/${interview.id}`);
    const open = await get<{ items: OpenAnswerOut[] }>('open-answers');
    for (const s of [...detail.segments, ...open.items.flatMap((a) => a.segments)])
      if (s.codeId !== codes.netwerk.id) {
        const res = await f.researcher.inject({
          method: 'DELETE',
          url: `${f.SS}/segments/${s.id}`,
        });
        expect(res.statusCode).toBe(204);
      }
    const zorg = await f.researcher.inject({
      method: 'DELETE',
      url: `${f.SS}/codes/${codes.zorg.id}`,
    });
    expect(zorg.statusCode, zorg.body).toBe(204);
    const left = await get<{ items: CodeOut[] }>('codes');
    expect(left.items.map((c) => c.name)).toEqual(['Netwerk', 'Praktisch']);
    // The memo on the deleted code went with it.
    expect((await get<{ items: MemoOut[] }>('memos')).items).toEqual([]);
    const outsider = await f.offTeam.inject({ method: 'GET', url: `${f.SS}/codes` });
    expect(outsider.statusCode).toBe(404);
  });
});

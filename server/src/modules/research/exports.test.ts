import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { newId } from '../../auth/crypto.ts';
import { encryptField } from '../../crypto/field-encryption.ts';
import { problemOf } from '../activities/test-fixture.ts';
import {
  analysisFixture,
  analysisSnapshot,
  emailOf,
  NAMES,
  type AnalysisFixture,
} from './analysis-fixture.ts';
import type { Codebook } from './export-codebook.ts';

const T0 = '2026-01-02T00:00:00.000Z';
const TRANSCRIPT = 'Eerste zin. Tweede zin over vertrouwen.';
/** A CSV file as the exports write it: BOM, CRLF after every record. */
const csv = (lines: string[]) => `\uFEFF${lines.map((l) => `${l}\r\n`).join('')}`;

describeEachDialect('research: exports', (dialect) => {
  const t = useTestApp(dialect);
  let f: AnalysisFixture;
  let openAnswerId = '';
  let interviewB = '';
  const bodies: string[] = [];
  const get = (path: string, who = () => f.researcher) =>
    who().inject({ method: 'GET', url: `${f.SS}/exports${path}` });
  const download = async (path: string) => {
    const res = await get(path);
    expect(res.statusCode, res.body).toBe(200);
    bodies.push(res.body);
    return res;
  };
  /** Blocks of lines per pseudonym, in pseudonym order (as the export sorts them). */
  const byPseudonym = (blocks: [{ pseudonym: string }, string[]][]) =>
    blocks.sort(([a], [b]) => (a.pseudonym < b.pseudonym ? -1 : 1)).flatMap(([, lines]) => lines);

  beforeAll(async () => {
    f = await analysisFixture(t);
    openAnswerId = await f.firstWave();
    await f.secondWave();
    const db = t().ctx.db;
    const keys = t().ctx.config.fieldEncryptionKeys;
    const code = async (
      name: string,
      parentId: string | null,
      position: number,
      definition: string | null,
    ) => {
      const id = newId();
      await db
        .insertInto('research_codes')
        .values({
          id,
          study_id: f.studyId,
          parent_id: parentId,
          name,
          definition,
          position,
          created_by: null,
          created_at: T0,
          updated_at: T0,
        })
        .execute();
      return id;
    };
    const relaties = await code('Relaties', null, 0, null);
    const vertrouwen = await code('Vertrouwen', relaties, 0, 'Over vertrouwen in de buurt');
    const zorg = await code('Zorg', null, 1, null);
    const interview = async (participantId: string, transcript: string) => {
      const id = newId();
      await db
        .insertInto('research_interviews')
        .values({
          id,
          study_id: f.studyId,
          wave_id: f.w2,
          participant_id: participantId,
          held_on: '2025-04-01',
          interviewer_id: null,
          title: 'Gesprek',
          transcript_enc: encryptField(
            keys,
            { table: 'research_interviews', column: 'transcript_enc', rowId: id },
            transcript,
          ),
          transcript_format: 'txt',
          created_by: null,
          created_at: T0,
          updated_at: T0,
        })
        .execute();
      return id;
    };
    interviewB = await interview(f.B.id, TRANSCRIPT);
    const interviewC = await interview(f.C.id, 'Cees vertelt over vertrouwen.');
    const segment = async (
      codeId: string,
      source: { interview_id?: string; answer_id?: string },
      start: number,
      end: number,
    ) =>
      db
        .insertInto('research_segments')
        .values({
          id: newId(),
          study_id: f.studyId,
          code_id: codeId,
          interview_id: source.interview_id ?? null,
          answer_id: source.answer_id ?? null,
          start_offset: start,
          end_offset: end,
          created_by: null,
          created_at: T0,
        })
        .execute();
    await segment(vertrouwen, { interview_id: interviewB }, 12, 39);
    await segment(zorg, { answer_id: openAnswerId }, 0, 8);
    await segment(vertrouwen, { interview_id: interviewC }, 0, 4);
    // C withdraws participation: left out of every export from now on, and counted.
    await f.give(f.C.id, 'withdrawn');
  });

  it('answers.csv: tidy, pseudonymised, without the withdrawn participant', async () => {
    const res = await download('/answers.csv');
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="answers.csv"');
    const [a, b, d, e] = [f.A.pseudonym, f.B.pseudonym, f.D.pseudonym, f.E.pseudonym];
    expect(res.body).toBe(
      csv([
        'pseudonym,wave,wave_date,item,value,value_label',
        ...byPseudonym([
          [
            f.A,
            [
              `${a},w1,2015-03-01,trust,2,`,
              `${a},w1,2015-03-01,role,vrijwilliger,Vrijwilliger`,
              `${a},w2,2025-03-01,trust,4,`,
              `${a},w2,2025-03-01,names,2,`,
            ],
          ],
          [
            f.B,
            [
              `${b},w1,2015-03-01,trust,4,`,
              `${b},w1,2015-03-01,open,Ik draag de buurt al jaren.,`,
              `${b},w2,2025-03-01,trust,5,eens`,
              `${b},w2,2025-03-01,role,beroeps,Beroepskracht`,
            ],
          ],
          [f.D, [`${d},w2,2025-03-01,trust,1,oneens`]],
          [f.E, [`${e},w2,2025-03-01,trust,3,`]],
        ]),
      ]),
    );
  });

  it('wide.csv: one row per pseudonym, <code>_w<n> columns', async () => {
    const res = await download('/wide.csv');
    const [a, b, d, e] = [f.A.pseudonym, f.B.pseudonym, f.D.pseudonym, f.E.pseudonym];
    expect(res.body).toBe(
      csv([
        'pseudonym,trust_w1,role_w1,open_w1,trust_w2,role_w2,names_w2',
        ...byPseudonym([
          [f.A, [`${a},2,vrijwilliger,,4,,2`]],
          [f.B, [`${b},4,,Ik draag de buurt al jaren.,5,beroeps,`]],
          [f.D, [`${d},,,,1,,`]],
          [f.E, [`${e},,,,3,,`]],
        ]),
      ]),
    );
  });

  it('codebook.json and codebook.md: variables, value labels and the code tree', async () => {
    const json = (await download('/codebook.json')).json<Codebook>();
    expect(json.waves.map((w) => [w.label, w.title, w.source])).toEqual([
      ['w1', 'Golf 2015', 'import'],
      ['w2', 'Golf 2025', 'platform'],
    ]);
    expect(json.variables.map((v) => v.name)).toEqual([
      'trust_w1',
      'role_w1',
      'open_w1',
      'trust_w2',
      'role_w2',
      'names_w2',
    ]);
    expect(json.variables[0]).toMatchObject({
      code: 'trust',
      wave: 'w1',
      kind: 'likert',
      min: 1,
      max: 5,
      promptEn: 'Question trust',
    });
    expect(json.variables[0]!.values.map((v) => [v.value, v.labelNl])).toEqual([
      [1, 'oneens'],
      [2, '2'],
      [3, '3'],
      [4, '4'],
      [5, 'eens'],
    ]);
    expect(json.variables[1]!.values).toEqual([
      { value: 'vrijwilliger', labelNl: 'Vrijwilliger', labelEn: 'Volunteer' },
      { value: 'beroeps', labelNl: 'Beroepskracht', labelEn: null },
    ]);
    expect(json.codes).toEqual([
      {
        name: 'Relaties',
        path: 'Relaties',
        definition: null,
        children: [
          {
            name: 'Vertrouwen',
            path: 'Relaties > Vertrouwen',
            definition: 'Over vertrouwen in de buurt',
            children: [],
          },
        ],
      },
      { name: 'Zorg', path: 'Zorg', definition: null, children: [] },
    ]);
    const md = await download('/codebook.md');
    expect(md.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(md.body).toContain('### trust_w2');
    expect(md.body).toContain('| 5 | eens |  |');
    expect(md.body).toContain('  - **Vertrouwen** — Over vertrouwen in de buurt');
  });

  it('segments.csv: coded text of interviews and open answers, withdrawn left out', async () => {
    const res = await download('/segments.csv');
    const b = f.B.pseudonym;
    expect(res.body).toBe(
      csv([
        'pseudonym,wave,source,source_id,code,code_path,start,end,text',
        `${b},w1,answer,${openAnswerId},Zorg,Zorg,0,8,Ik draag`,
        `${b},w2,interview,${interviewB},Vertrouwen,Relaties > Vertrouwen,12,39,Tweede zin over vertrouwen.`,
      ]),
    );
  });

  it('logs every export (and the read of encrypted text) with what it left out', async () => {
    const res = await get('');
    expect(res.statusCode, res.body).toBe(200);
    const log = res.json<{ items: Record<string, unknown>[] }>().items;
    const user = await t()
      .ctx.db.selectFrom('users')
      .select('display_name')
      .where('id', '=', f.users.researcher.id)
      .executeTakeFirstOrThrow();
    expect(
      log
        .map((l) => [
          l.part,
          l.channel,
          l.participantCount,
          l.excludedCount,
          l.rowCount,
          l.userName,
        ])
        .sort(),
    ).toEqual(
      [
        ['answers', 'api', 4, 1, 10, user.display_name],
        ['codebook', 'api', 4, 1, 6, user.display_name],
        ['codebook', 'api', 4, 1, 6, user.display_name],
        ['segments', 'api', 4, 1, 2, user.display_name],
        ['wide', 'api', 4, 1, 4, user.display_name],
      ].sort(),
    );
    const audits = await t()
      .ctx.db.selectFrom('audit_events')
      .select('action')
      .where('object_id', '=', f.studyId)
      .execute();
    expect(audits.filter((a) => a.action === 'export')).toHaveLength(5);
    expect(audits.filter((a) => a.action === 'research.encrypted_read')).toHaveLength(3);
    bodies.push(res.body);
  });

  it('?participantIds: only those; one without consent → 409 naming the pseudonym, nothing logged', async () => {
    const before = await analysisSnapshot(t);
    const res = await get(`/answers.csv?participantIds=${f.A.id},${f.C.id}`);
    const refused = problemOf(res, 409);
    const { detail } = res.json<{ detail: string }>();
    expect(detail).toContain(f.C.pseudonym);
    expect(detail).not.toContain(f.A.pseudonym);
    expect(refused.pointers).toEqual(['/participantIds/1']);
    problemOf(await get(`/answers.csv?participantIds=${f.A.id},nope`), 400);
    problemOf(await get(`/answers.csv?participantIds=${f.studyId}`), 400);
    expect(await analysisSnapshot(t)).toEqual(before);

    t().clock.advance(60);
    const only = await download(`/wide.csv?participantIds=${f.A.id}`);
    expect(only.body.trim().split('\r\n')).toHaveLength(2);
    expect(only.body).toContain(f.A.pseudonym);
    const last = (await get('')).json<{ items: Record<string, unknown>[] }>().items[0];
    expect(last).toMatchObject({
      part: 'wide',
      participantCount: 1,
      excludedCount: 0,
      rowCount: 1,
    });
  });

  it('canary: no name, email or actor id of any participant in any export', () => {
    expect(bodies.length).toBeGreaterThanOrEqual(7);
    const canaries = [
      ...NAMES,
      ...NAMES.map(emailOf),
      f.carrier.id,
      f.carrier2.id,
      'Fenna Drager',
      'Karim Drager',
      f.C.pseudonym,
      'Cees vertelt',
    ];
    for (const body of bodies) for (const c of canaries) expect(body).not.toContain(c);
  });

  it('off the team the exports do not exist', async () => {
    problemOf(await get('/answers.csv', () => f.offTeam), 404);
    problemOf(await get('', () => f.offTeam), 404);
  });
});

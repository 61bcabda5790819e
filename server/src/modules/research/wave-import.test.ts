import writeXlsxFile from 'write-excel-file/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { problemOf } from '../activities/test-fixture.ts';
import {
  analysisFixture,
  analysisSnapshot,
  emailOf,
  LIKERT,
  NAMES,
  ROLE,
  type AnalysisFixture,
} from './analysis-fixture.ts';
import { planImport, type ImportItem } from './wave-import.ts';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const rows = (lines: string[][]) => lines.map((cells, i) => ({ row: i + 1, cells }));
const items: ImportItem[] = [
  { id: 'i-trust', code: 'trust', kind: 'likert', options: LIKERT },
  { id: 'i-role', code: 'role', kind: 'single', options: ROLE },
  { id: 'i-many', code: 'many', kind: 'multiple', options: ROLE },
  { id: 'i-age', code: 'age', kind: 'number', options: { min: 16, max: 110, integer: true } },
];
const mapping = {
  participantColumn: 'Deelnemer',
  participantKey: 'pseudonym' as const,
  columns: { Vertrouwen: 'trust', Rol: 'role', Beide: 'many', Leeftijd: 'age' },
};
const known = new Map([
  ['P-A', 'id-a'],
  ['P-B', 'id-b'],
]);

describe('planImport (pure)', () => {
  const header = ['Deelnemer', 'Vertrouwen', 'Rol', 'Beide', 'Leeftijd'];

  it('maps cells to stored answers: numbers (decimal comma), choice by value or Dutch label', () => {
    const plan = planImport(
      rows([
        header,
        ['P-A', '4', 'Vrijwilliger', 'beroeps; vrijwilliger', '40,0'],
        ['', '', '', '', ''],
        ['P-B', '', 'beroeps', '', ''],
      ]),
      mapping,
      items,
      known,
    );
    expect(plan.errors).toEqual([]);
    expect(
      plan.rows.map((r) => [
        r.row,
        r.participantId,
        r.answers.map((a) => [a.itemId, a.stored.number ?? a.stored.json]),
      ]),
    ).toEqual([
      [
        2,
        'id-a',
        [
          ['i-trust', 4],
          ['i-role', 0],
          ['i-many', ['vrijwilliger', 'beroeps']],
          ['i-age', 40],
        ],
      ],
      [4, 'id-b', [['i-role', 1]]],
    ]);
  });

  it('lists every bad row with its row, column and reason', () => {
    const plan = planImport(
      rows([
        header,
        ['P-X', '3', '', '', ''],
        ['P-A', '7', 'Burgemeester', 'beroeps;wethouder', '12'],
        ['P-A', '2', '', '', ''],
        ['P-B', 'veel', '', '', '40.5'],
      ]),
      mapping,
      items,
      known,
    );
    expect(plan.rows).toEqual([]);
    expect(plan.errors.map((e) => [e.pointer, e.code])).toEqual([
      ['/rows/2', 'unknown_participant'],
      ['/rows/3', 'out_of_range'],
      ['/rows/3', 'unknown_choice'],
      ['/rows/3', 'unknown_choice'],
      ['/rows/3', 'out_of_range'],
      ['/rows/4', 'duplicate_participant'],
      ['/rows/5', 'not_a_number'],
      ['/rows/5', 'not_integer'],
    ]);
    expect(plan.errors[1]?.detail).toBe('Row 3, column "Vertrouwen": A whole number from 1 to 5.');
    expect(plan.errors[5]?.detail).toContain('in row 3 already');
  });

  it('mapping problems: unknown item code, missing column, one item twice', () => {
    const plan = planImport(
      rows([header, ['P-A', '1', '', '', '']]),
      { ...mapping, columns: { Vertrouwen: 'trust', Rol: 'trust', Extra: 'bestaat_niet' } },
      items,
      known,
    );
    expect(plan.errors.map((e) => [e.pointer, e.code])).toEqual([
      ['/columns/Rol', 'duplicate_item'],
      ['/columns/Extra', 'unknown_column'],
      ['/columns/Extra', 'unknown_item'],
    ]);
    expect(
      planImport(rows([['Naam', 'Vertrouwen']]), mapping, items, known).errors.map(
        (e) => e.pointer,
      ),
    ).toContain('/participantColumn');
  });
});

describeEachDialect('research: importing an earlier wave', (dialect) => {
  const t = useTestApp(dialect);
  let f: AnalysisFixture;
  const post = (waveId: string, payload: object, who = () => f.researcher) =>
    who().inject({ method: 'POST', url: `${f.SS}/waves/${waveId}/imports`, payload });
  const stored = () =>
    t()
      .ctx.db.selectFrom('research_answers')
      .select([
        'participant_id',
        'item_id',
        'value_number',
        'value_json',
        'value_text_enc',
        'source',
      ])
      .where('wave_id', '=', f.w1)
      .execute();
  const csv = () =>
    b64(
      [
        'Deelnemer;Vertrouwen;Rol;Toelichting',
        `${f.A.pseudonym};2;Vrijwilliger;`,
        `${f.B.pseudonym};4;;"Ik draag de buurt al jaren."`,
        `${f.C.pseudonym};3;vrijwilliger;`,
        '',
      ].join('\r\n'),
    );
  const body = (content: string, extra: object = {}) => ({
    filename: 'golf-2015.csv',
    format: 'csv',
    contentBase64: content,
    participantColumn: 'Deelnemer',
    participantKey: 'pseudonym',
    columns: { Vertrouwen: 'trust', Rol: 'role', Toelichting: 'open' },
    ...extra,
  });

  beforeAll(async () => {
    f = await analysisFixture(t);
  });

  it('a dry run reports and writes nothing; the import writes every answer', async () => {
    const before = await analysisSnapshot(t);
    const dry = await post(f.w1, body(csv(), { dryRun: true }));
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ rows: 3, answers: 6, participantsCreated: 0 });
    expect(await analysisSnapshot(t)).toEqual(before);

    const res = await post(f.w1, body(csv()));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({
      rows: 3,
      answers: 6,
      participantsCreated: 0,
      mapping: {
        participantColumn: 'Deelnemer',
        participantKey: 'pseudonym',
        columns: { Vertrouwen: 'trust', Rol: 'role', Toelichting: 'open' },
      },
    });
    const rowsNow = await stored();
    expect(rowsNow).toHaveLength(6);
    expect(rowsNow.every((r) => r.source === 'import')).toBe(true);
    const roleId = f.items.get(`${f.w1}/role`)!.id;
    expect(rowsNow.filter((r) => r.item_id === roleId).map((r) => Number(r.value_number))).toEqual([
      0, 0,
    ]);
    const text = rowsNow.find((r) => r.value_text_enc !== null)!;
    expect(text.value_text_enc).toMatch(/^v1:/);
    expect(text.value_text_enc).not.toContain('buurt');
    const run = await t().ctx.db.selectFrom('research_import_runs').selectAll().execute();
    expect(run.map((r) => [r.wave_id, r.format, r.row_count, r.answer_count])).toEqual([
      [f.w1, 'csv', 3, 6],
    ]);
  });

  it('an XLSX workbook replaces the participants’ earlier answers to the items it maps', async () => {
    const content = (
      await writeXlsxFile([
        [{ value: 'Deelnemer' }, { value: 'Vertrouwen' }],
        [{ value: f.A.pseudonym }, { value: 5 }],
        [null, null],
        [{ value: f.B.pseudonym }, { value: 1 }],
      ]).toBuffer()
    ).toString('base64');
    const res = await post(f.w1, {
      ...body(content),
      filename: 'golf-2015.xlsx',
      format: 'xlsx',
      columns: { Vertrouwen: 'trust' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ rows: 2, answers: 2 });
    const trustId = f.items.get(`${f.w1}/trust`)!.id;
    const trust = (await stored()).filter((r) => r.item_id === trustId);
    const byP = new Map(trust.map((r) => [r.participant_id, Number(r.value_number)]));
    expect(byP).toEqual(
      new Map([
        [f.A.id, 5],
        [f.B.id, 1],
        [f.C.id, 3],
      ]),
    );
    expect(await stored()).toHaveLength(6);
  });

  it('every bad row is reported and nothing is written', async () => {
    const before = await analysisSnapshot(t);
    const bad = b64(
      [
        'Deelnemer,Vertrouwen,Rol',
        'P-BESTAATNIET,3,',
        `${f.A.pseudonym},7,`,
        `${f.B.pseudonym},2,Burgemeester`,
        `${f.A.pseudonym},1,`,
      ].join('\n'),
    );
    const p = problemOf(
      await post(f.w1, body(bad, { columns: { Vertrouwen: 'trust', Rol: 'role' } })),
      400,
    );
    expect(p.errors?.map((e) => [e.pointer, e.code])).toEqual([
      ['/rows/2', 'unknown_participant'],
      ['/rows/3', 'out_of_range'],
      ['/rows/4', 'unknown_choice'],
      ['/rows/5', 'duplicate_participant'],
    ]);
    const unmapped = problemOf(
      await post(f.w1, body(bad, { columns: { Vertrouwen: 'trust', Rol: 'geen_item' } })),
      400,
    );
    expect(unmapped.errors?.map((e) => [e.pointer, e.code])).toEqual([
      ['/columns/Rol', 'unknown_item'],
    ]);
    problemOf(await post(f.w1, body('!!niet base64')), 400);
    const xlsx = problemOf(await post(f.w1, { ...body(b64('geen zip')), format: 'xlsx' }), 400);
    expect(xlsx.errors?.map((e) => e.code)).toEqual(['invalid_xlsx']);
    expect(await analysisSnapshot(t)).toEqual(before);
  });

  it('refuses rows of a participant who withdrew, each by its row, and writes nothing', async () => {
    await f.give(f.D.id, 'withdrawn');
    const before = await analysisSnapshot(t);
    const content = b64(
      ['Deelnemer;Vertrouwen', `${f.A.pseudonym};3`, `${f.D.pseudonym};4`, ''].join('\r\n'),
    );
    const payload = body(content, { columns: { Vertrouwen: 'trust' } });
    for (const dryRun of [true, false]) {
      const p = problemOf(await post(f.w1, { ...payload, dryRun }), 400);
      expect(p.errors?.map((e) => [e.pointer, e.code])).toEqual([['/rows/3', 'consent_withdrawn']]);
    }
    expect(await analysisSnapshot(t)).toEqual(before);
  });

  it('only import waves that are not closed; emails need the steward', async () => {
    const before = await analysisSnapshot(t);
    expect(problemOf(await post(f.w2, body(csv())), 409).code).toBe('wave_not_import');
    problemOf(await post(f.w1, body(csv()), () => f.offTeam), 404);
    const emails = b64(`email;Vertrouwen\r\n${emailOf(NAMES[0])};3\r\nnieuw@example.org;4\r\n`);
    const byEmail = body(emails, {
      participantColumn: 'email',
      participantKey: 'email',
      columns: { Vertrouwen: 'trust' },
    });
    problemOf(await post(f.w1, byEmail), 403);
    expect(await analysisSnapshot(t)).toEqual(before);

    // The carrier taking part as participant E is found by their contact email, in any case.
    await t()
      .ctx.db.updateTable('actors')
      .set({ email: 'fenna.drager@example.org' })
      .where('id', '=', f.carrier.id)
      .execute();
    const three = b64(
      `email;Vertrouwen\r\n${emailOf(NAMES[0])};3\r\nnieuw@example.org;4\r\nFenna.Drager@Example.org;2\r\n`,
    );
    const res = await post(f.w1, { ...byEmail, contentBase64: three }, () => f.steward);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ rows: 3, answers: 3, participantsCreated: 1 });
    const eAnswers = await t()
      .ctx.db.selectFrom('research_answers')
      .select('participant_id')
      .where('wave_id', '=', f.w1)
      .where('participant_id', '=', f.E.id)
      .execute();
    expect(eAnswers).toHaveLength(1);
    const created = await t()
      .ctx.db.selectFrom('research_participants')
      .selectAll()
      .where('study_id', '=', f.studyId)
      .where('kind', '=', 'external')
      .execute();
    expect(created).toHaveLength(5);
    expect(JSON.stringify(created)).not.toContain('nieuw@example.org');

    await t()
      .ctx.db.updateTable('research_waves')
      .set({ status: 'closed' })
      .where('id', '=', f.w1)
      .execute();
    expect(problemOf(await post(f.w1, body(csv())), 409).code).toBe('wave_closed');
  });
});

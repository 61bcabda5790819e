import { randomBytes } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { problemOf } from '../activities/test-fixture.ts';
import { codingSetup, type CodingSetup } from './coding-test-setup.ts';
import type { AttachmentOut, InterviewDetail, InterviewSummary } from './interview-schema.ts';
import { buildDocx } from './test-zip.ts';
import { researchSnapshot } from './test-fixture.ts';

const detailOf = (res: { body: string }) => (JSON.parse(res.body) as { detail: string }).detail;
const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');

describeEachDialect('research: interviews, transcripts and attachments', (dialect) => {
  const t = useTestApp(dialect);
  let f: CodingSetup;
  let url = '';
  const interviewRows = () => t().ctx.db.selectFrom('research_interviews').selectAll().execute();
  const create = async (payload: object, who = () => f.researcher) => {
    const res = await who().inject({ method: 'POST', url, payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<InterviewSummary>();
  };
  const noIdentity = (body: string) => {
    for (const s of f.identities) expect(body).not.toContain(s);
  };
  beforeAll(async () => {
    f = await codingSetup(t);
    url = `${f.SS}/interviews`;
  });

  it('records an interview only with participation consent; nothing written otherwise', async () => {
    const before = await researchSnapshot(t);
    const rowsBefore = await interviewRows();
    const noConsent = await f.researcher.inject({
      method: 'POST',
      url,
      payload: { participantId: f.p3.id, heldOn: '2025-04-01', title: 'Gesprek' },
    });
    expect(problemOf(noConsent, 409).code).toBe('no_consent');
    const unknown = await f.researcher.inject({
      method: 'POST',
      url,
      payload: {
        participantId: '6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b',
        waveId: '7f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b',
        heldOn: '2025-04-01',
        title: 'Gesprek',
      },
    });
    expect(problemOf(unknown, 400).pointers).toEqual(['/participantId', '/waveId']);
    const shape = await f.researcher.inject({
      method: 'POST',
      url,
      payload: { participantId: f.p1.id, heldOn: '1 april', title: '' },
    });
    expect(problemOf(shape, 400).pointers).toEqual(['/heldOn', '/title']);
    const offTeam = await f.offTeam.inject({
      method: 'POST',
      url,
      payload: { participantId: f.p1.id, heldOn: '2025-04-01', title: 'Gesprek' },
    });
    expect(offTeam.statusCode).toBe(404);
    expect(await researchSnapshot(t)).toEqual(before);
    expect(await interviewRows()).toEqual(rowsBefore);
  });

  it('creates, lists (newest first), reads (audited) and changes interviews with pseudonyms only', async () => {
    const a = await create({
      participantId: f.p1.id,
      waveId: f.w1.id,
      heldOn: '2015-04-02',
      title: 'Eerste gesprek',
      transcript: '\uFEFFIk help mijn buren.\r\nElke week.',
      transcriptFormat: 'md',
    });
    expect(a).toMatchObject({
      waveId: f.w1.id,
      participantId: f.p1.id,
      pseudonym: f.p1.pseudonym,
      interviewerName: expect.stringMatching(/^researcher \d+$/),
      transcriptFormat: 'md',
      hasTranscript: true,
      attachmentCount: 0,
      segmentCount: 0,
    });
    const b = await create(
      { participantId: f.p2.id, heldOn: '2025-05-01', title: 'Tweede gesprek' },
      () => f.steward,
    );
    expect(b).toMatchObject({ waveId: null, hasTranscript: false, transcriptFormat: null });
    expect(b.interviewerName).toBe('steward');

    const list = await f.researcher.inject({ method: 'GET', url });
    expect(list.statusCode, list.body).toBe(200);
    const ids = list.json<{ items: InterviewSummary[] }>().items.map((i) => i.id);
    expect(ids.indexOf(b.id)).toBeLessThan(ids.indexOf(a.id));
    noIdentity(list.body);
    const byWave = await f.researcher.inject({ method: 'GET', url: `${url}?waveId=${f.w1.id}` });
    expect(byWave.json<{ items: InterviewSummary[] }>().items.map((i) => i.id)).toEqual([a.id]);
    const byParticipant = await f.researcher.inject({
      method: 'GET',
      url: `${url}?participantId=${f.p2.id}`,
    });
    expect(byParticipant.json<{ items: InterviewSummary[] }>().items.map((i) => i.id)).toEqual([
      b.id,
    ]);

    const audits = await f.auditCount();
    const detail = await f.researcher.inject({ method: 'GET', url: `${url}/${a.id}` });
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json<InterviewDetail>()).toMatchObject({
      transcript: 'Ik help mijn buren.\nElke week.',
      attachments: [],
      segments: [],
    });
    noIdentity(detail.body);
    expect(await f.auditCount()).toBe(audits + 1);

    const row = (await interviewRows()).find((r) => r.id === a.id)!;
    expect(row.transcript_enc).toMatch(/^v1:/);
    expect(JSON.stringify(row)).not.toContain('buren');

    const patched = await f.researcher.inject({
      method: 'PATCH',
      url: `${url}/${b.id}`,
      payload: { title: 'Gesprek 2025', waveId: f.w2.id },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json<InterviewSummary>()).toMatchObject({
      title: 'Gesprek 2025',
      waveId: f.w2.id,
    });
    const badWave = await f.researcher.inject({
      method: 'PATCH',
      url: `${url}/${b.id}`,
      payload: { waveId: '7f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b' },
    });
    expect(problemOf(badWave, 400).pointers).toEqual(['/waveId']);
    const empty = await f.researcher.inject({
      method: 'PATCH',
      url: `${url}/${b.id}`,
      payload: {},
    });
    expect(problemOf(empty, 400).code).toBe('validation_failed');

    const del = await f.researcher.inject({ method: 'DELETE', url: `${url}/${b.id}` });
    expect(del.statusCode, del.body).toBe(204);
    const gone = await f.researcher.inject({ method: 'GET', url: `${url}/${b.id}` });
    expect(problemOf(gone, 404).code).toBe('not_found');
  });

  it('imports a transcript from txt, md and a real docx; refuses corrupt files and coded transcripts', async () => {
    const i = await create({ participantId: f.p2.id, heldOn: '2025-06-01', title: 'Upload' });
    const put = (payload: object) =>
      f.researcher.inject({ method: 'PUT', url: `${url}/${i.id}/transcript`, payload });
    const read = async () =>
      (await f.researcher.inject({ method: 'GET', url: `${url}/${i.id}` })).json<InterviewDetail>();

    const txt = await put({
      filename: 'gesprek.txt',
      format: 'txt',
      contentBase64: b64(
        Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Eén\r\nTwee')]),
      ),
    });
    expect(txt.statusCode, txt.body).toBe(200);
    expect(txt.json<InterviewSummary>()).toMatchObject({
      transcriptFormat: 'txt',
      hasTranscript: true,
    });
    expect((await read()).transcript).toBe('Eén\nTwee');

    expect(
      (await put({ filename: 'g.md', format: 'md', contentBase64: b64('# Kop\n\nTekst') }))
        .statusCode,
    ).toBe(200);
    expect((await read()).transcript).toBe('# Kop\n\nTekst');

    const docx = buildDocx(['Interviewer: Hoe gaat het?', 'Deelnemer: Ik zorg |voor mijn moeder.']);
    const word = await put({ filename: 'gesprek.docx', format: 'docx', contentBase64: b64(docx) });
    expect(word.statusCode, word.body).toBe(200);
    expect(word.json<InterviewSummary>().transcriptFormat).toBe('docx');
    const transcript = (await read()).transcript!;
    expect(transcript).toBe('Interviewer: Hoe gaat het?\n\nDeelnemer: Ik zorg voor mijn moeder.');

    const rowsBefore = await interviewRows();
    const corrupt = await put({
      filename: 'kapot.docx',
      format: 'docx',
      contentBase64: b64(docx.subarray(0, docx.length - 60)),
    });
    expect(problemOf(corrupt, 400).code).toBe('unreadable_file');
    expect(detailOf(corrupt)).toMatch(/not a readable \.docx: .+/);
    const noWord = await put({
      filename: 'x.docx',
      format: 'docx',
      contentBase64: b64('platte tekst'),
    });
    expect(detailOf(noWord)).toMatch(/not a ZIP archive/);
    const latin1 = await put({
      filename: 'x.txt',
      format: 'txt',
      contentBase64: b64(Buffer.from([0x63, 0x61, 0x66, 0xe9])),
    });
    expect(detailOf(latin1)).toMatch(/not UTF-8/);
    const notBase64 = await put({ filename: 'x.txt', format: 'txt', contentBase64: '@@@' });
    expect(problemOf(notBase64, 400).pointers).toEqual(['/contentBase64']);
    expect(await interviewRows()).toEqual(rowsBefore);

    const code = await f.researcher.inject({
      method: 'POST',
      url: `${f.SS}/codes`,
      payload: { name: 'Mantelzorg' },
    });
    const seg = await f.researcher.inject({
      method: 'POST',
      url: `${f.SS}/segments`,
      payload: { codeId: code.json<{ id: string }>().id, interviewId: i.id, start: 12, end: 25 },
    });
    expect(seg.statusCode, seg.body).toBe(201);
    const locked = await put({ filename: 'g.txt', format: 'txt', contentBase64: b64('Nieuw') });
    expect(problemOf(locked, 409).code).toBe('has_segments');
    expect((await read()).transcript).toBe(transcript);
  });

  it('stores attachments encrypted, returns the same bytes, limits the size and needs recording consent for audio', async () => {
    const i = await create({ participantId: f.p1.id, heldOn: '2025-07-01', title: 'Bijlagen' });
    const attUrl = `${url}/${i.id}/attachments`;
    const bytes = randomBytes(4096);
    const add = await f.researcher.inject({
      method: 'POST',
      url: attUrl,
      payload: {
        filename: 'aantekeningen café.pdf',
        mediaType: 'application/pdf',
        contentBase64: b64(bytes),
      },
    });
    expect(add.statusCode, add.body).toBe(201);
    const att = add.json<AttachmentOut>();
    expect(att).toMatchObject({
      filename: 'aantekeningen café.pdf',
      mediaType: 'application/pdf',
      sizeBytes: 4096,
    });
    const raw = await t()
      .ctx.db.selectFrom('research_attachments')
      .selectAll()
      .where('id', '=', att.id)
      .executeTakeFirstOrThrow();
    expect(raw.filename_enc).toMatch(/^v1:/);
    expect(raw.content_enc).toMatch(/^v1:/);
    expect(JSON.stringify(raw)).not.toContain('aantekeningen');
    expect(JSON.stringify(raw)).not.toContain(b64(bytes).slice(0, 40));

    const audits = await f.auditCount();
    const dl = await f.researcher.inject({ method: 'GET', url: `${attUrl}/${att.id}` });
    expect(dl.statusCode, dl.body).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.headers['content-disposition']).toBe(
      `attachment; filename="aantekeningen caf_.pdf"; filename*=UTF-8''aantekeningen%20caf%C3%A9.pdf`,
    );
    expect(Buffer.compare(dl.rawPayload, bytes)).toBe(0);
    expect(await f.auditCount()).toBe(audits + 1);
    const detail = (
      await f.researcher.inject({ method: 'GET', url: `${url}/${i.id}` })
    ).json<InterviewDetail>();
    expect(detail.attachmentCount).toBe(1);
    expect(detail.attachments).toEqual([att]);

    const rowsBefore = await t().ctx.db.selectFrom('research_attachments').selectAll().execute();
    const big = await f.researcher.inject({
      method: 'POST',
      url: attUrl,
      payload: {
        filename: 'groot.bin',
        mediaType: 'application/octet-stream',
        contentBase64: b64(Buffer.alloc(10 * 1024 * 1024 + 1)),
      },
    });
    const bigProblem = problemOf(big, 400);
    expect(bigProblem.errors?.map((e) => [e.pointer, e.code])).toEqual([
      ['/contentBase64', 'too_large'],
    ]);
    const exact = await f.researcher.inject({
      method: 'POST',
      url: attUrl,
      payload: {
        filename: 'precies.bin',
        mediaType: 'application/octet-stream',
        contentBase64: b64(Buffer.alloc(10 * 1024 * 1024, 7)),
      },
    });
    expect(exact.statusCode, exact.body.slice(0, 300)).toBe(201);
    await f.researcher.inject({
      method: 'DELETE',
      url: `${attUrl}/${exact.json<AttachmentOut>().id}`,
    });

    // p2 gave participation but not recording consent: no audio; a PDF is fine.
    const j = await create({
      participantId: f.p2.id,
      heldOn: '2025-07-02',
      title: 'Zonder opname',
    });
    const audio = await f.researcher.inject({
      method: 'POST',
      url: `${url}/${j.id}/attachments`,
      payload: { filename: 'opname.mp3', mediaType: 'audio/mpeg', contentBase64: b64('ID3') },
    });
    expect(problemOf(audio, 409).code).toBe('no_recording_consent');
    // The declared type is the client's word: an MP3 sent as a generic type, or an Ogg file with
    // a neutral name, is a recording all the same.
    for (const payload of [
      { filename: 'opname.mp3', mediaType: 'application/octet-stream', contentBase64: b64('x') },
      {
        filename: 'bestand.bin',
        mediaType: 'application/octet-stream',
        contentBase64: b64('OggS'),
      },
      { filename: 'notities.pdf', mediaType: 'application/pdf', contentBase64: b64('ID3') },
    ]) {
      const res = await f.researcher.inject({
        method: 'POST',
        url: `${url}/${j.id}/attachments`,
        payload,
      });
      expect(problemOf(res, 409).code, payload.filename).toBe('no_recording_consent');
    }
    expect(await t().ctx.db.selectFrom('research_attachments').selectAll().execute()).toEqual(
      rowsBefore,
    );
    const withConsent = await f.researcher.inject({
      method: 'POST',
      url: attUrl,
      payload: { filename: 'opname.mp3', mediaType: 'Audio/MPEG', contentBase64: b64('ID3') },
    });
    expect(withConsent.statusCode, withConsent.body).toBe(201);
    expect(withConsent.json<AttachmentOut>().mediaType).toBe('audio/mpeg');

    const del = await f.researcher.inject({ method: 'DELETE', url: `${attUrl}/${att.id}` });
    expect(del.statusCode).toBe(204);
    expect(
      problemOf(await f.researcher.inject({ method: 'GET', url: `${attUrl}/${att.id}` }), 404).code,
    ).toBe('not_found');
  });

  it('collects nothing new after participation is withdrawn', async () => {
    const p = await f.participant(f.studyId, {
      kind: 'external',
      name: 'Bea Boer',
      email: 'bea@example.org',
    });
    const consent = (decision: string) =>
      f.consent(f.studyId, p.id, {
        purpose: 'participation',
        decision,
        method: 'verbal',
        letterVersion: 'v1',
      });
    await consent('given');
    const i = await create({
      participantId: p.id,
      heldOn: '2025-08-01',
      title: 'Voor intrekking',
      transcript: 'Eerder gezegd.',
    });
    await consent('withdrawn');
    const transcript = await f.researcher.inject({
      method: 'PUT',
      url: `${url}/${i.id}/transcript`,
      payload: { filename: 'n.txt', format: 'txt', contentBase64: b64('Nieuw') },
    });
    expect(problemOf(transcript, 409).code).toBe('no_consent');
    const att = await f.researcher.inject({
      method: 'POST',
      url: `${url}/${i.id}/attachments`,
      payload: { filename: 'n.pdf', mediaType: 'application/pdf', contentBase64: b64('%PDF') },
    });
    expect(problemOf(att, 409).code).toBe('no_consent');
    // Data collected earlier stays readable for the team.
    const detail = await f.researcher.inject({ method: 'GET', url: `${url}/${i.id}` });
    expect(detail.json<InterviewDetail>().transcript).toBe('Eerder gezegd.');
  });
});

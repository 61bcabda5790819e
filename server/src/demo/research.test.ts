import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../test/harness.ts';
import { Browser } from '../../test/session.ts';
import type { Comparison } from '../analytics/research/compare.ts';
import { identityHash, pseudonymOf, studyPseudonymKey } from '../crypto/research-pseudonyms.ts';
import type { ParticipantOut, StudyOut } from '../modules/research/schema.ts';
import type { InvitationList, WaveDetail, WaveOut } from '../modules/research/wave-schema.ts';
import { DEMO_RESEARCHER, DEMO_STUDY_TITLE } from './research.ts';
import { EXTERNALS, INTERVIEWS, ITEMS } from './research-content.ts';
import { demoLogins, seedDemo } from './seed.ts';

// The demo study of issue 8 as the demo researcher finds it through the API after `seed --demo`:
// two closed waves ten years apart with the same items, answers in both, the same pseudonyms in
// both (the HMAC under the configured study key), paired changes and attrition in the comparison,
// two interviews with coded segments, a codebook with a child code and a memo.

describeEachDialect('demo research study (issue 8)', (dialect) => {
  const t = useTestApp(dialect);
  const olga = () => new Browser(t().app);
  let me: Browser;
  let S = '';
  let study: StudyOut;
  let waves: WaveOut[] = [];
  let participants: ParticipantOut[] = [];
  const get = async <T>(url: string): Promise<T> => {
    const res = await me.inject({ method: 'GET', url });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<T>();
  };

  beforeAll(async () => {
    await seedDemo(t().ctx);
    me = olga();
    const login = demoLogins.find((l) => l.email === DEMO_RESEARCHER)!;
    await me.login(login.email, login.password);
    const studies = await get<{ items: StudyOut[] }>('/api/v1/workspaces/demo/research/studies');
    study = studies.items.find((s) => s.title === DEMO_STUDY_TITLE)!;
    S = `/api/v1/workspaces/demo/research/studies/${study.id}`;
    waves = (await get<{ items: WaveOut[] }>(`${S}/waves`)).items;
    participants = (await get<{ items: ParticipantOut[] }>(`${S}/participants?pageSize=100`)).items;
  }, 180_000);

  it('puts the demo researcher on the team of an active study with another researcher as steward', () => {
    expect(study).toMatchObject({ status: 'active', myRole: 'researcher' });
    expect(study.steward).not.toBeNull();
    expect(study.steward!.role).toBe('steward');
    expect(study.steward!.displayName).not.toBe('Olga Onderzoek');
  });

  it('follows ten participants with consent: all take part, one may not be contacted again', () => {
    expect(participants).toHaveLength(10);
    expect(participants.every((p) => p.consent.participation === 'given')).toBe(true);
    expect(participants.filter((p) => p.consent.recording === 'given')).toHaveLength(8);
    expect(participants.filter((p) => p.consent.recontact === 'withdrawn')).toHaveLength(1);
    expect(participants.every((p) => /^P-[A-Z2-7]{10,}$/.test(p.pseudonym))).toBe(true);
  });

  it('has two closed waves ten years apart with the same items and answers in both', async () => {
    expect(waves.map((w) => [w.title, w.status, w.source])).toEqual([
      ['Meting 2016', 'closed', 'import'],
      ['Meting 2026', 'closed', 'platform'],
    ]);
    const [w1, w2] = waves as [WaveOut, WaveOut];
    expect(Number(w2.startsOn.slice(0, 4)) - Number(w1.startsOn.slice(0, 4))).toBe(10);
    expect([w1.respondentCount, w2.respondentCount]).toEqual([9, 8]);
    for (const w of waves) {
      const detail = await get<WaveDetail>(`${S}/waves/${w.id}`);
      expect(detail.items.map((i) => i.code)).toEqual(ITEMS.map((i) => i.code));
    }
    const links = await get<InvitationList>(`${S}/waves/${w2.id}/invitations`);
    // Everyone but the participant who withdrew recontact got a link; eight submitted.
    expect(links.summary).toMatchObject({ invited: 9, submitted: 8 });
  });

  it('keeps each pseudonym across the waves: the HMAC of the identity under the study key', async () => {
    const key = studyPseudonymKey(t().ctx.config.researchPseudonymKey, study.id);
    const expected = EXTERNALS.map((e) =>
      pseudonymOf(identityHash(key, { kind: 'external', email: e.email })),
    );
    const pseudonyms = participants.map((p) => p.pseudonym);
    for (const p of expected) expect(pseudonyms).toContain(p);
    const c = await get<Comparison>(`${S}/comparison`);
    const support = c.items.find((i) => i.code === 'steun_instellingen')!;
    expect(support.waves.map((w) => w.n)).toEqual([9, 8]);
    const paired = support.paired!;
    expect(paired.n).toBe(7);
    const both = paired.changes.filter((ch) => ch.from !== null && ch.to !== null);
    expect(both).toHaveLength(7);
    for (const ch of both) {
      expect(pseudonyms).toContain(ch.pseudonym);
      expect(ch.change).toBe(ch.to! - ch.from!);
    }
    // The external participant of 2016 answered both waves under the same pseudonym.
    expect(both.map((ch) => ch.pseudonym)).toContain(expected[0]);
    // Support grows between the waves (2016 draws 1–3, 2026 draws 3–5).
    expect(paired.meanChange!).toBeGreaterThan(0);
    expect(c.attrition.at(-1)).toMatchObject({ respondents: 8, retained: 7, lost: 2, new: 1 });
  });

  it('stores names, open answers and transcripts encrypted at rest', async () => {
    const db = t().ctx.db;
    const people = await db
      .selectFrom('research_participants')
      .select(['name_enc', 'email_enc'])
      .where('study_id', '=', study.id)
      .execute();
    const stored = JSON.stringify(people);
    for (const e of EXTERNALS) {
      expect(stored).not.toContain(e.name);
      expect(stored).not.toContain(e.email);
    }
    const texts = await db
      .selectFrom('research_answers')
      .select('value_text_enc')
      .where('study_id', '=', study.id)
      .where('value_text_enc', 'is not', null)
      .execute();
    expect(texts.length).toBeGreaterThan(3);
    expect(JSON.stringify(texts)).not.toMatch(/gemeente|vrijwilligers|wijkcoach/i);
    const interviews = await db
      .selectFrom('research_interviews')
      .select('transcript_enc')
      .where('study_id', '=', study.id)
      .execute();
    expect(JSON.stringify(interviews)).not.toContain('buurtmaaltijd');
  });

  it('has two interviews with coded segments, a codebook with a child code and a memo', async () => {
    const list = await get<{ items: { id: string; title: string }[] }>(`${S}/interviews`);
    expect(list.items.map((i) => i.title).sort()).toEqual(INTERVIEWS.map((i) => i.title).sort());
    const second = INTERVIEWS[1]!;
    const later = list.items.find((i) => i.title === second.title)!;
    const detail = await get<{
      transcript: string;
      segments: { codeName: string; text: string }[];
    }>(`${S}/interviews/${later.id}`);
    expect(detail.transcript).toBe(second.transcript);
    expect(detail.segments).toContainEqual(
      expect.objectContaining({
        codeName: 'Erkenning door de gemeente',
        text: 'de gemeente noemde ons vorig jaar bij de uitreiking van de buurtprijs',
      }),
    );
    const codes = await get<{ items: { id: string; name: string; parentId: string | null }[] }>(
      `${S}/codes`,
    );
    expect(codes.items).toHaveLength(5);
    const child = codes.items.find((c) => c.parentId !== null)!;
    expect(codes.items.find((c) => c.id === child.parentId)!.name).toBe('Steun van instellingen');
    const memos = await get<{ items: { title: string; body: string }[] }>(`${S}/memos`);
    expect(memos.items).toHaveLength(1);
    expect(memos.items[0]!.body).toContain('VOG');
  });
});

import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/harness.ts';
import { fillPath, routeKey, useSecurityApp } from '../../../test/security/support.ts';
import { insertTestActor } from '../activities/test-support.ts';
import type { ParticipantOut } from './schema.ts';
import { researchFixture, type ResearchFixture } from './test-fixture.ts';

/**
 * Canary scan: a participant with a distinctive name, email, consent note and re-identification
 * reason, and a carrier participant with a distinctive name. Every research route is called by
 * the team's researcher, by the steward (except the one route meant to re-identify), by a
 * researcher off the team and by an admin; no response body carries any canary or the carrier's
 * actor id. A research route without an entry below fails the test.
 */
describeEachDialect('research: canary scan of every researcher-facing response', (dialect) => {
  const t = useSecurityApp(dialect, { logLevel: 'trace' });
  let f: ResearchFixture;
  const tag = Math.random().toString(36).slice(2, 8);
  const NAME = `Kanarie Zwaluwstaart ${tag}`;
  const EMAIL = `kanarie.${tag}@zwaluw.example`;
  const NOTE = `Kanarienotitie ${tag} over haar gezondheid`;
  const REASON = `Kanariereden ${tag}`;
  const CARRIER = `Kanariedrager Merel ${tag}`;
  let carrierId = '';
  let study = '';
  let external: ParticipantOut;

  beforeAll(async () => {
    f = await researchFixture(t);
    study = await f.study();
    carrierId = (await insertTestActor(t().ctx.db, f.ws.id, { name: CARRIER })).id;
    external = await f.participant(study, { kind: 'external', name: NAME, email: EMAIL });
    const carrier = await f.participant(study, { kind: 'actor', actorId: carrierId });
    for (const p of [external, carrier])
      await f.consent(study, p.id, {
        purpose: 'participation',
        decision: 'given',
        method: 'written',
        letterVersion: 'IB-1',
        note: NOTE,
      });
    const who = await f.steward.inject({
      method: 'POST',
      url: `${f.S}/${study}/participants/${external.id}/re-identifications`,
      payload: { reason: REASON },
    });
    expect(who.body).toContain(NAME); // the steward's audited route does re-identify
  });

  it('never shows a name, email, note, reason or actor id of a participant', async () => {
    const consent = {
      purpose: 'recording',
      decision: 'given',
      method: 'verbal',
      letterVersion: 'IB-1',
      note: NOTE,
    };
    const payloads: Record<string, object | undefined> = {
      'GET /api/v1/workspaces/:workspaceSlug/research/studies': undefined,
      'POST /api/v1/workspaces/:workspaceSlug/research/studies': { title: `Nieuw ${tag}` },
      'GET /api/v1/workspaces/:workspaceSlug/research/studies/:studyId': undefined,
      'PATCH /api/v1/workspaces/:workspaceSlug/research/studies/:studyId': {
        description: 'Bijgewerkt',
      },
      'PUT /api/v1/workspaces/:workspaceSlug/research/studies/:studyId/steward': {
        email: f.users.steward.email,
      },
      'GET /api/v1/workspaces/:workspaceSlug/research/studies/:studyId/members': undefined,
      'POST /api/v1/workspaces/:workspaceSlug/research/studies/:studyId/members': {
        email: f.users.researcher.email,
      },
      'DELETE /api/v1/workspaces/:workspaceSlug/research/studies/:studyId/members/:userId':
        undefined,
      'GET /api/v1/workspaces/:workspaceSlug/research/studies/:studyId/participants': undefined,
      'POST /api/v1/workspaces/:workspaceSlug/research/studies/:studyId/participants': {
        kind: 'external',
        name: NAME,
        email: EMAIL,
      },
      'GET /api/v1/workspaces/:workspaceSlug/research/studies/:studyId/participants/:participantId':
        undefined,
      'POST /api/v1/workspaces/:workspaceSlug/research/studies/:studyId/participants/:participantId/re-identifications':
        { reason: REASON },
      'GET /api/v1/workspaces/:workspaceSlug/research/studies/:studyId/participants/:participantId/consents':
        undefined,
      'POST /api/v1/workspaces/:workspaceSlug/research/studies/:studyId/participants/:participantId/consents':
        consent,
      'GET /api/v1/workspaces/:workspaceSlug/research/studies/:studyId/interviews': undefined,
      'POST /api/v1/workspaces/:workspaceSlug/research/studies/:studyId/interviews': {
        participantId: external.id,
        heldOn: '2026-03-02',
        title: `Gesprek ${tag}`,
        transcript: 'Een gesprek over de buurt.',
      },
      'GET /api/v1/workspaces/:workspaceSlug/research/studies/:studyId/interviews/:interviewId':
        undefined,
      'PATCH /api/v1/workspaces/:workspaceSlug/research/studies/:studyId/interviews/:interviewId': {
        title: 'Gesprek',
      },
      'DELETE /api/v1/workspaces/:workspaceSlug/research/studies/:studyId/interviews/:interviewId':
        undefined,
      'PUT /api/v1/workspaces/:workspaceSlug/research/studies/:studyId/interviews/:interviewId/transcript':
        {
          filename: 'gesprek.txt',
          format: 'txt',
          contentBase64: Buffer.from('Tekst van het gesprek.').toString('base64'),
        },
      'POST /api/v1/workspaces/:workspaceSlug/research/studies/:studyId/interviews/:interviewId/attachments':
        {
          filename: 'opname.mp3',
          mediaType: 'audio/mpeg',
          contentBase64: Buffer.from('ID3').toString('base64'),
        },
      'GET /api/v1/workspaces/:workspaceSlug/research/studies/:studyId/interviews/:interviewId/attachments/:attachmentId':
        undefined,
      'DELETE /api/v1/workspaces/:workspaceSlug/research/studies/:studyId/interviews/:interviewId/attachments/:attachmentId':
        undefined,
      'GET /api/v1/workspaces/:workspaceSlug/research/studies/:studyId/codes': undefined,
      'POST /api/v1/workspaces/:workspaceSlug/research/studies/:studyId/codes': {
        name: `Code ${tag}`,
        definition: 'Steun van instellingen',
      },
      'PATCH /api/v1/workspaces/:workspaceSlug/research/studies/:studyId/codes/:codeId': {
        name: 'Code',
      },
      'DELETE /api/v1/workspaces/:workspaceSlug/research/studies/:studyId/codes/:codeId': undefined,
      'POST /api/v1/workspaces/:workspaceSlug/research/studies/:studyId/segments': {
        codeId: study,
        interviewId: study,
        start: 0,
        end: 4,
      },
      'DELETE /api/v1/workspaces/:workspaceSlug/research/studies/:studyId/segments/:segmentId':
        undefined,
      'GET /api/v1/workspaces/:workspaceSlug/research/studies/:studyId/open-answers': undefined,
      'GET /api/v1/workspaces/:workspaceSlug/research/studies/:studyId/memos': undefined,
      'POST /api/v1/workspaces/:workspaceSlug/research/studies/:studyId/memos': {
        title: `Memo ${tag}`,
        body: 'Een analytische notitie.',
      },
      'PATCH /api/v1/workspaces/:workspaceSlug/research/studies/:studyId/memos/:memoId': {
        body: 'Bijgewerkt',
      },
      'DELETE /api/v1/workspaces/:workspaceSlug/research/studies/:studyId/memos/:memoId': undefined,
      'GET /api/v1/workspaces/:workspaceSlug/research/studies/:studyId/code-frequencies': undefined,
      'GET /api/v1/workspaces/:workspaceSlug/research/studies/:studyId/waves': undefined,
      'POST /api/v1/workspaces/:workspaceSlug/research/studies/:studyId/waves': {
        title: `Golf ${tag}`,
        startsOn: '2026-03-01',
      },
      'GET /api/v1/workspaces/:workspaceSlug/research/studies/:studyId/waves/:waveId': undefined,
      'PATCH /api/v1/workspaces/:workspaceSlug/research/studies/:studyId/waves/:waveId': {
        title: 'Golf',
      },
      'POST /api/v1/workspaces/:workspaceSlug/research/studies/:studyId/waves/:waveId/open':
        undefined,
      'POST /api/v1/workspaces/:workspaceSlug/research/studies/:studyId/waves/:waveId/close':
        undefined,
      'POST /api/v1/workspaces/:workspaceSlug/research/studies/:studyId/waves/:waveId/items': {
        code: 'x',
        kind: 'text',
        promptNl: 'X',
      },
      'PATCH /api/v1/workspaces/:workspaceSlug/research/studies/:studyId/waves/:waveId/items/:itemId':
        { promptNl: 'Y' },
      'DELETE /api/v1/workspaces/:workspaceSlug/research/studies/:studyId/waves/:waveId/items/:itemId':
        undefined,
      'PUT /api/v1/workspaces/:workspaceSlug/research/studies/:studyId/waves/:waveId/item-order': {
        itemIds: [],
      },
      'POST /api/v1/workspaces/:workspaceSlug/research/studies/:studyId/waves/:waveId/copy-items': {
        fromWaveId: study,
      },
      'GET /api/v1/workspaces/:workspaceSlug/research/studies/:studyId/waves/:waveId/invitations':
        undefined,
      'POST /api/v1/workspaces/:workspaceSlug/research/studies/:studyId/waves/:waveId/invitations':
        {},
      'POST /api/v1/workspaces/:workspaceSlug/research/studies/:studyId/waves/:waveId/reminders':
        undefined,
      'GET /api/v1/workspaces/:workspaceSlug/research/studies/:studyId/comparison': undefined,
      'POST /api/v1/workspaces/:workspaceSlug/research/studies/:studyId/waves/:waveId/imports': {
        filename: 'golf.csv',
        format: 'csv',
        contentBase64: Buffer.from('Deelnemer;x\r\nP-ONBEKEND;1\r\n').toString('base64'),
        participantColumn: 'Deelnemer',
        participantKey: 'pseudonym',
        columns: { x: 'x' },
      },
      'GET /api/v1/workspaces/:workspaceSlug/research/studies/:studyId/exports': undefined,
      'GET /api/v1/workspaces/:workspaceSlug/research/studies/:studyId/exports/answers.csv':
        undefined,
      'GET /api/v1/workspaces/:workspaceSlug/research/studies/:studyId/exports/wide.csv': undefined,
      'GET /api/v1/workspaces/:workspaceSlug/research/studies/:studyId/exports/codebook.json':
        undefined,
      'GET /api/v1/workspaces/:workspaceSlug/research/studies/:studyId/exports/codebook.md':
        undefined,
      'GET /api/v1/workspaces/:workspaceSlug/research/studies/:studyId/exports/segments.csv':
        undefined,
    };
    const REIDENTIFY =
      'POST /api/v1/workspaces/:workspaceSlug/research/studies/:studyId/participants/:participantId/re-identifications';
    const CONSENTS =
      'GET /api/v1/workspaces/:workspaceSlug/research/studies/:studyId/participants/:participantId/consents';
    const routes = t().routes.filter((r) => r.url.includes('/research/') && r.method !== 'HEAD');
    expect(routes.map(routeKey).filter((k) => !(k in payloads))).toEqual([]);
    expect(routes.length).toBe(Object.keys(payloads).length);

    const callers = {
      researcher: f.researcher,
      steward: f.steward,
      offTeam: f.offTeam,
      admin: f.admin,
    };
    const bodies: string[] = [];
    const noted: string[] = [];
    let successes = 0;
    for (const route of routes) {
      const key = routeKey(route);
      for (const [name, who] of Object.entries(callers)) {
        if (name === 'steward' && key === REIDENTIFY) continue;
        const res = await who.inject({
          method: route.method as 'GET',
          url: fillPath(route.url, {
            workspaceSlug: f.ws.slug,
            studyId: study,
            participantId: external.id,
            userId: f.users.offTeam.id,
          }),
          ...(payloads[key] ? { payload: payloads[key] } : {}),
        });
        if (res.statusCode < 300) successes++;
        // The steward reads consent notes back (audited): no identity, but the note itself.
        if (name === 'steward' && key === CONSENTS) {
          expect(res.body).toContain(NOTE);
          noted.push(res.body);
        } else bodies.push(`${name} ${key} ${res.statusCode}\n${res.body}`);
      }
    }
    expect(successes).toBeGreaterThanOrEqual(15);
    const all = bodies.join('\n');
    expect(all).toContain(external.pseudonym); // the scan saw participants
    for (const canary of [NAME, tag + '@', EMAIL, NOTE, REASON, CARRIER, carrierId, 'Kanarie'])
      expect(all, `a response carried ${canary}`).not.toContain(canary);
    expect(noted).toHaveLength(1);
    for (const canary of [NAME, EMAIL, REASON, CARRIER, carrierId])
      expect(noted[0]).not.toContain(canary);
    // Nor do logs (at trace level) or audit events.
    const audit = JSON.stringify(await t().ctx.db.selectFrom('audit_events').selectAll().execute());
    const logs = t().logs.join('\n');
    expect(logs).toContain('/research/studies');
    for (const canary of [NAME, EMAIL, NOTE, REASON]) {
      expect(audit).not.toContain(canary);
      expect(logs).not.toContain(canary);
    }
  });
});

import { policy } from '../../../src/auth/policy.ts';
import { nowIso } from '../../../src/context.ts';
import { recordConsent } from '../../../src/modules/research/consent-service.ts';
import { participantToken } from '../../../src/modules/research/invitation-mail.ts';
import { invite } from '../../../src/modules/research/invitation-service.ts';
import { addParticipant } from '../../../src/modules/research/participant-service.ts';
import { insertMember } from '../../../src/modules/research/study-repo.ts';
import { createStudy } from '../../../src/modules/research/study-service.ts';
import { addItem, createWave, openWave } from '../../../src/modules/research/wave-service.ts';
import type { Cell, Rows } from './types.ts';

/**
 * Waves, questionnaire items and invitations of the research module (issue 8). As in
 * research.ts, each request gets a fresh study of the cell's workspace with a calling researcher
 * as its steward, and a wave (draft or open) with one Likert item made by the system actor. The
 * questionnaire routes are public (the emailed token authenticates): each cell gets a fresh
 * invitation of a consenting external participant.
 */
export const researchWaveRows: Rows = ({ ctx, system, unique, W }) => {
  const study = async ({ ws, own, caller }: Cell) => {
    const s = await createStudy(ctx(), system, ws.id, { title: 'Matrixgolven', status: 'active' });
    if (
      own &&
      caller.userId &&
      caller.spec.kind !== 'anonymous' &&
      caller.spec.role === 'researcher'
    )
      await insertMember(ctx().db, {
        study_id: s.id,
        workspace_id: ws.id,
        user_id: caller.userId,
        role: 'steward',
        added_by: null,
        created_at: nowIso(ctx()),
      });
    return s.id;
  };
  const item = {
    code: 'tevreden',
    kind: 'likert',
    promptNl: 'Hoe tevreden?',
    options: { points: 5 },
  } as const;
  /** A draft wave with one item (`items: false`: none) of a fresh study. */
  const draft = async (cell: Cell, items = true) => {
    const studyId = await study(cell);
    const w = await createWave(ctx(), system, cell.ws.id, studyId, {
      title: 'Golf',
      startsOn: '2026-03-01',
    });
    const i = items ? await addItem(ctx(), system, cell.ws.id, studyId, w.id, item) : null;
    return { studyId, waveId: w.id, itemId: i?.id ?? '' };
  };
  const open = async (cell: Cell) => {
    const d = await draft(cell);
    await openWave(ctx(), system, cell.ws.id, d.studyId, d.waveId);
    return d;
  };
  /** An open wave and the link token of an invited participant. */
  const respondent = async (cell: Cell) => {
    const d = await open(cell);
    const { participant } = await addParticipant(ctx(), system, cell.ws.id, d.studyId, {
      kind: 'external',
      name: 'Matrix Deelnemer',
      email: unique('deelnemer'),
    });
    await recordConsent(ctx(), system, cell.ws.id, d.studyId, participant.id, {
      purpose: 'participation',
      decision: 'given',
      method: 'written',
      letterVersion: 'v1',
    });
    await invite(ctx(), system, cell.ws.id, d.studyId, d.waveId, {});
    const inv = await ctx()
      .db.selectFrom('research_invitations')
      .select('nonce')
      .where('wave_id', '=', d.waveId)
      .executeTakeFirstOrThrow();
    return { ...d, token: participantToken(ctx(), d.waveId, participant.id, inv.nonce) };
  };
  const S = `${W}/research/studies/:studyId`;
  const V = `${S}/waves/:waveId`;
  const conduct = policy.workspace('research.conduct');
  const params = (p: { studyId: string; waveId?: string; itemId?: string }) => ({
    params: Object.fromEntries(Object.entries(p).filter(([, v]) => v)) as Record<string, string>,
  });
  const onDraft = async (c: Cell) => params(await draft(c));
  const onOpen = async (c: Cell) => params(await open(c));
  const R = '/api/v1/research-responses';
  return {
    [`GET ${S}/waves`]: {
      policy: conduct,
      success: 200,
      request: async (c) => params({ studyId: await study(c) }),
    },
    [`POST ${S}/waves`]: {
      policy: conduct,
      success: 201,
      request: async (c) => ({
        ...params({ studyId: await study(c) }),
        payload: { title: 'Golf', startsOn: '2026-03-01' },
      }),
    },
    [`GET ${V}`]: { policy: conduct, success: 200, request: onDraft },
    [`PATCH ${V}`]: {
      policy: conduct,
      success: 200,
      request: async (c) => ({ ...(await onDraft(c)), payload: { title: 'Anders' } }),
    },
    [`POST ${V}/open`]: { policy: conduct, success: 200, request: onDraft },
    [`POST ${V}/close`]: { policy: conduct, success: 200, request: onOpen },
    [`POST ${V}/items`]: {
      policy: conduct,
      success: 201,
      request: async (c) => ({
        ...params(await draft(c, false)),
        payload: item,
      }),
    },
    [`PATCH ${V}/items/:itemId`]: {
      policy: conduct,
      success: 200,
      request: async (c) => ({ ...(await onDraft(c)), payload: { promptEn: 'How satisfied?' } }),
    },
    [`DELETE ${V}/items/:itemId`]: { policy: conduct, success: 204, request: onDraft },
    [`PUT ${V}/item-order`]: {
      policy: conduct,
      success: 200,
      request: async (c) => {
        const d = await draft(c);
        return { ...params(d), payload: { itemIds: [d.itemId] } };
      },
    },
    [`POST ${V}/copy-items`]: {
      policy: conduct,
      success: 200,
      request: async (c) => {
        const from = await draft(c);
        const w = await createWave(ctx(), system, c.ws.id, from.studyId, {
          title: 'Golf 2',
          startsOn: '2036-03-01',
        });
        return {
          params: { studyId: from.studyId, waveId: w.id },
          payload: { fromWaveId: from.waveId },
        };
      },
    },
    [`GET ${V}/invitations`]: { policy: conduct, success: 200, request: onOpen },
    [`POST ${V}/invitations`]: {
      policy: conduct,
      success: 201,
      request: async (c) => ({ ...(await onOpen(c)), payload: {} }),
    },
    [`POST ${V}/reminders`]: { policy: conduct, success: 200, request: onOpen },
    [`POST ${R}/lookup`]: {
      policy: policy.public,
      success: 200,
      request: async (c) => ({ payload: { token: (await respondent(c)).token } }),
    },
    [`PUT ${R}/answers/:itemId`]: {
      policy: policy.public,
      success: 200,
      request: async (c) => {
        const r = await respondent(c);
        return { params: { itemId: r.itemId }, payload: { token: r.token, value: 3 } };
      },
    },
    [`POST ${R}/submission`]: {
      policy: policy.public,
      success: 200,
      request: async (c) => ({ payload: { token: (await respondent(c)).token } }),
    },
  };
};

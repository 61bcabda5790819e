import { nowIso } from '../../../src/context.ts';
import { policy } from '../../../src/auth/policy.ts';
import { insertTestActor } from '../../../src/modules/activities/test-support.ts';
import { createCode } from '../../../src/modules/research/coding-service.ts';
import { recordConsent } from '../../../src/modules/research/consent-service.ts';
import { addAttachment, createInterview } from '../../../src/modules/research/interview-service.ts';
import { createMemo } from '../../../src/modules/research/memo-service.ts';
import { addParticipant } from '../../../src/modules/research/participant-service.ts';
import { createSegment } from '../../../src/modules/research/segment-service.ts';
import { insertMember } from '../../../src/modules/research/study-repo.ts';
import { createStudy } from '../../../src/modules/research/study-service.ts';
import type { Cell, Rows } from './types.ts';

/**
 * Interviews and qualitative coding of the research module (issue 8). As in research.ts, each
 * request gets a fresh study of the cell's workspace with a calling researcher as its steward,
 * and a participant who consented, an interview with a transcript, a code, a segment and a memo
 * made by the system actor where the route needs them.
 */
export const researchCodingRows: Rows = ({ ctx, system, unique, W }) => {
  const study = async ({ ws, own, caller }: Cell) => {
    const s = await createStudy(ctx(), system, ws.id, {
      title: 'Matrixcodering',
      status: 'active',
    });
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
  const participant = async (cell: Cell) => {
    const studyId = await study(cell);
    const carrier = await insertTestActor(ctx().db, cell.ws.id, { name: unique('Deelnemer') });
    const { participant: p } = await addParticipant(ctx(), system, cell.ws.id, studyId, {
      kind: 'actor',
      actorId: carrier.id,
    });
    for (const purpose of ['participation', 'recording'] as const)
      await recordConsent(ctx(), system, cell.ws.id, studyId, p.id, {
        purpose,
        decision: 'given',
        method: 'written',
        letterVersion: 'v1',
      });
    return { studyId, participantId: p.id };
  };
  const interview = async (cell: Cell) => {
    const { studyId, participantId } = await participant(cell);
    const i = await createInterview(ctx(), system, cell.ws.id, studyId, {
      participantId,
      heldOn: '2025-04-01',
      title: 'Matrixgesprek',
      transcript: 'Ik help mijn buren met boodschappen.',
    });
    return { studyId, interviewId: i.id };
  };
  const code = async (cell: Cell) => {
    const studyId = await study(cell);
    const c = await createCode(ctx(), system, cell.ws.id, studyId, { name: 'Zorg' });
    return { studyId, codeId: c.id };
  };
  const segment = async (cell: Cell) => {
    const { studyId, interviewId } = await interview(cell);
    const c = await createCode(ctx(), system, cell.ws.id, studyId, { name: 'Zorg' });
    const s = await createSegment(ctx(), system, cell.ws.id, studyId, {
      codeId: c.id,
      interviewId,
      start: 0,
      end: 7,
    });
    return { studyId, interviewId, codeId: c.id, segmentId: s.id };
  };
  const memo = async (cell: Cell) => {
    const studyId = await study(cell);
    const m = await createMemo(ctx(), system, cell.ws.id, studyId, {
      title: 'Memo',
      body: 'Tekst',
    });
    return { studyId, memoId: m.id };
  };
  const attachment = async (cell: Cell) => {
    const { studyId, interviewId } = await interview(cell);
    const a = await addAttachment(ctx(), system, cell.ws.id, studyId, interviewId, {
      filename: 'notities.txt',
      mediaType: 'text/plain',
      contentBase64: Buffer.from('notities').toString('base64'),
    });
    return { studyId, interviewId, attachmentId: a.id };
  };
  const params = (p: Record<string, string>) => ({ params: p });
  const S = `${W}/research/studies/:studyId`;
  const I = `${S}/interviews/:interviewId`;
  const conduct = policy.workspace('research.conduct');
  const onStudy = async (cell: Cell) => params({ studyId: await study(cell) });
  return {
    [`GET ${S}/interviews`]: { policy: conduct, success: 200, request: onStudy },
    [`POST ${S}/interviews`]: {
      policy: conduct,
      success: 201,
      request: async (cell) => {
        const { studyId, participantId } = await participant(cell);
        return {
          params: { studyId },
          payload: { participantId, heldOn: '2025-05-01', title: 'Nieuw gesprek' },
        };
      },
    },
    [`GET ${I}`]: {
      policy: conduct,
      success: 200,
      request: async (c) => params(await interview(c)),
    },
    [`PATCH ${I}`]: {
      policy: conduct,
      success: 200,
      request: async (c) => ({ ...params(await interview(c)), payload: { title: 'Anders' } }),
    },
    [`DELETE ${I}`]: {
      policy: conduct,
      success: 204,
      request: async (c) => params(await interview(c)),
    },
    [`PUT ${I}/transcript`]: {
      policy: conduct,
      success: 200,
      request: async (c) => ({
        ...params(await interview(c)),
        payload: {
          filename: 'gesprek.txt',
          format: 'txt',
          contentBase64: Buffer.from('Nieuw transcript').toString('base64'),
        },
      }),
    },
    [`POST ${I}/attachments`]: {
      policy: conduct,
      success: 201,
      request: async (c) => ({
        ...params(await interview(c)),
        payload: {
          filename: 'notities.txt',
          mediaType: 'text/plain',
          contentBase64: Buffer.from('notities').toString('base64'),
        },
      }),
    },
    [`GET ${I}/attachments/:attachmentId`]: {
      policy: conduct,
      success: 200,
      request: async (c) => params(await attachment(c)),
    },
    [`DELETE ${I}/attachments/:attachmentId`]: {
      policy: conduct,
      success: 204,
      request: async (c) => params(await attachment(c)),
    },
    [`GET ${S}/codes`]: { policy: conduct, success: 200, request: onStudy },
    [`POST ${S}/codes`]: {
      policy: conduct,
      success: 201,
      request: async (c) => ({ ...(await onStudy(c)), payload: { name: 'Netwerk' } }),
    },
    [`PATCH ${S}/codes/:codeId`]: {
      policy: conduct,
      success: 200,
      request: async (c) => ({ ...params(await code(c)), payload: { definition: 'Hulp' } }),
    },
    [`DELETE ${S}/codes/:codeId`]: {
      policy: conduct,
      success: 204,
      request: async (c) => params(await code(c)),
    },
    [`POST ${S}/segments`]: {
      policy: conduct,
      success: 201,
      request: async (c) => {
        const { studyId, interviewId } = await interview(c);
        const { id: codeId } = await createCode(ctx(), system, c.ws.id, studyId, { name: 'Hulp' });
        return { params: { studyId }, payload: { codeId, interviewId, start: 3, end: 7 } };
      },
    },
    [`DELETE ${S}/segments/:segmentId`]: {
      policy: conduct,
      success: 204,
      request: async (c) => {
        const { studyId, segmentId } = await segment(c);
        return params({ studyId, segmentId });
      },
    },
    [`GET ${S}/open-answers`]: { policy: conduct, success: 200, request: onStudy },
    [`GET ${S}/memos`]: { policy: conduct, success: 200, request: onStudy },
    [`POST ${S}/memos`]: {
      policy: conduct,
      success: 201,
      request: async (c) => ({ ...(await onStudy(c)), payload: { title: 'Memo', body: 'Inhoud' } }),
    },
    [`PATCH ${S}/memos/:memoId`]: {
      policy: conduct,
      success: 200,
      request: async (c) => ({ ...params(await memo(c)), payload: { title: 'Ander memo' } }),
    },
    [`DELETE ${S}/memos/:memoId`]: {
      policy: conduct,
      success: 204,
      request: async (c) => params(await memo(c)),
    },
    [`GET ${S}/code-frequencies`]: { policy: conduct, success: 200, request: onStudy },
  };
};

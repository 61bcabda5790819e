import { newId } from '../../../src/auth/crypto.ts';
import { policy } from '../../../src/auth/policy.ts';
import { nowIso } from '../../../src/context.ts';
import type { StudyRole } from '../../../src/db/types.ts';
import { insertTestActor } from '../../../src/modules/activities/test-support.ts';
import { insertUser } from '../../../src/modules/auth/repo.ts';
import { addParticipant } from '../../../src/modules/research/participant-service.ts';
import { insertMember } from '../../../src/modules/research/study-repo.ts';
import { createStudy } from '../../../src/modules/research/study-service.ts';
import { upsertMembership } from '../../../src/modules/workspaces/repo.ts';
import type { Cell, Rows, Ws } from './types.ts';

/**
 * Routes of the research module (issue 8). Study-level rules sit on top of the workspace
 * permission: a researcher works only in studies whose team they are on, and the steward alone
 * changes the team, participants and consent. So each request is built for its caller: a fresh
 * study of the cell's workspace with the calling researcher as its steward.
 */
export const researchRows: Rows = ({ ctx, system, unique, W }) => {
  const join = async (studyId: string, ws: Ws, userId: string, role: StudyRole) =>
    insertMember(ctx().db, {
      study_id: studyId,
      workspace_id: ws.id,
      user_id: userId,
      role,
      added_by: null,
      created_at: nowIso(ctx()),
    });
  /** A study of the workspace; a researcher calling in their own workspace is its steward. */
  const study = async ({ ws, own, caller }: Cell) => {
    const s = await createStudy(ctx(), system, ws.id, { title: 'Matrixstudie', status: 'active' });
    if (
      own &&
      caller.userId &&
      caller.spec.kind !== 'anonymous' &&
      caller.spec.role === 'researcher'
    )
      await join(s.id, ws, caller.userId, 'steward');
    return s.id;
  };
  /** A fresh account with the researcher role in the workspace. */
  const researcher = async (ws: Ws) => {
    const id = newId();
    const email = unique('onderzoeker');
    const now = nowIso(ctx());
    await insertUser(ctx().db, {
      id,
      email,
      display_name: 'Onderzoeker',
      language: 'nl',
      password_hash: null,
      password_changed_at: now,
      deactivated_at: null,
      created_at: now,
    });
    await upsertMembership(ctx().db, {
      workspace_id: ws.id,
      user_id: id,
      role: 'researcher',
      created_at: now,
    });
    return { id, email };
  };
  const participant = async (cell: Cell) => {
    const studyId = await study(cell);
    const carrier = await insertTestActor(ctx().db, cell.ws.id, { name: 'Matrixdeelnemer' });
    const { participant: p } = await addParticipant(ctx(), system, cell.ws.id, studyId, {
      kind: 'actor',
      actorId: carrier.id,
    });
    return { studyId, participantId: p.id };
  };
  const S = `${W}/research/studies`;
  const read = policy.workspace('research.read');
  const manage = policy.workspace('research.manage');
  const conduct = policy.workspace('research.conduct');
  const P = `${S}/:studyId/participants/:participantId`;
  return {
    [`GET ${S}`]: { policy: read, success: 200 },
    [`POST ${S}`]: {
      policy: manage,
      success: 201,
      request: async () => ({ payload: { title: 'Nieuwe studie' } }),
    },
    [`GET ${S}/:studyId`]: {
      policy: read,
      success: 200,
      request: async (cell) => ({ params: { studyId: await study(cell) } }),
    },
    [`PATCH ${S}/:studyId`]: {
      policy: manage,
      success: 200,
      request: async (cell) => ({
        params: { studyId: await study(cell) },
        payload: { status: 'closed' },
      }),
    },
    [`PUT ${S}/:studyId/steward`]: {
      policy: manage,
      success: 200,
      request: async (cell) => ({
        params: { studyId: await study(cell) },
        payload: { email: (await researcher(cell.ws)).email },
      }),
    },
    [`GET ${S}/:studyId/members`]: {
      policy: read,
      success: 200,
      request: async (cell) => ({ params: { studyId: await study(cell) } }),
    },
    [`POST ${S}/:studyId/members`]: {
      policy: conduct,
      success: 201,
      request: async (cell) => ({
        params: { studyId: await study(cell) },
        payload: { email: (await researcher(cell.ws)).email },
      }),
    },
    [`DELETE ${S}/:studyId/members/:userId`]: {
      policy: conduct,
      success: 204,
      request: async (cell) => {
        const studyId = await study(cell);
        const r = await researcher(cell.ws);
        await join(studyId, cell.ws, r.id, 'researcher');
        return { params: { studyId, userId: r.id } };
      },
    },
    [`GET ${S}/:studyId/participants`]: {
      policy: conduct,
      success: 200,
      request: async (cell) => ({ params: { studyId: await study(cell) } }),
    },
    [`POST ${S}/:studyId/participants`]: {
      policy: conduct,
      success: 201,
      request: async (cell) => ({
        params: { studyId: await study(cell) },
        payload: { kind: 'external', name: 'Extern', email: unique('extern') },
      }),
    },
    [`GET ${P}`]: {
      policy: conduct,
      success: 200,
      request: async (cell) => ({ params: await participant(cell) }),
    },
    [`POST ${P}/re-identifications`]: {
      policy: policy.workspace('research.conduct', true),
      success: 201,
      request: async (cell) => ({
        params: await participant(cell),
        payload: { reason: 'Matrixcontrole' },
      }),
    },
    [`GET ${P}/consents`]: {
      policy: conduct,
      success: 200,
      request: async (cell) => ({ params: await participant(cell) }),
    },
    [`POST ${P}/consents`]: {
      policy: conduct,
      success: 201,
      request: async (cell) => ({
        params: await participant(cell),
        payload: { purpose: 'recontact', decision: 'withdrawn', method: 'online' },
      }),
    },
  };
};

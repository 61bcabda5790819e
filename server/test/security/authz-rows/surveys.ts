import { policy } from '../../../src/auth/policy.ts';
import { createActor } from '../../../src/modules/actors/service.ts';
import { memberToken } from '../../../src/modules/surveys/mail.ts';
import { createRound, openRound } from '../../../src/modules/surveys/service.ts';
import type { Cell, Rows, Ws } from './types.ts';

const links = { domainIds: [], targetGroupIds: [] };

/**
 * Routes of survey rounds (netwerkmetingen, issue 4). Workspace routes are for coordinators and
 * admins; the questionnaire routes are public (the emailed token authenticates), so each cell
 * gets a fresh open round and a member's token.
 */
export const surveyRows: Rows = ({ ctx, system, W, unique }) => {
  const organisation = async (ws: Ws) =>
    (
      await createActor(ctx(), system, ws.id, {
        kind: 'organisation',
        name: unique('Matrixmeting'),
        orgKind: 'stichting_vereniging',
        visibility: 'workspace',
        areaIds: [],
        ...links,
      })
    ).id;
  const body = async (ws: Ws) => ({
    title: unique('Matrixronde'),
    intro: '',
    opensOn: '2026-01-01',
    closesOn: '2099-12-31',
    reminderDays: 7,
    members: [
      { actorId: await organisation(ws), email: unique('a') },
      { actorId: await organisation(ws), email: unique('b') },
    ],
  });
  const draft = async ({ ws }: Cell) =>
    (await createRound(ctx(), system, ws.id, await body(ws))).id;
  const open = async (cell: Cell) => {
    const id = await draft(cell);
    await openRound(ctx(), system, cell.ws.id, id);
    return id;
  };
  /** A fresh open round and the token of its first member, with the other member's id. */
  const respondent = async (cell: Cell) => {
    const id = await open(cell);
    const [m, other] = await ctx()
      .db.selectFrom('survey_members')
      .select(['actor_id', 'token_nonce'])
      .where('round_id', '=', id)
      .orderBy('actor_id')
      .execute();
    return {
      token: memberToken(ctx(), id, m!.actor_id, m!.token_nonce!),
      alterId: other!.actor_id,
    };
  };
  const rounds = `${W}/survey-rounds`;
  const responses = '/api/v1/survey-responses';
  return {
    [`GET ${rounds}`]: { policy: policy.workspace('surveys.read'), success: 200 },
    [`POST ${rounds}`]: {
      policy: policy.workspace('surveys.manage'),
      success: 201,
      request: async ({ ws }) => ({ payload: await body(ws) }),
    },
    [`GET ${rounds}/:roundId`]: {
      policy: policy.workspace('surveys.read'),
      success: 200,
      request: async (cell) => ({ params: { roundId: await draft(cell) } }),
    },
    [`POST ${rounds}/:roundId/opening`]: {
      policy: policy.workspace('surveys.manage'),
      success: 200,
      request: async (cell) => ({ params: { roundId: await draft(cell) } }),
    },
    [`POST ${rounds}/:roundId/closing`]: {
      policy: policy.workspace('surveys.manage'),
      success: 200,
      request: async (cell) => ({ params: { roundId: await open(cell) } }),
    },
    [`POST ${rounds}/:roundId/reminders`]: {
      policy: policy.workspace('surveys.manage'),
      success: 200,
      request: async (cell) => ({ params: { roundId: await open(cell) } }),
    },
    [`POST ${responses}/lookup`]: {
      policy: policy.public,
      success: 200,
      request: async (cell) => ({ payload: { token: (await respondent(cell)).token } }),
    },
    [`PUT ${responses}/answers/:alterId`]: {
      policy: policy.public,
      success: 200,
      request: async (cell) => {
        const { token, alterId } = await respondent(cell);
        return { params: { alterId }, payload: { token, chosen: true, intensity: 'cooperative' } };
      },
    },
    [`POST ${responses}/submission`]: {
      policy: policy.public,
      success: 200,
      request: async (cell) => ({ payload: { token: (await respondent(cell)).token } }),
    },
  };
};

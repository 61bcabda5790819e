import { policy } from '../../../src/auth/policy.ts';
import type { Actor } from '../../../src/context.ts';
import { findActorByUser } from '../../../src/modules/actors/repo.ts';
import { createActor } from '../../../src/modules/actors/service.ts';
import { importAreas } from '../../../src/modules/areas/service.ts';
import { createInitiative } from '../../../src/modules/initiatives/service.ts';
import { acceptMatch, proposeMatch } from '../../../src/modules/support/match-service.ts';
import { createNeed } from '../../../src/modules/support/need-service.ts';
import { createOffer } from '../../../src/modules/support/offer-service.ts';
import { areaFile } from './areas.ts';
import type { Cell, Rows, Ws } from './types.ts';

const links = { domainIds: [], targetGroupIds: [] };

/**
 * Routes of durable support (issue 6). Needs, matches and commitments belong to the caller's own
 * carrier (what support.self routes check); offers are visible to the workspace.
 */
export const supportRows: Rows = ({ ctx, system, W }) => {
  const areaOf = async (ws: Ws) => {
    await importAreas(ctx(), system, ws.id, areaFile, { year: 2024 });
    return (
      await ctx()
        .db.selectFrom('areas')
        .select('id')
        .where('workspace_id', '=', ws.id)
        .executeTakeFirstOrThrow()
    ).id;
  };
  const organisation = async (ws: Ws) =>
    (
      await createActor(ctx(), system, ws.id, {
        kind: 'organisation',
        name: 'Matrixfonds',
        orgKind: 'fonds',
        areaIds: [],
        ...links,
      })
    ).id;
  const offer = async (ws: Ws) =>
    (
      await createOffer(ctx(), system, ws.id, {
        providerId: await organisation(ws),
        type: 'coaching',
        title: 'Matrixcoaching',
        capacityPerMonth: 100,
        startDate: '2026-01-01',
        endDate: null,
        areaIds: [],
        ...links,
        personsEligible: true,
        visibility: 'workspace',
      })
    ).id;
  /** The caller's own carrier in its own workspace; an unlinked one elsewhere. */
  const carrier = async ({ ws, own, caller }: Cell) => {
    const existing =
      own && caller.userId ? await findActorByUser(ctx().db, ws.id, caller.userId) : undefined;
    if (existing) return existing.id;
    return (
      await createActor(ctx(), system, ws.id, {
        kind: 'person',
        name: 'Matrixdrager',
        roles: [],
        areaIds: [],
        ...links,
        ...(own && caller.userId ? { userId: caller.userId } : {}),
      })
    ).id;
  };
  const need = async (cell: Cell) =>
    (
      await createNeed(ctx(), system, cell.ws.id, {
        requesterId: await carrier(cell),
        type: 'coaching',
        description: 'Begeleiding bij de aanvraag',
        amountPerMonth: 4,
        startDate: '2026-03-01',
        endDate: '2026-12-31',
        urgency: 'normal',
        areaId: await areaOf(cell.ws),
        ...links,
        visibility: 'workspace',
      })
    ).id;
  const match = async (cell: Cell) =>
    (
      await proposeMatch(ctx(), system, cell.ws.id, {
        offerId: await offer(cell.ws),
        needId: await need(cell),
      })
    ).id;
  const commitment = async (cell: Cell) => {
    const id = await match(cell);
    const as: Actor = system;
    await acceptMatch(ctx(), as, cell.ws.id, id, 'provider');
    return (await acceptMatch(ctx(), as, cell.ws.id, id, 'recipient')).commitmentId!;
  };
  const offers = `${W}/support-offers`;
  const needs = `${W}/support-needs`;
  const matches = `${W}/support-matches`;
  return {
    [`GET ${offers}`]: { policy: policy.workspace('support.read'), success: 200 },
    [`POST ${offers}`]: {
      policy: policy.workspace('support.manage'),
      success: 201,
      request: async ({ ws }) => ({
        payload: {
          providerId: await organisation(ws),
          type: 'money',
          title: 'Buurtbudget',
          capacityPerMonth: 50_000,
          startDate: '2026-01-01',
          areaIds: [],
          ...links,
          personsEligible: false,
        },
      }),
    },
    [`GET ${offers}/:offerId`]: {
      policy: policy.workspace('support.read'),
      success: 200,
      request: async ({ ws }) => ({ params: { offerId: await offer(ws) } }),
    },
    [`PATCH ${offers}/:offerId`]: {
      policy: policy.workspace('support.manage'),
      success: 200,
      request: async ({ ws }) => ({
        params: { offerId: await offer(ws) },
        payload: { title: 'Bijgewerkt' },
      }),
    },
    [`DELETE ${offers}/:offerId`]: {
      policy: policy.workspace('support.manage'),
      success: 204,
      request: async ({ ws }) => ({ params: { offerId: await offer(ws) } }),
    },
    [`GET ${offers}/:offerId/matches`]: {
      policy: policy.workspace('support.manage'),
      success: 200,
      request: async ({ ws }) => ({ params: { offerId: await offer(ws) } }),
    },
    [`GET ${needs}`]: { policy: policy.workspace('support.read'), success: 200 },
    [`POST ${needs}`]: {
      policy: policy.workspace('support.self'),
      success: 201,
      request: async (cell) => ({
        payload: {
          requesterId: await carrier(cell),
          type: 'space',
          description: 'Een ruimte voor de inloop',
          amountPerMonth: 8,
          startDate: '2026-04-01',
          urgency: 'high',
          areaId: await areaOf(cell.ws),
          ...links,
        },
      }),
    },
    [`GET ${needs}/:needId`]: {
      policy: policy.workspace('support.read'),
      success: 200,
      request: async (cell) => ({ params: { needId: await need(cell) } }),
    },
    [`PATCH ${needs}/:needId`]: {
      policy: policy.workspace('support.self'),
      success: 200,
      request: async (cell) => ({
        params: { needId: await need(cell) },
        payload: { urgency: 'high' },
      }),
    },
    [`DELETE ${needs}/:needId`]: {
      policy: policy.workspace('support.self'),
      success: 204,
      request: async (cell) => ({ params: { needId: await need(cell) } }),
    },
    [`GET ${needs}/:needId/matches`]: {
      policy: policy.workspace('support.self'),
      success: 200,
      request: async (cell) => ({ params: { needId: await need(cell) } }),
    },
    [`GET ${matches}`]: { policy: policy.workspace('support.read'), success: 200 },
    [`POST ${matches}`]: {
      policy: policy.workspace('support.self'),
      success: 201,
      request: async (cell) => ({
        payload: { offerId: await offer(cell.ws), needId: await need(cell) },
      }),
    },
    [`GET ${matches}/:matchId`]: {
      policy: policy.workspace('support.read'),
      success: 200,
      request: async (cell) => ({ params: { matchId: await match(cell) } }),
    },
    [`POST ${matches}/:matchId/acceptances`]: {
      policy: policy.workspace('support.self'),
      success: 201,
      request: async (cell) => ({
        params: { matchId: await match(cell) },
        payload: { side: 'recipient' },
      }),
    },
    [`POST ${matches}/:matchId/rejection`]: {
      policy: policy.workspace('support.self'),
      success: 200,
      request: async (cell) => ({ params: { matchId: await match(cell) } }),
    },
    [`GET ${W}/support-commitments`]: { policy: policy.workspace('support.read'), success: 200 },
    [`POST ${W}/support-commitments`]: {
      policy: policy.workspace('support.manage'),
      success: 201,
      request: async ({ ws }) => ({
        payload: {
          offerId: await offer(ws),
          recipientType: 'initiative',
          recipientInitiativeId: (
            await createInitiative(ctx(), system, ws.id, {
              name: 'Matrixinitiatief',
              status: 'active',
              visibility: 'workspace',
              areaIds: [],
              ...links,
              participants: [],
            })
          ).id,
          amountPerMonth: 2,
          startDate: '2026-03-01',
          endDate: '2026-12-31',
        },
      }),
    },
    [`GET ${W}/support-commitments/:commitmentId`]: {
      policy: policy.workspace('support.read'),
      success: 200,
      request: async (cell) => ({ params: { commitmentId: await commitment(cell) } }),
    },
    [`POST ${W}/support-commitments/:commitmentId/ending`]: {
      policy: policy.workspace('support.manage'),
      success: 200,
      request: async (cell) => ({
        params: { commitmentId: await commitment(cell) },
        payload: { kind: 'cancel', reason: 'Het fonds stopt met deze regeling' },
      }),
    },
    [`POST ${W}/support-commitments/:commitmentId/renewals`]: {
      policy: policy.workspace('support.manage'),
      success: 201,
      request: async (cell) => ({
        params: { commitmentId: await commitment(cell) },
        payload: { endDate: '2027-06-30' },
      }),
    },
    [`POST ${W}/support-commitments/:commitmentId/deliveries`]: {
      policy: policy.workspace('support.self'),
      success: 201,
      request: async (cell) => ({
        params: { commitmentId: await commitment(cell) },
        payload: { deliveredOn: '2026-03-01', amount: 2 },
      }),
    },
    [`GET ${W}/support-commitments/:commitmentId/deliveries`]: {
      policy: policy.workspace('support.read'),
      success: 200,
      request: async (cell) => ({ params: { commitmentId: await commitment(cell) } }),
    },
    [`GET ${W}/support-commitments/:commitmentId/durability`]: {
      policy: policy.workspace('support.read'),
      success: 200,
      request: async (cell) => ({ params: { commitmentId: await commitment(cell) } }),
    },
  };
};

import { policy } from '../../../src/auth/policy.ts';
import { findActorByUser } from '../../../src/modules/actors/repo.ts';
import { createActor } from '../../../src/modules/actors/service.ts';
import { createTie } from '../../../src/modules/ties/service.ts';
import type { Cell, Rows, Ws } from './types.ts';

const links = { domainIds: [], targetGroupIds: [] };

/**
 * Routes of ties (relaties, issue 4). Writes are ties.self: every role may record a tie of its
 * own carrier (the service checks it), so each cell ties the caller's own carrier to an
 * organisation visible to the workspace.
 */
export const tieRows: Rows = ({ ctx, system, W, unique }) => {
  const organisation = async (ws: Ws) =>
    (
      await createActor(ctx(), system, ws.id, {
        kind: 'organisation',
        name: unique('Matrixbuurthuis'),
        orgKind: 'stichting_vereniging',
        visibility: 'workspace',
        areaIds: [],
        ...links,
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
  const body = async (cell: Cell) => ({
    fromActorId: await carrier(cell),
    toActorId: await organisation(cell.ws),
    type: 'collaboration' as const,
    directed: false,
    intensity: 'cooperative' as const,
    startDate: '2026-01-01',
  });
  const tie = async (cell: Cell) =>
    (await createTie(ctx(), system, cell.ws.id, await body(cell))).id;
  const ties = `${W}/ties`;
  return {
    [`GET ${ties}`]: { policy: policy.workspace('ties.read'), success: 200 },
    [`POST ${ties}`]: {
      policy: policy.workspace('ties.self'),
      success: 201,
      request: async (cell) => ({ payload: await body(cell) }),
    },
    [`GET ${ties}/:tieId`]: {
      policy: policy.workspace('ties.read'),
      success: 200,
      request: async (cell) => ({ params: { tieId: await tie(cell) } }),
    },
    [`PATCH ${ties}/:tieId`]: {
      policy: policy.workspace('ties.self'),
      success: 200,
      request: async (cell) => ({
        params: { tieId: await tie(cell) },
        payload: { intensity: 'integrated' },
      }),
    },
    [`DELETE ${ties}/:tieId`]: {
      policy: policy.workspace('ties.self'),
      success: 204,
      request: async (cell) => ({ params: { tieId: await tie(cell) } }),
    },
    [`GET ${W}/actors/:actorId/ties`]: {
      policy: policy.workspace('ties.read'),
      success: 200,
      request: async ({ ws }) => ({ params: { actorId: await organisation(ws) } }),
    },
  };
};

import { permissionRoles, policy } from '../../../src/auth/policy.ts';
import type { Actor } from '../../../src/context.ts';
import type { Role } from '../../../src/db/types.ts';
import { createOwner } from '../../../src/modules/obstacles/owners-service.ts';
import { assignOwner } from '../../../src/modules/obstacles/response-service.ts';
import type { ObstacleCreate } from '../../../src/modules/obstacles/schema.ts';
import { reportObstacle } from '../../../src/modules/obstacles/service.ts';
import type { Cell, Rows } from './types.ts';

let seq = 0;
const report: ObstacleCreate = {
  category: 'funding',
  subcategory: 'too_short',
  severity: 'medium',
  title: 'Matrixknelpunt',
  description: 'Elk jaar een nieuwe aanvraag.',
  areaIds: [],
  domainIds: [],
  anonymous: false,
};

/**
 * Routes of the obstacle register (issue 7). Each write cell gets a fresh obstacle; responses act
 * on an obstacle routed to an owner the caller answers for (when its role may respond), and the
 * withdrawal on an obstacle the caller reported by name.
 */
export const obstacleRows: Rows = ({ ctx, system, W }) => {
  const obstacle = async ({ ws }: Cell, as: Actor = system) =>
    (await reportObstacle(ctx(), as, ws.id, report)).id;
  const responders: readonly Role[] = permissionRoles['obstacles.respond'];
  const owner = async ({ ws, own, caller }: Cell) => {
    const mayRespond =
      own &&
      caller.userId &&
      caller.spec.kind !== 'anonymous' &&
      responders.includes(caller.spec.role);
    return createOwner(ctx(), system, ws.id, {
      name: `Matrixeigenaar ${++seq}`,
      kind: 'department',
      memberUserIds: [mayRespond ? caller.userId! : ws.adminId],
    });
  };
  const one = `${W}/obstacles/:obstacleId`;
  return {
    [`GET ${W}/obstacles`]: { policy: policy.workspace('obstacles.read'), success: 200 },
    [`POST ${W}/obstacles`]: {
      policy: policy.workspace('obstacles.report'),
      success: 201,
      request: async () => ({ payload: report }),
    },
    [`GET ${one}`]: {
      policy: policy.workspace('obstacles.read'),
      success: 200,
      request: async (cell) => ({ params: { obstacleId: await obstacle(cell) } }),
    },
    [`POST ${one}/endorsements`]: {
      policy: policy.workspace('obstacles.report'),
      success: 201,
      request: async (cell) => ({
        params: { obstacleId: await obstacle(cell) },
        payload: { context: 'Herkenbaar' },
      }),
    },
    [`PUT ${one}/owner`]: {
      policy: policy.workspace('obstacles.moderate'),
      success: 200,
      request: async (cell) => ({
        params: { obstacleId: await obstacle(cell) },
        payload: { ownerId: (await owner(cell)).id, dueDate: '2026-04-01' },
      }),
    },
    [`POST ${one}/responses`]: {
      policy: policy.workspace('obstacles.respond'),
      success: 201,
      request: async (cell) => {
        const id = await obstacle(cell);
        const o = await owner(cell);
        await assignOwner(ctx(), system, cell.ws.id, id, { ownerId: o.id, dueDate: '2026-04-01' });
        return { params: { obstacleId: id }, payload: { status: 'acknowledged' } };
      },
    },
    [`POST ${one}/withdrawal`]: {
      policy: policy.workspace('obstacles.report'),
      success: 200,
      request: async (cell) => {
        const { ws, own, caller } = cell;
        const reporter: Actor =
          own && caller.userId && caller.spec.kind !== 'anonymous'
            ? {
                kind: 'user',
                userId: caller.userId,
                via: 'session',
                memberships: [{ workspaceId: ws.id, role: caller.spec.role }],
              }
            : system;
        return { params: { obstacleId: await obstacle(cell, reporter) } };
      },
    },
    [`POST ${one}/merge`]: {
      policy: policy.workspace('obstacles.moderate'),
      success: 200,
      request: async (cell) => ({
        params: { obstacleId: await obstacle(cell) },
        payload: { intoId: await obstacle(cell) },
      }),
    },
    [`POST ${one}/redactions`]: {
      policy: policy.workspace('obstacles.moderate'),
      success: 201,
      request: async (cell) => ({
        params: { obstacleId: await obstacle(cell) },
        payload: { field: 'description', find: 'Elk jaar', reason: 'Test' },
      }),
    },
    [`PUT ${one}/moderation`]: {
      policy: policy.workspace('obstacles.moderate'),
      success: 200,
      request: async (cell) => ({
        params: { obstacleId: await obstacle(cell) },
        payload: { hidden: true, reason: 'Kwetsend' },
      }),
    },
    [`GET ${W}/obstacle-owners`]: { policy: policy.workspace('obstacles.read'), success: 200 },
    [`POST ${W}/obstacle-owners`]: {
      policy: policy.workspace('obstacles.moderate'),
      success: 201,
      request: async ({ ws }) => ({
        payload: {
          name: `Matrixafdeling ${++seq}`,
          kind: 'department',
          memberUserIds: [ws.adminId],
        },
      }),
    },
    [`GET ${W}/obstacle-dashboard`]: { policy: policy.workspace('obstacles.read'), success: 200 },
    [`GET ${W}/obstacle-reports/:year`]: {
      policy: policy.workspace('obstacles.read'),
      success: 200,
      request: async () => ({ params: { year: '2026' } }),
    },
  };
};

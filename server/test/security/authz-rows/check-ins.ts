import { newId } from '../../../src/auth/crypto.ts';
import { policy } from '../../../src/auth/policy.ts';
import { nowIso, type Actor } from '../../../src/context.ts';
import { findActorByUser } from '../../../src/modules/actors/repo.ts';
import { createActor } from '../../../src/modules/actors/service.ts';
import { insertUser } from '../../../src/modules/auth/repo.ts';
import { fileCheckIn, shareCheckIns } from '../../../src/modules/check-ins/service.ts';
import { upsertMembership } from '../../../src/modules/workspaces/repo.ts';
import type { Cell, Rows, Ws } from './types.ts';

/**
 * Routes of carriers' check-ins (issue 6). Every `checkins.self` route acts on the caller's own
 * check-ins, so the requests are built for the caller: their own carrier record, their own
 * check-in, a share of their own. Nobody reads another's check-ins by role.
 */
export const checkInRows: Rows = ({ ctx, system, unique, W }) => {
  /** The caller's own carrier in its own workspace (created when it has none). */
  const carrier = async ({ ws, own, caller }: Cell) => {
    if (!own || !caller.userId) return;
    if (await findActorByUser(ctx().db, ws.id, caller.userId)) return;
    await createActor(ctx(), system, ws.id, {
      kind: 'person',
      name: 'Matrixdrager',
      roles: [],
      areaIds: [],
      domainIds: [],
      targetGroupIds: [],
      userId: caller.userId,
    });
  };
  const callerActor = ({ ws, caller }: Cell): Actor =>
    caller.userId && caller.spec.kind !== 'anonymous'
      ? {
          kind: 'user',
          userId: caller.userId,
          via: 'session',
          memberships: [{ workspaceId: ws.id, role: caller.spec.role }],
        }
      : system;
  const today = () => nowIso(ctx()).slice(0, 10);
  const checkIn = async (cell: Cell) => {
    if (!cell.own || !cell.caller.userId) return newId();
    await carrier(cell);
    return (
      await fileCheckIn(ctx(), callerActor(cell), cell.ws.id, {
        date: today(),
        workload: 3,
        energy: 3,
        supportFelt: 3,
      })
    ).id;
  };
  /** A fresh member of the workspace to share with. */
  const member = async (ws: Ws) => {
    const id = newId();
    const email = unique('reader');
    const now = nowIso(ctx());
    await insertUser(ctx().db, {
      id,
      email,
      display_name: 'Lezer',
      language: 'nl',
      password_hash: null,
      password_changed_at: now,
      deactivated_at: null,
      created_at: now,
    });
    await upsertMembership(ctx().db, {
      workspace_id: ws.id,
      user_id: id,
      role: 'coordinator',
      created_at: now,
    });
    return { id, email };
  };
  const mine = `${W}/me/check-ins`;
  const shares = `${W}/me/check-in-shares`;
  const self = policy.workspace('checkins.self');
  return {
    [`GET ${mine}`]: { policy: self, success: 200 },
    [`POST ${mine}`]: {
      policy: self,
      success: 201,
      request: async (cell) => {
        await carrier(cell);
        return { payload: { date: today(), workload: 2, energy: 4, supportFelt: 5 } };
      },
    },
    [`GET ${mine}/:checkInId`]: {
      policy: self,
      success: 200,
      request: async (cell) => ({ params: { checkInId: await checkIn(cell) } }),
    },
    [`DELETE ${mine}/:checkInId`]: {
      policy: self,
      success: 204,
      request: async (cell) => ({ params: { checkInId: await checkIn(cell) } }),
    },
    [`GET ${W}/me/check-in-settings`]: { policy: self, success: 200 },
    [`PUT ${W}/me/check-in-settings`]: {
      policy: self,
      success: 200,
      request: async (cell) => {
        await carrier(cell);
        return { payload: { reminderInterval: 'monthly', language: 'nl' } };
      },
    },
    [`GET ${shares}`]: { policy: self, success: 200 },
    [`POST ${shares}`]: {
      policy: self,
      success: 201,
      request: async (cell) => {
        await carrier(cell);
        return { payload: { email: (await member(cell.ws)).email } };
      },
    },
    [`DELETE ${shares}/:userId`]: {
      policy: self,
      success: 204,
      request: async (cell) => {
        const reader = await member(cell.ws);
        if (cell.own && cell.caller.userId) {
          await carrier(cell);
          await shareCheckIns(ctx(), callerActor(cell), cell.ws.id, reader.email);
        }
        return { params: { userId: reader.id } };
      },
    },
    [`GET ${W}/shared-check-ins`]: { policy: self, success: 200 },
    [`GET ${W}/check-in-aggregates`]: {
      policy: policy.workspace('checkins.aggregates'),
      success: 200,
    },
  };
};

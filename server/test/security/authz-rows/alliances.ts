import { policy } from '../../../src/auth/policy.ts';
import { findActorByUser } from '../../../src/modules/actors/repo.ts';
import { createActor } from '../../../src/modules/actors/service.ts';
import { addContribution } from '../../../src/modules/alliances/records-service.ts';
import { createAlliance } from '../../../src/modules/alliances/service.ts';
import type { Cell, Rows, Ws } from './types.ts';

const links = { domainIds: [], targetGroupIds: [] };

/**
 * Routes of alliances (bondgenootschappen, issue 5). Alliances are visible to the workspace;
 * writes are alliances.self: every role may change an alliance its own carrier leads (the
 * service checks it), so each cell gets a fresh alliance led by the caller's own carrier.
 */
export const allianceRows: Rows = ({ ctx, system, W, unique }) => {
  const organisation = async (ws: Ws) =>
    (
      await createActor(ctx(), system, ws.id, {
        kind: 'organisation',
        name: unique('Matrixwelzijn'),
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
  const led = async (cell: Cell) => {
    const a = await createAlliance(
      ctx(),
      system,
      { ...cell.ws, directory_version: 0 },
      {
        name: unique('Matrixalliantie'),
        decisionRule: 'consensus',
        visibility: 'workspace',
        members: [
          {
            actorId: await carrier(cell),
            role: 'lead',
            seats: 1,
            votes: 1,
            startDate: '2025-01-01',
          },
        ],
      },
    );
    return { allianceId: a.id, memberId: a.members[0]!.id };
  };
  const contribution = (memberId: string) => ({
    memberId,
    period: '2025-Q1',
    kind: 'money' as const,
    valueCents: 10_000,
  });
  const alliances = `${W}/alliances`;
  const one = `${alliances}/:allianceId`;
  const params = async (cell: Cell) => ({ params: { allianceId: (await led(cell)).allianceId } });
  const read = { policy: policy.workspace('alliances.read'), success: 200, request: params };
  const self = policy.workspace('alliances.self');
  return {
    [`GET ${alliances}`]: { policy: policy.workspace('alliances.read'), success: 200 },
    [`POST ${alliances}`]: {
      policy: policy.workspace('alliances.manage'),
      success: 201,
      request: async () => ({
        payload: { name: unique('Matrixalliantie'), decisionRule: 'majority' },
      }),
    },
    [`GET ${one}`]: read,
    [`PATCH ${one}`]: {
      policy: self,
      success: 200,
      request: async (cell) => ({ ...(await params(cell)), payload: { status: 'paused' } }),
    },
    [`GET ${one}/balance`]: read,
    [`POST ${one}/members`]: {
      policy: self,
      success: 201,
      request: async (cell) => ({
        ...(await params(cell)),
        payload: {
          actorId: await organisation(cell.ws),
          role: 'member',
          seats: 1,
          votes: 1,
          startDate: '2025-01-01',
        },
      }),
    },
    [`PATCH ${one}/members/:memberId`]: {
      policy: self,
      success: 200,
      request: async (cell) => ({ params: await led(cell), payload: { votes: 2 } }),
    },
    [`POST ${one}/members/:memberId/end`]: {
      policy: self,
      success: 200,
      request: async (cell) => ({ params: await led(cell), payload: { endDate: '2026-12-31' } }),
    },
    [`GET ${one}/agreements`]: read,
    [`POST ${one}/agreements`]: {
      policy: self,
      success: 201,
      request: async (cell) => ({
        ...(await params(cell)),
        payload: { aims: 'Samen sterker', charter: 'Wij besluiten samen.' },
      }),
    },
    [`GET ${one}/contributions`]: read,
    [`POST ${one}/contributions`]: {
      policy: self,
      success: 201,
      request: async (cell) => {
        const { allianceId, memberId } = await led(cell);
        return { params: { allianceId }, payload: contribution(memberId) };
      },
    },
    [`DELETE ${one}/contributions/:contributionId`]: {
      policy: self,
      success: 204,
      request: async (cell) => {
        const { allianceId, memberId } = await led(cell);
        const c = await addContribution(
          ctx(),
          system,
          cell.ws.id,
          allianceId,
          contribution(memberId),
        );
        return { params: { allianceId, contributionId: c.id } };
      },
    },
    [`GET ${one}/log`]: read,
    [`POST ${one}/log`]: {
      policy: self,
      success: 201,
      request: async (cell) => ({
        ...(await params(cell)),
        payload: { date: '2026-01-15', kind: 'meeting', title: 'Overleg' },
      }),
    },
  };
};

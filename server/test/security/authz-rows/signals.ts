import { newId } from '../../../src/auth/crypto.ts';
import { policy } from '../../../src/auth/policy.ts';
import { findActorByUser } from '../../../src/modules/actors/repo.ts';
import { createActor } from '../../../src/modules/actors/service.ts';
import { insertSignals } from '../../../src/modules/signals/repo.ts';
import type { Cell, Rows, Ws } from './types.ts';

const links = { domainIds: [], targetGroupIds: [] };

const explanation = JSON.stringify({
  facts: {
    sharedAreas: 1,
    sharedDomains: 1,
    sharedTargetGroups: 0,
    overlapDays: 60,
    contestedHours: null,
    kindA: 'person',
    kindB: 'large',
    tieTypes: [],
    sharedFunders: 0,
  },
  components: {},
  reasons: [],
  cells: [],
});

/**
 * Routes of overlap signals (issue 5). Reads and moves are open to every role by permission; the
 * service then shows a signal only to its parties and coordinators, so each cell makes the caller's
 * own carrier one of the two actors of a fresh open signal.
 */
export const signalRows: Rows = ({ ctx, system, W, unique }) => {
  const organisation = async (ws: Ws) =>
    (
      await createActor(ctx(), system, ws.id, {
        kind: 'organisation',
        name: unique('Matrixwelzijn'),
        orgKind: 'welzijnsorganisatie',
        visibility: 'workspace',
        areaIds: [],
        ...links,
      })
    ).id;
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
  const signal = async (cell: Cell) => {
    const [a, b] = [await carrier(cell), await organisation(cell.ws)].sort();
    const id = newId();
    const now = new Date().toISOString();
    await insertSignals(ctx().db, [
      {
        id,
        workspace_id: cell.ws.id,
        actor_a_id: a!,
        actor_b_id: b!,
        state: 'open',
        score: 0.7,
        fingerprint: '0000000000000000',
        explanation,
        dismissed_snapshot: null,
        dismiss_reason: null,
        alliance_id: null,
        stale_at: null,
        first_detected_at: now,
        detected_at: now,
        updated_at: now,
      },
    ]);
    return id;
  };
  const signals = `${W}/overlap-signals`;
  return {
    [`GET ${signals}`]: { policy: policy.workspace('signals.read'), success: 200 },
    [`GET ${signals}/:signalId`]: {
      policy: policy.workspace('signals.read'),
      success: 200,
      request: async (cell) => ({ params: { signalId: await signal(cell) } }),
    },
    [`POST ${signals}/:signalId/transitions`]: {
      policy: policy.workspace('signals.act'),
      success: 200,
      request: async (cell) => ({
        params: { signalId: await signal(cell) },
        payload: { to: 'seen' },
      }),
    },
    [`POST ${signals}/:signalId/notes`]: {
      policy: policy.workspace('signals.act'),
      success: 201,
      request: async (cell) => ({
        params: { signalId: await signal(cell) },
        payload: { text: 'Matrixnotitie' },
      }),
    },
    [`GET ${W}/overlap-settings`]: { policy: policy.workspace('signals.read'), success: 200 },
    [`PUT ${W}/overlap-settings`]: {
      policy: policy.workspace('signals.manage'),
      success: 200,
      request: async () => ({ payload: { threshold: null } }),
    },
    [`GET ${W}/actors/:actorId/ally-suggestions`]: {
      policy: policy.workspace('signals.read'),
      success: 200,
      request: async ({ ws }) => ({ params: { actorId: await organisation(ws) } }),
    },
  };
};

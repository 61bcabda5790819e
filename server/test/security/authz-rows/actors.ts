import { policy } from '../../../src/auth/policy.ts';
import { addAffiliation } from '../../../src/modules/actors/affiliations.ts';
import { findActorByUser } from '../../../src/modules/actors/repo.ts';
import type { ActorCreate } from '../../../src/modules/actors/schema.ts';
import { createActor, deleteActor } from '../../../src/modules/actors/service.ts';
import type { Cell, Rows } from './types.ts';

const links = { areaIds: [], domainIds: [], targetGroupIds: [] };
const organisation = (name: string): ActorCreate => ({
  kind: 'organisation',
  name,
  orgKind: 'stichting_vereniging',
  ...links,
});
const person = (name: string, extra: Partial<ActorCreate> = {}): ActorCreate =>
  ({ kind: 'person', name, roles: [], ...links, ...extra }) as ActorCreate;

/** Routes of the actors module (issue 3). */
export const actorsRows: Rows = ({ ctx, system, W }) => {
  const make = async (ws: Cell['ws'], input: ActorCreate) =>
    (await createActor(ctx(), system, ws.id, input)).id;
  /** The caller's own carrier in its own workspace (what directory.self routes need). */
  const ownCarrier = async ({ ws, own, caller }: Cell) => {
    if (!own || !caller.userId) return make(ws, person('Niet de beller'));
    const existing = await findActorByUser(ctx().db, ws.id, caller.userId);
    return existing?.id ?? make(ws, person('Eigen drager', { userId: caller.userId }));
  };
  const affiliation = async (ws: Cell['ws']) => {
    const p = await make(ws, person('Lid'));
    const o = await make(ws, organisation('Vereniging'));
    return (await addAffiliation(ctx(), system, ws.id, p, { counterpartId: o, role: 'lid' })).id;
  };

  return {
    [`GET ${W}/actors`]: { policy: policy.workspace('directory.read'), success: 200 },
    [`POST ${W}/actors`]: {
      policy: policy.workspace('directory.manage'),
      success: 201,
      request: async () => ({ payload: organisation('Matrix organisatie') }),
    },
    [`GET ${W}/actors/:actorId`]: {
      policy: policy.workspace('directory.read'),
      success: 200,
      // A workspace-visible organisation: every member may read it.
      request: async ({ ws }) => ({
        params: { actorId: await make(ws, organisation('Zichtbaar')) },
      }),
    },
    [`PATCH ${W}/actors/:actorId`]: {
      policy: policy.workspace('directory.self'),
      success: 200,
      request: async (cell) => ({
        params: { actorId: await ownCarrier(cell) },
        payload: { bio: 'Bijgewerkt' },
      }),
    },
    [`DELETE ${W}/actors/:actorId`]: {
      policy: policy.workspace('directory.manage'),
      success: 204,
      request: async ({ ws }) => ({ params: { actorId: await make(ws, organisation('Weg')) } }),
    },
    [`PUT ${W}/actors/:actorId/consent`]: {
      policy: policy.workspace('directory.manage'),
      success: 200,
      request: async ({ ws }) => ({
        params: { actorId: await make(ws, person('Toestemming')) },
        payload: { givenOn: '2026-01-15', textVersion: '2026-01' },
      }),
    },
    [`DELETE ${W}/actors/:actorId/consent`]: {
      policy: policy.workspace('directory.manage'),
      success: 204,
      request: async ({ ws }) => ({
        params: {
          actorId: await make(
            ws,
            person('Intrekken', {
              visibility: 'workspace',
              consent: { givenOn: '2026-01-15', textVersion: '2026-01' },
            }),
          ),
        },
      }),
    },
    [`POST ${W}/actors/:actorId/affiliations`]: {
      policy: policy.workspace('directory.manage'),
      success: 201,
      request: async ({ ws }) => ({
        params: { actorId: await make(ws, person('Vrijwilliger')) },
        payload: { counterpartId: await make(ws, organisation('Buurthuis')), role: 'vrijwilliger' },
      }),
    },
    [`PATCH ${W}/affiliations/:affiliationId`]: {
      policy: policy.workspace('directory.manage'),
      success: 200,
      request: async ({ ws }) => ({
        params: { affiliationId: await affiliation(ws) },
        payload: { role: 'bestuurslid' },
      }),
    },
    [`DELETE ${W}/affiliations/:affiliationId`]: {
      policy: policy.workspace('directory.manage'),
      success: 204,
      request: async ({ ws }) => ({ params: { affiliationId: await affiliation(ws) } }),
    },
    [`GET ${W}/me/carrier`]: {
      policy: policy.workspace('directory.self'),
      success: 200,
      request: async (cell) => {
        await ownCarrier(cell);
        return {};
      },
    },
    [`POST ${W}/me/carrier`]: {
      policy: policy.workspace('directory.self'),
      success: 201,
      // Creating needs the caller to have none yet: remove the one an earlier cell made.
      request: async ({ ws, own, caller }) => {
        const existing =
          own && caller.userId ? await findActorByUser(ctx().db, ws.id, caller.userId) : undefined;
        if (existing) await deleteActor(ctx(), system, ws.id, existing.id);
        return { payload: { name: 'Zelf beheerd' } };
      },
    },
    [`PATCH ${W}/me/carrier`]: {
      policy: policy.workspace('directory.self'),
      success: 200,
      request: async (cell) => {
        await ownCarrier(cell);
        return { payload: { carries: 'De buurtmoestuin' } };
      },
    },
  };
};

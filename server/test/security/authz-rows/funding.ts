import { policy } from '../../../src/auth/policy.ts';
import { createActor } from '../../../src/modules/actors/service.ts';
import { createFlow } from '../../../src/modules/funding/service.ts';
import type { Rows, Ws } from './types.ts';

const links = { domainIds: [], targetGroupIds: [] };

/** Routes of funding flows (geldstromen, issue 6): flows visible to the workspace. */
export const fundingRows: Rows = ({ ctx, system, W }) => {
  const organisation = async (ws: Ws, name: string) =>
    (
      await createActor(ctx(), system, ws.id, {
        kind: 'organisation',
        name,
        orgKind: 'fonds',
        areaIds: [],
        ...links,
      })
    ).id;
  const body = async (ws: Ws) => ({
    funderId: await organisation(ws, 'Matrixgemeente'),
    recipientType: 'actor' as const,
    recipientId: await organisation(ws, 'Matrixstichting'),
    amountCents: 125_000,
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    instrument: 'core_funding' as const,
  });
  const flow = async (ws: Ws) =>
    (await createFlow(ctx(), system, ws.id, { ...(await body(ws)), visibility: 'workspace' })).id;
  const flows = `${W}/funding-flows`;
  return {
    [`GET ${flows}`]: { policy: policy.workspace('funding.read'), success: 200 },
    [`POST ${flows}`]: {
      policy: policy.workspace('funding.manage'),
      success: 201,
      request: async ({ ws }) => ({ payload: await body(ws) }),
    },
    [`GET ${flows}/:flowId`]: {
      policy: policy.workspace('funding.read'),
      success: 200,
      request: async ({ ws }) => ({ params: { flowId: await flow(ws) } }),
    },
    [`PATCH ${flows}/:flowId`]: {
      policy: policy.workspace('funding.manage'),
      success: 200,
      request: async ({ ws }) => ({
        params: { flowId: await flow(ws) },
        payload: { reportingHours: 12 },
      }),
    },
    [`DELETE ${flows}/:flowId`]: {
      policy: policy.workspace('funding.manage'),
      success: 204,
      request: async ({ ws }) => ({ params: { flowId: await flow(ws) } }),
    },
    [`GET ${W}/funding-dashboard`]: { policy: policy.workspace('funding.read'), success: 200 },
    [`GET ${W}/exports/funding-dashboard.csv`]: {
      policy: policy.workspace('funding.read'),
      success: 200,
    },
    [`GET ${W}/exports/funding-flows.csv`]: {
      policy: policy.workspace('funding.export'),
      success: 200,
    },
  };
};

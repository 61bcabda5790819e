import { policy } from '../../../src/auth/policy.ts';
import type { Rows } from './types.ts';

let seq = 0;

export const taxonomyRows: Rows = ({ ctx, W }) => ({
  [`GET ${W}/taxonomy-terms`]: { policy: policy.workspace('workspace.read'), success: 200 },
  [`POST ${W}/taxonomy-terms`]: {
    policy: policy.workspace('taxonomy.manage'),
    success: 201,
    request: async () => ({
      payload: { kind: 'domain', labelNl: `Matrix ${++seq}`, labelEn: 'Matrix' },
    }),
  },
  [`PATCH ${W}/taxonomy-terms/:termId`]: {
    policy: policy.workspace('taxonomy.manage'),
    success: 200,
    request: async ({ ws }) => {
      const term = await ctx()
        .db.selectFrom('taxonomy_terms')
        .select('id')
        .where('workspace_id', '=', ws.id)
        .executeTakeFirstOrThrow();
      return { params: { termId: term.id }, payload: { position: 0 } };
    },
  },
});

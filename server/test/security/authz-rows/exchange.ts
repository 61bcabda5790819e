import { policy } from '../../../src/auth/policy.ts';
import type { Rows } from './types.ts';

let seq = 0;

/** Routes of the exchange module: HSDS and CSV exports, the actors import. */
export const exchangeRows: Rows = ({ W }) => ({
  [`GET ${W}/exports/hsds`]: { policy: policy.workspace('directory.read'), success: 200 },
  [`GET ${W}/exports/actors.csv`]: { policy: policy.workspace('directory.export'), success: 200 },
  [`GET ${W}/exports/activities.csv`]: {
    policy: policy.workspace('directory.export'),
    success: 200,
  },
  [`POST ${W}/actor-imports`]: {
    policy: policy.workspace('directory.manage'),
    success: 201,
    // A fresh name per call: a name that exists already is refused.
    request: async () => ({
      payload: {
        format: 'csv',
        content: `naam;organisatievorm\nMatrix Stichting ${Date.now().toString(36)}-${++seq};fonds\n`,
      },
    }),
  },
});

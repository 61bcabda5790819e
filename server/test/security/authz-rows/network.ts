import { policy } from '../../../src/auth/policy.ts';
import type { Rows } from './types.ts';

/**
 * Routes of the network (issue 4, items 3 and 5): reads for every member (ties filtered by what
 * the caller may see), exports for the roles that may export. Every query parameter is optional
 * (today's network; the comparison's `from` defaults to a year before `to`).
 */
export const networkRows: Rows = ({ W }) => {
  const read = { policy: policy.workspace('network.read'), success: 200 };
  const exported = { policy: policy.workspace('network.export'), success: 200 };
  return {
    [`GET ${W}/network`]: read,
    [`GET ${W}/network/comparison`]: read,
    [`GET ${W}/exports/network.gexf`]: exported,
    [`GET ${W}/exports/network.graphml`]: exported,
    [`GET ${W}/exports/network-nodes.csv`]: exported,
    [`GET ${W}/exports/network-edges.csv`]: exported,
    [`GET ${W}/exports/network-codebook.csv`]: exported,
  };
};

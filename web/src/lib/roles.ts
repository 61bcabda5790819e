import type { Role } from '../api/types.ts';

/**
 * Coordinators and admins: the roles that manage a workspace's records (route and moderate
 * obstacles, record offers and flows, see check-in totals). The UI only hides what the server
 * would refuse; the server decides.
 */
export const canCoordinate = (role: Role): boolean => role === 'admin' || role === 'coordinator';

/** The roles that may download the network (GEXF, GraphML, CSV): as `network.export` on the server. */
export const canExportNetwork = (role: Role): boolean =>
  role === 'admin' || role === 'coordinator' || role === 'policy_officer' || role === 'researcher';

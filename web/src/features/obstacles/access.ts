import type { Role } from '../../api/types.ts';

/**
 * Roles that route, moderate and add owners (`obstacles.moderate` on the server). The UI only
 * hides what would be refused; the server decides.
 */
export const canCoordinate = (role: Role): boolean => role === 'admin' || role === 'coordinator';

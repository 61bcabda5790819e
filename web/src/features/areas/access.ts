import type { Role } from '../../api/types.ts';

/**
 * Roles that may import areas and edit the taxonomy (`areas.manage`, `taxonomy.manage` on the
 * server). The UI only hides what would be refused; the server decides.
 */
export const canManageAreas = (role: Role): boolean => role === 'admin' || role === 'coordinator';

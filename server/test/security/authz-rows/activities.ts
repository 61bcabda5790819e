import type { Rows } from './types.ts';

/** Routes of the activities module (issue 3). */
export const activitiesRows: Rows = () => ({});

import type { Rows } from './types.ts';

/** Routes of the actors module (issue 3). */
export const actorsRows: Rows = () => ({});

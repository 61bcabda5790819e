import type { Rows } from './types.ts';

/** Routes of the directory module (issue 3). */
export const directoryRows: Rows = () => ({});

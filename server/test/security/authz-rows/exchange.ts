import type { Rows } from './types.ts';

/** Routes of the exchange module (issue 3). */
export const exchangeRows: Rows = () => ({});

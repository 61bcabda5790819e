import type { Role } from '../../api/types.ts';

/**
 * What the exchange page offers per role. The server decides again on every request; this only
 * keeps people from links and forms that would answer "no access".
 */

/** `directory.export`: the CSV exports of actors and activities. */
export const canExportCsv = (role: Role): boolean =>
  role === 'admin' || role === 'coordinator' || role === 'policy_officer' || role === 'researcher';

/** `directory.manage`: importing a sociale-kaart list. */
export const canImportActors = (role: Role): boolean => role === 'admin' || role === 'coordinator';

import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-create-foundation.ts';
import * as m0002 from './0002-index-users-by-name.ts';
import * as m0003 from './0003-create-areas.ts';
import * as m0004 from './0004-create-taxonomy.ts';
import * as m0005 from './0005-create-actors.ts';
import * as m0006 from './0006-add-directory-version.ts';
import * as m0007 from './0007-create-obstacles.ts';
import * as m0008 from './0008-create-support.ts';
import * as m0009 from './0009-add-support-lifecycle.ts';
import * as m0010 from './0010-add-credential-notifications.ts';
import * as m0011 from './0011-create-funding-flows.ts';
import * as m0012 from './0012-create-check-ins.ts';
import * as m0013 from './0013-create-ties.ts';
import * as m0014 from './0014-create-notifications.ts';
import * as m0015 from './0015-create-alliances.ts';
import * as m0016 from './0016-create-overlap-signals.ts';
import * as m0017 from './0017-create-survey-rounds.ts';
import * as m0018 from './0018-create-research.ts';
import * as m0019 from './0019-commitment-recipients.ts';
import * as m0020 from './0020-create-research-waves.ts';
import * as m0021 from './0021-workspace-signals-version.ts';
import * as m0022 from './0022-create-overlap-changes.ts';

/** Explicit, ordered index of migrations (no directory scanning: works from any cwd). */
export const migrations: Record<string, Migration> = {
  '0001-create-foundation': m0001,
  '0002-index-users-by-name': m0002,
  '0003-create-areas': m0003,
  '0004-create-taxonomy': m0004,
  '0005-create-actors': m0005,
  '0006-add-directory-version': m0006,
  '0007-create-obstacles': m0007,
  '0008-create-support': m0008,
  '0009-add-support-lifecycle': m0009,
  '0010-add-credential-notifications': m0010,
  '0011-create-funding-flows': m0011,
  '0012-create-check-ins': m0012,
  '0013-create-ties': m0013,
  '0014-create-notifications': m0014,
  '0015-create-alliances': m0015,
  '0016-create-overlap-signals': m0016,
  '0017-create-survey-rounds': m0017,
  '0018-create-research': m0018,
  '0019-commitment-recipients': m0019,
  '0020-create-research-waves': m0020,
  '0021-workspace-signals-version': m0021,
  '0022-create-overlap-changes': m0022,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};

import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-create-foundation.ts';

/** Explicit, ordered index of migrations (no directory scanning: works from any cwd). */
export const migrations: Record<string, Migration> = {
  '0001-create-foundation': m0001,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};

import type { Kysely } from 'kysely';
import { dropCredentialTriggers, createCredentialTriggers } from '../dialect.ts';

// Cross-process invalidation of cached credentials (decision 0015). On PostgreSQL, every change
// to the rows authentication reads (users, memberships, workspaces, sessions and API tokens,
// except the once-a-minute "last seen/used" touches) notifies channel `wd_credentials` when it
// commits, so each server process drops what it had cached. A no-op on SQLite, where each
// process asks `PRAGMA data_version` instead.

export async function up(db: Kysely<unknown>): Promise<void> {
  await createCredentialTriggers(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await dropCredentialTriggers(db);
}

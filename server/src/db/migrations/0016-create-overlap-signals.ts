import type { Kysely } from 'kysely';

// Overlap signals (issue 5, "from competition to cooperation"): pairs of actors that work in the
// same area × domain at the same time, found by analytics/overlap. One row per pair (ordered
// canonically: actor_a_id < actor_b_id), kept across detection runs: its lifecycle state, its
// latest facts and score, and `stale_at` when the pair no longer overlaps (never deleted, so the
// history stays). Beside it: the event history (detections, transitions, reopenings), notes of
// the parties and coordinators, the per-workspace settings (threshold, which directory version
// was last detected, a version of the signals for the read cache) and the notifications already
// mailed in a daily digest. `alliance_id` has no foreign key: the alliances table comes from
// another module (0015); the service checks the id there.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('overlap_signals')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey().notNull())
    .addColumn('workspace_id', 'varchar(36)', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('actor_a_id', 'varchar(36)', (c) =>
      c.notNull().references('actors.id').onDelete('cascade'),
    )
    .addColumn('actor_b_id', 'varchar(36)', (c) =>
      c.notNull().references('actors.id').onDelete('cascade'),
    )
    .addColumn('state', 'varchar(20)', (c) => c.notNull())
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('fingerprint', 'varchar(32)', (c) => c.notNull())
    .addColumn('explanation', 'text', (c) => c.notNull())
    .addColumn('dismissed_snapshot', 'text')
    .addColumn('dismiss_reason', 'varchar(2000)')
    .addColumn('alliance_id', 'varchar(36)')
    .addColumn('stale_at', 'varchar(30)')
    .addColumn('first_detected_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('detected_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  // One row per pair and workspace; the list reads a workspace's signals by score.
  await db.schema
    .createIndex('overlap_signals_pair_idx')
    .on('overlap_signals')
    .columns(['workspace_id', 'actor_a_id', 'actor_b_id'])
    .unique()
    .execute();
  // The actor filter and the cascade from actors look a signal up from either end.
  await db.schema
    .createIndex('overlap_signals_actor_a_idx')
    .on('overlap_signals')
    .column('actor_a_id')
    .execute();
  await db.schema
    .createIndex('overlap_signals_actor_b_idx')
    .on('overlap_signals')
    .column('actor_b_id')
    .execute();

  await db.schema
    .createTable('overlap_signal_events')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey().notNull())
    .addColumn('workspace_id', 'varchar(36)', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('signal_id', 'varchar(36)', (c) =>
      c.notNull().references('overlap_signals.id').onDelete('cascade'),
    )
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('event', 'varchar(20)', (c) => c.notNull())
    .addColumn('from_state', 'varchar(20)')
    .addColumn('to_state', 'varchar(20)', (c) => c.notNull())
    .addColumn('reason', 'varchar(2000)')
    .addColumn('alliance_id', 'varchar(36)')
    .addColumn('user_id', 'varchar(36)', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('overlap_signal_events_signal_idx')
    .on('overlap_signal_events')
    .columns(['signal_id', 'seq'])
    .unique()
    .execute();
  await db.schema
    .createIndex('overlap_signal_events_user_idx')
    .on('overlap_signal_events')
    .column('user_id')
    .execute();

  await db.schema
    .createTable('overlap_signal_notes')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey().notNull())
    .addColumn('workspace_id', 'varchar(36)', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('signal_id', 'varchar(36)', (c) =>
      c.notNull().references('overlap_signals.id').onDelete('cascade'),
    )
    .addColumn('author_user_id', 'varchar(36)', (c) =>
      c.references('users.id').onDelete('set null'),
    )
    .addColumn('body', 'varchar(4000)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('overlap_signal_notes_signal_idx')
    .on('overlap_signal_notes')
    .columns(['signal_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('overlap_signal_notes_author_idx')
    .on('overlap_signal_notes')
    .column('author_user_id')
    .execute();

  await db.schema
    .createTable('overlap_settings')
    .addColumn('workspace_id', 'varchar(36)', (c) =>
      c.primaryKey().notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('threshold', 'double precision')
    .addColumn('detected_version', 'integer')
    .addColumn('detected_at', 'varchar(30)')
    .addColumn('signals_version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_by', 'varchar(36)', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('overlap_digest_items')
    .addColumn('notification_id', 'varchar(36)', (c) =>
      c.primaryKey().notNull().references('notifications.id').onDelete('cascade'),
    )
    .addColumn('workspace_id', 'varchar(36)', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'varchar(36)', (c) =>
      c.notNull().references('users.id').onDelete('cascade'),
    )
    .addColumn('mailed_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('overlap_digest_items_user_idx')
    .on('overlap_digest_items')
    .columns(['user_id', 'workspace_id'])
    .execute();
  await db.schema
    .createIndex('overlap_digest_items_workspace_idx')
    .on('overlap_digest_items')
    .column('workspace_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('overlap_digest_items').execute();
  await db.schema.dropTable('overlap_settings').execute();
  await db.schema.dropTable('overlap_signal_notes').execute();
  await db.schema.dropTable('overlap_signal_events').execute();
  await db.schema.dropTable('overlap_signals').execute();
}

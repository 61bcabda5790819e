import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  describeEachDialect,
  SKIP_POSTGRES,
  type TestDatabase,
} from '../../test/harness.ts';
import { sql } from 'kysely';
import {
  assertSqlitePragmas,
  introspect,
  listIndexes,
  openDatabase,
  readSqlitePragmas,
  withMigrationLock,
  type ColumnInfo,
  type DatabaseHandle,
} from './dialect.ts';
import { migrateDownAll, migrateToLatest } from './migrate.ts';
import { migrations } from './migrations/index.ts';

const APP_TABLES = [
  'achievement_credits',
  'achievements',
  'activities',
  'actor_roles',
  'actors',
  'affiliations',
  'alliance_agreement_areas',
  'alliance_agreement_domains',
  'alliance_agreements',
  'alliance_contributions',
  'alliance_log',
  'alliance_members',
  'alliances',
  'api_tokens',
  'area_indicators',
  'areas',
  'audit_events',
  'check_in_reminders',
  'check_in_settings',
  'check_in_shares',
  'check_ins',
  'funding_flow_areas',
  'funding_flow_domains',
  'funding_flows',
  'import_runs',
  'initiative_participants',
  'initiatives',
  'invitations',
  'memberships',
  'notifications',
  'obstacle_areas',
  'obstacle_domains',
  'obstacle_endorsements',
  'obstacle_events',
  'obstacle_owner_members',
  'obstacle_owners',
  'obstacles',
  'outbox_emails',
  'overlap_changes',
  'overlap_digest_items',
  'overlap_settings',
  'overlap_signal_events',
  'overlap_signal_notes',
  'overlap_signals',
  'password_resets',
  'rate_limits',
  'record_areas',
  'record_terms',
  'research_answers',
  'research_attachments',
  'research_codes',
  'research_consent_events',
  'research_exports',
  'research_import_runs',
  'research_interviews',
  'research_invitations',
  'research_items',
  'research_memos',
  'research_named_actors',
  'research_participants',
  'research_reidentifications',
  'research_segments',
  'research_studies',
  'research_study_members',
  'research_study_workspaces',
  'research_waves',
  'scheduled_jobs',
  'search_entries',
  'search_tokens',
  'sessions',
  'support_commitment_reminders',
  'support_commitments',
  'support_deliveries',
  'support_matches',
  'support_need_terms',
  'support_needs',
  'support_offer_areas',
  'support_offer_terms',
  'support_offers',
  'survey_answers',
  'survey_members',
  'survey_rounds',
  'taxonomy_terms',
  'ties',
  'users',
  'workspaces',
];

const EXPLICIT_INDEXES = [
  'achievement_credits_actor_idx',
  'achievements_initiative_idx',
  'activities_actor_idx',
  'activities_initiative_idx',
  'actor_roles_actor_idx',
  'actors_workspace_kind_idx',
  'affiliations_organisation_idx',
  'affiliations_person_idx',
  'alliance_agreement_areas_area_idx',
  'alliance_agreement_domains_term_idx',
  'alliance_contributions_alliance_idx',
  'alliance_contributions_member_idx',
  'alliance_log_alliance_idx',
  'alliance_members_actor_idx',
  'alliance_members_alliance_idx',
  'alliances_workspace_created_idx',
  'api_tokens_owner_idx',
  'areas_workspace_level_idx',
  'audit_events_workspace_idx',
  'check_in_reminders_user_idx',
  'check_in_settings_user_idx',
  'check_in_shares_reader_idx',
  'check_ins_author_date_idx',
  'check_ins_carrier_idx',
  'check_ins_user_idx',
  'check_ins_workspace_date_idx',
  'funding_flow_areas_area_idx',
  'funding_flows_funder_idx',
  'funding_flows_initiative_idx',
  'funding_flows_recipient_actor_idx',
  'funding_flows_recipient_alliance_idx',
  'funding_flows_recipient_initiative_idx',
  'funding_flows_workspace_created_idx',
  'initiative_participants_actor_idx',
  'invitations_workspace_idx',
  'memberships_user_idx',
  'notifications_user_created_idx',
  'notifications_user_unread_idx',
  'notifications_workspace_idx',
  'obstacle_owner_members_user_idx',
  'obstacles_owner_idx',
  'obstacles_workspace_created_idx',
  'outbox_emails_due_idx',
  'overlap_changes_workspace_idx',
  'overlap_digest_items_user_idx',
  'overlap_digest_items_workspace_idx',
  'overlap_signal_events_signal_idx',
  'overlap_signal_events_user_idx',
  'overlap_signal_notes_author_idx',
  'overlap_signal_notes_signal_idx',
  'overlap_signals_actor_a_idx',
  'overlap_signals_actor_b_idx',
  'overlap_signals_pair_idx',
  'record_areas_area_idx',
  'record_terms_term_idx',
  'research_answers_item_idx',
  'research_answers_participant_idx',
  'research_answers_study_idx',
  'research_attachments_created_by_idx',
  'research_attachments_interview_idx',
  'research_attachments_study_idx',
  'research_codes_created_by_idx',
  'research_codes_parent_idx',
  'research_codes_study_idx',
  'research_consent_events_recorded_by_idx',
  'research_consent_events_study_idx',
  'research_exports_study_idx',
  'research_exports_user_idx',
  'research_import_runs_created_by_idx',
  'research_import_runs_study_idx',
  'research_import_runs_wave_idx',
  'research_interviews_created_by_idx',
  'research_interviews_interviewer_idx',
  'research_interviews_participant_idx',
  'research_interviews_study_idx',
  'research_interviews_wave_idx',
  'research_invitations_created_by_idx',
  'research_invitations_participant_idx',
  'research_invitations_study_idx',
  'research_items_study_idx',
  'research_memos_code_idx',
  'research_memos_created_by_idx',
  'research_memos_interview_idx',
  'research_memos_segment_idx',
  'research_memos_study_idx',
  'research_named_actors_actor_idx',
  'research_named_actors_study_idx',
  'research_participants_actor_idx',
  'research_participants_created_by_idx',
  'research_reidentifications_participant_idx',
  'research_reidentifications_study_idx',
  'research_reidentifications_user_idx',
  'research_segments_answer_idx',
  'research_segments_code_idx',
  'research_segments_created_by_idx',
  'research_segments_interview_idx',
  'research_segments_study_idx',
  'research_studies_created_by_idx',
  'research_studies_workspace_idx',
  'research_study_members_added_by_idx',
  'research_study_members_user_idx',
  'research_study_workspaces_workspace_idx',
  'research_waves_created_by_idx',
  'research_waves_study_idx',
  'search_entries_workspace_sort_idx',
  'search_tokens_record_idx',
  'sessions_user_idx',
  'support_commitments_offer_idx',
  'support_commitments_recipient_alliance_idx',
  'support_commitments_recipient_idx',
  'support_commitments_recipient_initiative_idx',
  'support_deliveries_commitment_idx',
  'support_matches_need_idx',
  'support_matches_offer_idx',
  'support_needs_requester_idx',
  'support_needs_workspace_type_idx',
  'support_offers_provider_idx',
  'support_offers_workspace_type_idx',
  'survey_answers_alter_idx',
  'survey_answers_rater_idx',
  'survey_answers_workspace_idx',
  'survey_members_actor_idx',
  'survey_members_token_idx',
  'survey_members_workspace_idx',
  'survey_rounds_created_by_idx',
  'survey_rounds_workspace_idx',
  'ties_from_actor_idx',
  'ties_to_actor_idx',
  'ties_workspace_created_idx',
  'users_display_name_idx',
];

const tableNames = async (h: DatabaseHandle) =>
  (await h.db.introspection.getTables()).map((t) => t.name).sort();

/** Opens a fresh, empty database of the dialect; SQLite as a file so WAL and pragmas are real. */
async function freshDatabase(dialect: 'sqlite' | 'postgres', dir: string) {
  const test: TestDatabase =
    dialect === 'sqlite'
      ? {
          dialect,
          url: `sqlite:${join(dir, `${Math.random().toString(36).slice(2)}.db`)}`,
          drop: async () => undefined,
        }
      : await createTestDatabase(dialect);
  const handle = openDatabase(test.url);
  return {
    handle,
    close: async () => {
      await handle.destroy();
      await test.drop();
    },
  };
}

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wd-migrate-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeEachDialect('migrations', (dialect) => {
  it('migrate up, down and up again on a fresh database', async () => {
    const { handle, close } = await freshDatabase(dialect, dir);
    try {
      expect(await tableNames(handle)).toEqual([]);
      expect(await migrateToLatest(handle.db)).toEqual(Object.keys(migrations));
      expect(await tableNames(handle)).toEqual(APP_TABLES);
      expect(await listIndexes(handle)).toEqual(EXPLICIT_INDEXES);
      const first = await introspect(handle);
      expect(await migrateToLatest(handle.db)).toEqual([]); // idempotent

      expect(await migrateDownAll(handle.db)).toEqual(Object.keys(migrations).reverse());
      expect(await tableNames(handle)).toEqual([]);
      expect(await introspect(handle)).toEqual([]);
      expect(await listIndexes(handle)).toEqual([]);
      // Only Kysely's own bookkeeping tables may remain.
      const all = await handle.db.introspection.getTables({ withInternalKyselyTables: true });
      expect(all.map((t) => t.name).every((n) => n.startsWith('kysely_'))).toBe(true);

      expect(await migrateToLatest(handle.db)).toEqual(Object.keys(migrations));
      expect(await introspect(handle)).toEqual(first);
      expect(await listIndexes(handle)).toEqual(EXPLICIT_INDEXES);
    } finally {
      await close();
    }
  });

  it('primary keys refuse NULL', async () => {
    const { handle, close } = await freshDatabase(dialect, dir);
    try {
      await migrateToLatest(handle.db);
      const insert = handle.db
        .insertInto('workspaces')
        .values({
          id: null as unknown as string,
          slug: 'x',
          name: 'X',
          gemeentecode: 'GM0001',
          created_at: 'now',
        })
        .execute();
      await expect(insert).rejects.toThrow(/not.null/i);
    } finally {
      await close();
    }
  });
});

describe.skipIf(SKIP_POSTGRES)('one logical schema on SQLite and PostgreSQL', () => {
  it('has the same tables, columns, types, nullability and indexes on both', async () => {
    const sqlite = await freshDatabase('sqlite', dir);
    const postgres = await freshDatabase('postgres', dir);
    try {
      await migrateToLatest(sqlite.handle.db);
      await migrateToLatest(postgres.handle.db);
      const s: ColumnInfo[] = await introspect(sqlite.handle);
      const p: ColumnInfo[] = await introspect(postgres.handle);
      expect(new Set(s.map((c) => c.table))).toEqual(new Set(APP_TABLES));
      expect(s.length).toBeGreaterThan(60);
      expect(p).toEqual(s);
      expect(await listIndexes(postgres.handle)).toEqual(await listIndexes(sqlite.handle));
      // Types are normalised to a small shared vocabulary, so a drift in one dialect shows up.
      expect(new Set(s.map((c) => c.type))).toEqual(new Set(['text', 'integer', 'double']));
    } finally {
      await sqlite.close();
      await postgres.close();
    }
  });
});

describe.skipIf(SKIP_POSTGRES)('PostgreSQL: instances starting at once', () => {
  it('two instances migrating one fresh database apply each migration once', async () => {
    const test = await createTestDatabase('postgres');
    const handles = [openDatabase(test.url), openDatabase(test.url), openDatabase(test.url)];
    try {
      const applied = await Promise.all(handles.map((h) => migrateToLatest(h.db)));
      expect(applied.flat()).toEqual(Object.keys(migrations));
      expect(await tableNames(handles[0] as DatabaseHandle)).toEqual(APP_TABLES);
    } finally {
      for (const h of handles) await h.destroy();
      await test.drop();
    }
  });
});

describe('SQLite migrations', () => {
  it('run under one write lock: a failure leaves nothing half-applied', async () => {
    const { handle, close } = await freshDatabase('sqlite', dir);
    try {
      await expect(
        withMigrationLock(handle.db, async () => {
          await sql`create table half_done (id text)`.execute(handle.db);
          throw new Error('migration broke');
        }),
      ).rejects.toThrow('migration broke');
      expect(await tableNames(handle)).toEqual([]);
      // The lock is released: migrating works afterwards.
      expect(await migrateToLatest(handle.db)).toEqual(Object.keys(migrations));
    } finally {
      await close();
    }
  });
});

describe('SQLite settings', () => {
  it('a file database runs with WAL, synchronous FULL, foreign keys, busy timeout and secure delete', async () => {
    const { handle, close } = await freshDatabase('sqlite', dir);
    try {
      const pragmas = await readSqlitePragmas(handle.db);
      expect(pragmas).toMatchObject({
        journal_mode: 'wal',
        synchronous: '2',
        foreign_keys: '1',
        secure_delete: '1',
      });
      expect(Number(pragmas.busy_timeout)).toBeGreaterThanOrEqual(5000);
    } finally {
      await close();
    }
  });

  const good = [
    'journal_mode = WAL',
    'synchronous = FULL',
    'foreign_keys = ON',
    'busy_timeout = 5000',
    'secure_delete = ON',
  ];
  it.each([
    ['journal_mode', 'journal_mode = DELETE'],
    ['synchronous', 'synchronous = NORMAL'],
    ['foreign_keys', 'foreign_keys = OFF'],
    ['busy_timeout', 'busy_timeout = 1000'],
    ['secure_delete', 'secure_delete = OFF'],
  ])('refuses to start when %s is off', (name, wrong) => {
    const sqlite = new SQLite(join(dir, `pragma-${name}.db`));
    try {
      for (const p of good) sqlite.pragma(p);
      expect(() => assertSqlitePragmas(sqlite, false)).not.toThrow();
      sqlite.pragma(wrong);
      expect(() => assertSqlitePragmas(sqlite, false)).toThrow(
        new RegExp(`settings not in effect: ${name}=`),
      );
    } finally {
      sqlite.close();
    }
  });
});

import type { ColumnDefinitionBuilder, Kysely } from 'kysely';

// Longitudinal research, part 2 (issue 8): waves (meetgolven) with a questionnaire of items,
// single-use invitation links, answers (open text field-encrypted), names chosen in a network
// name generator, interviews with encrypted transcripts and attachments, a hierarchical codebook,
// coded segments, memos, import runs of earlier waves and a log of every export. Items are
// matched across waves by their `code` (the R/SPSS variable name), which makes waves comparable.

const id = 'varchar(36)';
const ts = 'varchar(30)';
const day = 'varchar(10)';

function studyRef(c: ColumnDefinitionBuilder): ColumnDefinitionBuilder {
  return c.notNull().references('research_studies.id').onDelete('cascade');
}

async function index(
  db: Kysely<unknown>,
  table: string,
  name: string,
  columns: string[],
): Promise<void> {
  await db.schema.createIndex(name).on(table).columns(columns).execute();
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('research_waves')
    .addColumn('id', id, (c) => c.primaryKey().notNull())
    .addColumn('study_id', id, studyRef)
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('description', 'text')
    // draft → open → closed; `source` import waves are closed on import.
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('source', 'varchar(10)', (c) => c.notNull())
    .addColumn('starts_on', day, (c) => c.notNull())
    .addColumn('ends_on', day)
    .addColumn('created_by', id, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await index(db, 'research_waves', 'research_waves_study_idx', ['study_id', 'starts_on']);
  await index(db, 'research_waves', 'research_waves_created_by_idx', ['created_by']);

  await db.schema
    .createTable('research_items')
    .addColumn('id', id, (c) => c.primaryKey().notNull())
    .addColumn('study_id', id, studyRef)
    .addColumn('wave_id', id, (c) =>
      c.notNull().references('research_waves.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    // R/SPSS-friendly variable name, same code = same item across waves.
    .addColumn('code', 'varchar(40)', (c) => c.notNull())
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('prompt_nl', 'text', (c) => c.notNull())
    .addColumn('prompt_en', 'text')
    .addColumn('help_nl', 'text')
    .addColumn('help_en', 'text')
    // JSON: choices, Likert scale and anchors, number bounds (see ResearchItemOptions).
    .addColumn('options', 'text', (c) => c.notNull())
    .addColumn('required', 'integer', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addUniqueConstraint('research_items_code_key', ['wave_id', 'code'])
    .execute();
  await index(db, 'research_items', 'research_items_study_idx', ['study_id', 'code']);

  await db.schema
    .createTable('research_invitations')
    .addColumn('id', id, (c) => c.primaryKey().notNull())
    .addColumn('study_id', id, studyRef)
    .addColumn('wave_id', id, (c) =>
      c.notNull().references('research_waves.id').onDelete('cascade'),
    )
    .addColumn('participant_id', id, (c) =>
      c.notNull().references('research_participants.id').onDelete('cascade'),
    )
    // SHA-256 of the single-use link token, hex; the token itself is never stored. The token is
    // an HMAC of wave, participant and this random nonce, so a reminder can mail the same link.
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('nonce', 'varchar(64)', (c) => c.notNull())
    .addColumn('language', 'varchar(2)', (c) => c.notNull())
    .addColumn('expires_at', ts, (c) => c.notNull())
    .addColumn('sent_at', ts)
    .addColumn('reminded_at', ts)
    .addColumn('started_at', ts)
    .addColumn('submitted_at', ts)
    .addColumn('revoked_at', ts)
    .addColumn('created_by', id, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addUniqueConstraint('research_invitations_participant_key', ['wave_id', 'participant_id'])
    .execute();
  await index(db, 'research_invitations', 'research_invitations_participant_idx', [
    'participant_id',
  ]);
  await index(db, 'research_invitations', 'research_invitations_study_idx', ['study_id']);
  await index(db, 'research_invitations', 'research_invitations_created_by_idx', ['created_by']);

  await db.schema
    .createTable('research_answers')
    .addColumn('id', id, (c) => c.primaryKey().notNull())
    .addColumn('study_id', id, studyRef)
    .addColumn('wave_id', id, (c) =>
      c.notNull().references('research_waves.id').onDelete('cascade'),
    )
    .addColumn('participant_id', id, (c) =>
      c.notNull().references('research_participants.id').onDelete('cascade'),
    )
    .addColumn('item_id', id, (c) =>
      c.notNull().references('research_items.id').onDelete('cascade'),
    )
    // likert, single (option index), number; null for the other kinds.
    .addColumn('value_number', 'double precision')
    // multiple: JSON array of option values; network: JSON array of actor ids.
    .addColumn('value_json', 'text')
    // text: the open answer, field-encrypted.
    .addColumn('value_text_enc', 'text')
    // link (emailed invitation), entry (typed in by the team), import (earlier wave file).
    .addColumn('source', 'varchar(10)', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addUniqueConstraint('research_answers_item_key', ['wave_id', 'participant_id', 'item_id'])
    .execute();
  await index(db, 'research_answers', 'research_answers_participant_idx', ['participant_id']);
  await index(db, 'research_answers', 'research_answers_item_idx', ['item_id']);
  await index(db, 'research_answers', 'research_answers_study_idx', ['study_id', 'wave_id']);

  // Network name generator: one row per actor a participant named (the ties the item records).
  await db.schema
    .createTable('research_named_actors')
    .addColumn('answer_id', id, (c) =>
      c.notNull().references('research_answers.id').onDelete('cascade'),
    )
    .addColumn('study_id', id, studyRef)
    .addColumn('actor_id', id, (c) => c.notNull().references('actors.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('research_named_actors_pkey', ['answer_id', 'actor_id'])
    .execute();
  await index(db, 'research_named_actors', 'research_named_actors_actor_idx', ['actor_id']);
  await index(db, 'research_named_actors', 'research_named_actors_study_idx', ['study_id']);

  await db.schema
    .createTable('research_interviews')
    .addColumn('id', id, (c) => c.primaryKey().notNull())
    .addColumn('study_id', id, studyRef)
    .addColumn('wave_id', id, (c) => c.references('research_waves.id').onDelete('set null'))
    .addColumn('participant_id', id, (c) =>
      c.notNull().references('research_participants.id').onDelete('cascade'),
    )
    .addColumn('held_on', day, (c) => c.notNull())
    .addColumn('interviewer_id', id, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    // Notes or transcript as plain text (txt/md kept, docx converted), field-encrypted.
    .addColumn('transcript_enc', 'text')
    .addColumn('transcript_format', 'varchar(5)')
    .addColumn('created_by', id, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await index(db, 'research_interviews', 'research_interviews_study_idx', ['study_id', 'held_on']);
  await index(db, 'research_interviews', 'research_interviews_wave_idx', ['wave_id']);
  await index(db, 'research_interviews', 'research_interviews_participant_idx', ['participant_id']);
  await index(db, 'research_interviews', 'research_interviews_interviewer_idx', ['interviewer_id']);
  await index(db, 'research_interviews', 'research_interviews_created_by_idx', ['created_by']);

  await db.schema
    .createTable('research_attachments')
    .addColumn('id', id, (c) => c.primaryKey().notNull())
    .addColumn('study_id', id, studyRef)
    .addColumn('interview_id', id, (c) =>
      c.notNull().references('research_interviews.id').onDelete('cascade'),
    )
    .addColumn('filename_enc', 'text', (c) => c.notNull())
    .addColumn('media_type', 'varchar(100)', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    // The file's bytes, base64, field-encrypted.
    .addColumn('content_enc', 'text', (c) => c.notNull())
    .addColumn('created_by', id, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await index(db, 'research_attachments', 'research_attachments_interview_idx', ['interview_id']);
  await index(db, 'research_attachments', 'research_attachments_study_idx', ['study_id']);
  await index(db, 'research_attachments', 'research_attachments_created_by_idx', ['created_by']);

  await db.schema
    .createTable('research_codes')
    .addColumn('id', id, (c) => c.primaryKey().notNull())
    .addColumn('study_id', id, studyRef)
    .addColumn('parent_id', id, (c) => c.references('research_codes.id').onDelete('cascade'))
    .addColumn('name', 'varchar(120)', (c) => c.notNull())
    .addColumn('definition', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_by', id, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await index(db, 'research_codes', 'research_codes_study_idx', ['study_id', 'position']);
  await index(db, 'research_codes', 'research_codes_parent_idx', ['parent_id']);
  await index(db, 'research_codes', 'research_codes_created_by_idx', ['created_by']);

  // A coded segment: [start_offset, end_offset) in characters of an interview transcript or an
  // open answer; the text itself is read from its (encrypted) source.
  await db.schema
    .createTable('research_segments')
    .addColumn('id', id, (c) => c.primaryKey().notNull())
    .addColumn('study_id', id, studyRef)
    .addColumn('code_id', id, (c) =>
      c.notNull().references('research_codes.id').onDelete('cascade'),
    )
    .addColumn('interview_id', id, (c) =>
      c.references('research_interviews.id').onDelete('cascade'),
    )
    .addColumn('answer_id', id, (c) => c.references('research_answers.id').onDelete('cascade'))
    .addColumn('start_offset', 'integer', (c) => c.notNull())
    .addColumn('end_offset', 'integer', (c) => c.notNull())
    .addColumn('created_by', id, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await index(db, 'research_segments', 'research_segments_study_idx', ['study_id', 'code_id']);
  await index(db, 'research_segments', 'research_segments_code_idx', ['code_id']);
  await index(db, 'research_segments', 'research_segments_interview_idx', ['interview_id']);
  await index(db, 'research_segments', 'research_segments_answer_idx', ['answer_id']);
  await index(db, 'research_segments', 'research_segments_created_by_idx', ['created_by']);

  await db.schema
    .createTable('research_memos')
    .addColumn('id', id, (c) => c.primaryKey().notNull())
    .addColumn('study_id', id, studyRef)
    .addColumn('code_id', id, (c) => c.references('research_codes.id').onDelete('cascade'))
    .addColumn('interview_id', id, (c) =>
      c.references('research_interviews.id').onDelete('cascade'),
    )
    .addColumn('segment_id', id, (c) => c.references('research_segments.id').onDelete('cascade'))
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('body_enc', 'text', (c) => c.notNull())
    .addColumn('created_by', id, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await index(db, 'research_memos', 'research_memos_study_idx', ['study_id', 'created_at']);
  await index(db, 'research_memos', 'research_memos_code_idx', ['code_id']);
  await index(db, 'research_memos', 'research_memos_interview_idx', ['interview_id']);
  await index(db, 'research_memos', 'research_memos_segment_idx', ['segment_id']);
  await index(db, 'research_memos', 'research_memos_created_by_idx', ['created_by']);

  await db.schema
    .createTable('research_import_runs')
    .addColumn('id', id, (c) => c.primaryKey().notNull())
    .addColumn('study_id', id, studyRef)
    .addColumn('wave_id', id, (c) =>
      c.notNull().references('research_waves.id').onDelete('cascade'),
    )
    .addColumn('format', 'varchar(5)', (c) => c.notNull())
    .addColumn('row_count', 'integer', (c) => c.notNull())
    .addColumn('answer_count', 'integer', (c) => c.notNull())
    // JSON: column → item code (and participant column) as applied.
    .addColumn('mapping', 'text', (c) => c.notNull())
    .addColumn('created_by', id, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await index(db, 'research_import_runs', 'research_import_runs_study_idx', ['study_id']);
  await index(db, 'research_import_runs', 'research_import_runs_wave_idx', ['wave_id']);
  await index(db, 'research_import_runs', 'research_import_runs_created_by_idx', ['created_by']);

  await db.schema
    .createTable('research_exports')
    .addColumn('id', id, (c) => c.primaryKey().notNull())
    .addColumn('study_id', id, studyRef)
    // api (UI/API download) or cli.
    .addColumn('channel', 'varchar(5)', (c) => c.notNull())
    .addColumn('part', 'varchar(20)', (c) => c.notNull())
    .addColumn('participant_count', 'integer', (c) => c.notNull())
    .addColumn('excluded_count', 'integer', (c) => c.notNull())
    .addColumn('row_count', 'integer', (c) => c.notNull())
    .addColumn('user_id', id, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await index(db, 'research_exports', 'research_exports_study_idx', ['study_id', 'created_at']);
  await index(db, 'research_exports', 'research_exports_user_idx', ['user_id']);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'research_exports',
    'research_import_runs',
    'research_memos',
    'research_segments',
    'research_codes',
    'research_attachments',
    'research_interviews',
    'research_named_actors',
    'research_answers',
    'research_invitations',
    'research_items',
    'research_waves',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}

import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/harness.ts';
import { countIn, openAtRestApp, type AtRestApp } from './at-rest-support.ts';
import { researchFixture } from './test-fixture.ts';

/**
 * Encryption at rest: a canary sentence written through the API as an external participant's
 * name and email, a consent note and a re-identification reason is found nowhere in the stored
 * bytes. SQLite runs on a file (not :memory:): the database file and its -wal file are read raw,
 * before and after a checkpoint. PostgreSQL: the rows are read raw through SQL as text.
 */

describeEachDialect('research: encryption at rest', (dialect) => {
  let h: AtRestApp;
  const tag = Math.random().toString(36).slice(2, 8);
  const NAME = `Zeldzame Kanarie Grutto ${tag}`;
  const EMAIL = `grutto.${tag}@kanarie.example`;
  const NOTE = `De deelnemer vertelde over haar depressie ${tag}`;
  const REASON = `Herbenadering wegens kanarie ${tag}`;
  const CANARIES = [NAME, EMAIL, NOTE, REASON, `Grutto ${tag}`, tag];

  beforeAll(async () => {
    h = await openAtRestApp(dialect);
    const f = await researchFixture(() => h);
    const study = await f.study();
    const p = await f.participant(study, { kind: 'external', name: NAME, email: EMAIL });
    await f.consent(study, p.id, {
      purpose: 'participation',
      decision: 'given',
      method: 'verbal',
      letterVersion: 'IB-1',
      note: NOTE,
    });
    const who = await f.steward.inject({
      method: 'POST',
      url: `${f.S}/${study}/participants/${p.id}/re-identifications`,
      payload: { reason: REASON },
    });
    expect(who.statusCode, who.body).toBe(201);
    expect(who.body).toContain(NAME); // it really went in, and decrypts
  });
  afterAll(async () => {
    await h?.close();
  });

  it('stores no copy of the canary', async () => {
    const db = h.ctx.db;
    if (dialect === 'sqlite') {
      const file = h.file!;
      const scan = () => {
        const main = readFileSync(file);
        const wal = readFileSync(`${file}-wal`);
        return { main, wal, hits: CANARIES.map((c) => countIn(main, c) + countIn(wal, c)) };
      };
      const before = scan();
      expect(before.wal.length).toBeGreaterThan(0); // the writes are in the WAL
      expect(before.hits).toEqual(CANARIES.map(() => 0));
      await sql`pragma wal_checkpoint(full)`.execute(db);
      const after = scan();
      expect(after.hits).toEqual(CANARIES.map(() => 0));
      // The scan does find text that is stored in the clear (the study title).
      expect(
        countIn(Buffer.concat([after.main, after.wal]), 'Dragers over tien jaar'),
      ).toBeGreaterThan(0);
    } else {
      const raw = async (table: string) =>
        (
          await sql<{ row: string }>`select t::text as row from ${sql.table(table)} t`.execute(db)
        ).rows
          .map((r) => r.row)
          .join('\n');
      const text = [
        await raw('research_participants'),
        await raw('research_consent_events'),
        await raw('research_reidentifications'),
        await raw('audit_events'),
      ].join('\n');
      expect(text).toContain('v1:'); // the encrypted columns are there
      for (const c of CANARIES) expect(text).not.toContain(c);
      const cols = await sql<{ name_enc: string; email_enc: string }>`
        select name_enc, email_enc from research_participants`.execute(db);
      expect(cols.rows[0]!.name_enc).toMatch(/^v1:[A-Za-z0-9_-]+$/);
      expect(cols.rows[0]!.email_enc).toMatch(/^v1:[A-Za-z0-9_-]+$/);
    }
  });
});

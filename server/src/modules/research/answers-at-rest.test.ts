import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/harness.ts';
import { countIn, openAtRestApp, type AtRestApp } from './at-rest-support.ts';
import type { Questionnaire } from './wave-schema.ts';
import { mailedLink, waveFixture } from './wave-test-fixture.ts';

/**
 * Encryption at rest of open answers: a canary sentence answered through a questionnaire link is
 * found nowhere in the stored bytes (SQLite: the database file and its -wal file read raw, before
 * and after a checkpoint; PostgreSQL: the rows read raw as text), yet reads back through the link.
 */

describeEachDialect('research: open answers encrypted at rest', (dialect) => {
  let h: AtRestApp;
  const tag = Math.random().toString(36).slice(2, 8);
  const ANSWER = `Sinds mijn burn-out zorg ik voor de kanarie van de buren ${tag}`;
  const CANARIES = [ANSWER, `kanarie van de buren ${tag}`, tag];

  beforeAll(async () => {
    h = await openAtRestApp(dialect);
    const f = await waveFixture(() => h);
    const study = await f.study();
    const wave = await f.openWave(study);
    await f.external(study, 'Open Antwoord', 'open.antwoord@example.org');
    await f.post(`${wave.url}/invitations`, {});
    const token = await mailedLink(() => h, 'open.antwoord@example.org');
    await f.ok(await f.respond.save(token, wave.items.verhaal.id, ANSWER), 200);
    const q = await f.ok<Questionnaire>(await f.respond.lookup(token), 200);
    expect(q.answers[wave.items.verhaal.id]).toBe(ANSWER); // it really went in, and decrypts
  });
  afterAll(async () => {
    await h?.close();
  });

  it('stores no copy of the open answer', async () => {
    const db = h.ctx.db;
    if (dialect === 'sqlite') {
      const file = h.file!;
      const scan = () => {
        const main = readFileSync(file);
        const wal = readFileSync(`${file}-wal`);
        return { main, wal, hits: CANARIES.map((c) => countIn(main, c) + countIn(wal, c)) };
      };
      const before = scan();
      expect(before.wal.length).toBeGreaterThan(0);
      expect(before.hits).toEqual(CANARIES.map(() => 0));
      await sql`pragma wal_checkpoint(full)`.execute(db);
      const after = scan();
      expect(after.hits).toEqual(CANARIES.map(() => 0));
      // The scan does find text stored in the clear (an item's prompt).
      expect(
        countIn(Buffer.concat([after.main, after.wal]), 'Hoe tevreden bent u over de buurt?'),
      ).toBeGreaterThan(0);
    } else {
      const raw = async (table: string) =>
        (
          await sql<{ row: string }>`select t::text as row from ${sql.table(table)} t`.execute(db)
        ).rows
          .map((r) => r.row)
          .join('\n');
      const text = [
        await raw('research_answers'),
        await raw('audit_events'),
        await raw('outbox_emails'),
      ].join('\n');
      expect(text).toContain('v1:');
      for (const c of CANARIES) expect(text).not.toContain(c);
    }
  });
});

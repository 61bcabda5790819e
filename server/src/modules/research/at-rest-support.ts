import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../app.ts';
import type { Dialect } from '../../config.ts';
import { openDatabase } from '../../db/dialect.ts';
import { createTestApp, TestClock, testConfig, type TestApp } from '../../../test/harness.ts';

// Shared by the encryption-at-rest tests: an app whose SQLite database is a file (not :memory:),
// so its bytes and its -wal file can be read raw, and a count of a canary in raw bytes.

export type AtRestApp = Pick<TestApp, 'app' | 'ctx'> & { close(): Promise<void>; file?: string };

/** PostgreSQL: the usual test app. SQLite: an app on a database file in a temporary folder. */
export async function openAtRestApp(dialect: Dialect): Promise<AtRestApp> {
  if (dialect === 'postgres') return createTestApp('postgres');
  const dir = mkdtempSync(join(tmpdir(), 'wd-at-rest-'));
  const file = join(dir, 'wd.db');
  const database = openDatabase(`sqlite:${file}`);
  const built = await buildApp(testConfig(`sqlite:${file}`), {
    clock: new TestClock(),
    database,
  });
  return {
    ...built,
    file,
    close: async () => {
      await built.app.close();
      await database.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Occurrences of `needle` in raw bytes, as UTF-8 and as UTF-16LE. */
export function countIn(hay: Buffer, needle: string): number {
  let n = 0;
  for (const enc of ['utf8', 'utf16le'] as const) {
    const b = Buffer.from(needle, enc);
    for (let i = hay.indexOf(b); i !== -1; i = hay.indexOf(b, i + 1)) n++;
  }
  return n;
}

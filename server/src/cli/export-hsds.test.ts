import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../http/problem.ts';
import type { HsdsPage } from '../modules/exchange/hsds.ts';
import { HAVE_HSDS_DATA, validateHsds } from '../modules/exchange/testing/hsds-validator.ts';
import { addActivity, addActor, seedAreas } from '../modules/exchange/testing/records.ts';
import { describeEachDialect, useTestApp } from '../../test/harness.ts';
import { seedWorkspace } from '../../test/session.ts';
import { UsageError } from './args.ts';
import { commands } from './commands.ts';
import { exportHsdsCommand, runExportHsds } from './export-hsds.ts';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wd-hsds-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('export hsds: usage', () => {
  it('needs --workspace and a file name for --out, before touching a database', () => {
    expect(() => exportHsdsCommand({}, [])).toThrow(new UsageError('Missing --workspace'));
    expect(() => exportHsdsCommand({ workspace: 'x', out: '' }, [])).toThrow(UsageError);
    expect(commands.find((c) => c.name === 'export hsds')?.usage).toBe(
      'export hsds --workspace <slug> [--out <file>]',
    );
  });
});

describeEachDialect('wijkdragers export hsds', (dialect) => {
  const t = useTestApp(dialect);
  let slug = '';

  beforeAll(async () => {
    const ctx = t().ctx;
    const a = await seedWorkspace(ctx, ['admin']);
    slug = a.ws.slug;
    const areas = await seedAreas(ctx, a.ws.id);
    const org = await addActor(ctx, a.ws.id, {
      kind: 'organisation',
      name: 'Buurthuis De Linde',
      visibility: 'public',
    });
    for (const title of ['Inloopochtend', 'Taalcafé'])
      await addActivity(
        ctx,
        org,
        { title, start_date: '2025-01-01' },
        { areaIds: [areas.get('BU05990110') as string] },
      );
    await addActor(ctx, a.ws.id, { kind: 'organisation', name: 'Intern', visibility: 'workspace' });
    await addActor(ctx, a.ws.id, { kind: 'person', name: 'Piet', visibility: 'public' });
  });

  it('prints the HSDS JSON of every public organisation to standard output', async () => {
    let text = '';
    const code = await runExportHsds(t().ctx, { workspace: slug }, (s) => (text += s));
    expect(code).toBe(0);
    const doc = JSON.parse(text) as HsdsPage;
    expect(doc).toMatchObject({ total_items: 1, total_pages: 1, size: 1, last_page: true });
    expect(doc.contents.map((o) => [o.name, o.services.map((s) => s.name)])).toEqual([
      ['Buurthuis De Linde', ['Inloopochtend', 'Taalcafé']],
    ]);
    expect(text).not.toMatch(/Intern|Piet/);
    if (HAVE_HSDS_DATA) expect(validateHsds(doc)).toEqual([]);
  });

  it('--out writes the file and says what it wrote', async () => {
    const file = join(dir, `hsds-${dialect}.json`);
    const lines: string[] = [];
    const code = await runExportHsds(
      t().ctx,
      { workspace: slug, out: file },
      () => {
        throw new Error('nothing goes to standard output');
      },
      (l) => lines.push(l),
    );
    expect(code).toBe(0);
    expect(lines).toEqual([`Wrote 1 organisation(s) with 2 service(s) to ${file} (HSDS 3.0).`]);
    const doc = JSON.parse(readFileSync(file, 'utf8')) as HsdsPage;
    expect(doc.contents[0]?.name).toBe('Buurthuis De Linde');
    await expect(
      runExportHsds(t().ctx, { workspace: slug, out: join(dir, 'no', 'such', 'dir.json') }),
    ).rejects.toThrow(UsageError);
  });

  it('an unknown workspace is an error (exit 1 through main)', async () => {
    await expect(runExportHsds(t().ctx, { workspace: 'bestaat-niet' })).rejects.toThrow(AppError);
  });
});

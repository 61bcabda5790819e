import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { DEMO_WORKSPACE, en, exact, focused, logIn, nl, open } from './support/app.ts';
import { checkA11y, checkReflow, mainHeading } from './support/browser.ts';
import { journey, useApp } from './support/fixture.ts';
import { ROOT } from './support/server.ts';

const app = useApp();

/**
 * Texts of the map and areas features live in their own catalogues (web/src/i18n/<lang>/<feature>.json,
 * keys `<feature>.…`); shared keys come from nl.json/en.json through `nl()`/`en()`.
 */
type Catalogue = { [key: string]: string | Catalogue };
type Lang = 'nl' | 'en';
const catalogues: Partial<Record<string, Catalogue>> = {};
const catalogue = (lang: Lang, feature: 'map' | 'areas'): Catalogue =>
  (catalogues[`${lang}/${feature}`] ??= JSON.parse(
    readFileSync(join(ROOT, `web/src/i18n/${lang}/${feature}.json`), 'utf8'),
  ) as Catalogue);

function text(lang: Lang, key: string, vars: Record<string, string | number> = {}): string {
  const [feature, ...rest] = key.split('.');
  if (feature !== 'map' && feature !== 'areas')
    return lang === 'nl' ? nl(key, vars) : en(key, vars);
  let node: string | Catalogue | undefined = catalogue(lang, feature);
  for (const part of rest) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'string')
    throw new Error(`No text "${key}" in web/src/i18n/${lang}/${feature}.json`);
  return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, name: string) =>
    String(vars[name] ?? `{{${name}}}`),
  );
}
const t = (key: string, vars?: Record<string, string | number>) => text('nl', key, vars);

function leaves(node: string | Catalogue, out: string[] = []): string[] {
  if (typeof node === 'string') out.push(node);
  else for (const value of Object.values(node)) leaves(value, out);
  return out;
}

/** Dutch texts of the map and areas catalogues still visible on a page meant to be English. */
async function dutchLeftovers(page: Page): Promise<string[]> {
  const english = new Set([...leaves(catalogue('en', 'map')), ...leaves(catalogue('en', 'areas'))]);
  const dutch = [...leaves(catalogue('nl', 'map')), ...leaves(catalogue('nl', 'areas'))].filter(
    // "Gemeente" is also part of the demo workspace's name in the header.
    (s) => !english.has(s) && !s.includes('{{') && s.length >= 4 && !DEMO_WORKSPACE.includes(s),
  );
  const visible = await page.evaluate(() => document.body.innerText);
  const shown = (s: string) =>
    new RegExp(`(^|[^\\p{L}])${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u');
  return dutch.filter((s) => shown(s).test(visible));
}

/** A square around (x, y) in WGS84 degrees. */
const square = (x: number, y: number, d = 0.004) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + d, y],
      [x + d, y + d],
      [x, y + d],
      [x, y],
    ],
  ],
});

const buurt = (code: string, name: string, population: number, x: number) => ({
  type: 'Feature',
  properties: { code, name, population },
  geometry: square(x, 52.28),
});

const geojsonFile = (name: string, features: unknown[]) => ({
  name,
  mimeType: 'application/geo+json',
  buffer: Buffer.from(JSON.stringify({ type: 'FeatureCollection', features })),
});

/** The workspace's gemeentecode (GM…), as the API gives it to the signed-in coordinator. */
async function gemeentecode(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const res = await fetch('/api/v1/workspaces/demo');
    return ((await res.json()) as { gemeentecode: string }).gemeentecode;
  });
}

const YEAR = 2025;
const NAMES = ['Kaartbuurt Noord', 'Kaartbuurt Midden', 'Kaartbuurt Zuid'] as const;

describe('journey: a coordinator imports buurten, finds them on the map and opens an area page', () => {
  test('upload → preview → confirm → progress → done; map by keyboard and by table; area page', async () => {
    await journey(app, 'map-area: import, map, area page', async ({ page }) => {
      await open(page, '/inloggen', exact(nl('login.title')));
      await logIn(page, app.server.login('coordinator'));
      await mainHeading(page, exact(DEMO_WORKSPACE));

      await open(page, '/w/demo/beheer/gebieden', exact(t('areas.import.title')));
      await checkA11y(page, 'area import (form)');
      const digits = (await gemeentecode(page)).slice(2);
      const codes = NAMES.map((_, i) => `BU${digits}990${i + 1}`);
      const fileField = page.getByLabel(exact(t('areas.import.file')));
      const yearField = page.getByLabel(exact(t('areas.import.year')));
      const check = page.getByRole('button', { name: exact(t('areas.import.check')) });

      // A file with a buurt of another municipality (Rotterdam) is refused as a whole, with a
      // report naming the feature and the reason.
      await fileField.setInputFiles(
        geojsonFile('gemengd.geojson', [
          buurt(codes[0] as string, NAMES[0], 1200, 4.05),
          buurt('BU05990110', 'Stadsdriehoek', 9000, 4.06),
        ]),
      );
      await yearField.fill(String(YEAR));
      await check.click();
      await page.getByRole('alert').getByText(t('areas.import.fileRejected')).waitFor();
      const report = page.getByRole('table', {
        name: t('areas.import.errorsCaption_one', { count: 1 }),
      });
      const badRow = report.getByRole('row').filter({ hasText: 'BU05990110' });
      await badRow.getByRole('rowheader', { name: '2' }).waitFor();
      await badRow.getByText(t('areas.import.reasons.other_municipality')).waitFor();
      await checkA11y(page, 'area import (per-feature report)');

      // The right file: preview first, nothing written yet.
      await fileField.setInputFiles(
        geojsonFile(
          'kaartbuurten.geojson',
          NAMES.map((name, i) => buurt(codes[i] as string, name, 1000 + i * 100, 4.05 + i * 0.005)),
        ),
      );
      await check.click();
      const preview = page.getByRole('heading', {
        level: 2,
        name: exact(t('areas.import.previewTitle')),
      });
      await preview.waitFor();
      expect((await focused(page)).text, 'the preview takes focus').toBe(
        t('areas.import.previewTitle'),
      );
      await page
        .getByText(
          t('areas.import.previewSummary', {
            created: t('areas.import.createdAreas_other', { count: 3 }),
            updated: t('areas.import.updatedAreas_zero'),
            year: YEAR,
          }),
        )
        .waitFor();
      await page.getByText(t('areas.import.mappings.simple')).waitFor();
      await checkA11y(page, 'area import (preview)');

      await page.getByRole('button', { name: exact(t('areas.import.confirm')) }).click();
      // Progress and done: a labelled progress bar while running, then the summary.
      const done = page.getByRole('heading', {
        level: 2,
        name: exact(t('areas.import.doneTitle')),
      });
      const progress = page.getByRole('progressbar', { name: t('areas.import.progress') });
      await progress.or(done).first().waitFor();
      await done.waitFor({ timeout: 30_000 });
      await page.getByText(t('areas.import.doneSummary', { created: 3, updated: 0 })).waitFor();
      await checkA11y(page, 'area import (done)');
      // The list below now has the new buurten.
      await page
        .getByRole('link', { name: exact(NAMES[1]) })
        .first()
        .waitFor();

      await page.getByRole('link', { name: exact(t('areas.import.toMap')) }).click();
      await mainHeading(page, exact(t('map.title')));
      // The newest CBS year of the level is drawn: exactly the three imported buurten.
      const polygons = page.locator('path.wd-map-area');
      await expect.poll(() => polygons.count(), { timeout: 15_000 }).toBe(3);
      const table = page.getByRole('table', { name: /per buurt$/ });
      await expect.poll(() => table.getByRole('rowheader').count()).toBe(3);
      await checkA11y(page, 'map (carriers per buurt)');

      // Keyboard: from the map region, Tab reaches the first polygon (by name); Enter opens it.
      const region = page.getByRole('region', { name: /^Kaart: / });
      await region.focus();
      await page.keyboard.press('Tab');
      const first = await focused(page);
      expect(first.role, 'a polygon is a link').toBe('link');
      const label = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
      expect(label).toBe(t('map.map.areaLabel', { name: NAMES[1], value: 0 }));
      await page.keyboard.press('Enter');
      await mainHeading(page, exact(NAMES[1]));
      expect(page.url()).toMatch(/\/w\/demo\/gebieden\/[0-9a-f-]{36}$/);
      await page
        .getByText(codes[1] as string, { exact: true })
        .first()
        .waitFor();
      await page.getByRole('heading', { level: 2, name: exact(t('areas.matrix.title')) }).waitFor();
      await page.getByText(t('areas.page.noIndicators')).waitFor();
      await checkA11y(page, 'area page (opened from the map by keyboard)');

      // The same data as a table: sort by name descending, then follow a row's link.
      await page.goBack();
      await mainHeading(page, exact(t('map.title')));
      const nameHeader = table.getByRole('columnheader', { name: t('map.table.name') });
      await nameHeader.getByRole('button').click();
      await expect.poll(() => nameHeader.getAttribute('aria-sort')).toBe('descending');
      await expect.poll(() => table.getByRole('rowheader').first().textContent()).toBe(NAMES[2]);
      await table.getByRole('link', { name: exact(NAMES[2]) }).click();
      await mainHeading(page, exact(NAMES[2]));
      await checkA11y(page, 'area page (opened from the table)');

      // Another measure: the form changes nothing until "Kaart tonen".
      await open(page, '/w/demo/kaart', exact(t('map.title')));
      await page
        .getByLabel(exact(t('map.controls.measure')))
        .selectOption({ label: t('map.measures.activities') });
      expect(page.url()).not.toContain('measure=');
      await page.getByRole('button', { name: exact(t('map.controls.show')) }).click();
      await page.waitForURL(/measure=activities/);
      await page.getByRole('table', { name: /: Activiteiten per buurt$/ }).waitFor();
      await checkA11y(page, 'map (activities per buurt)');
    });
  });

  test('the map, area import and taxonomy pages reflow at 320 px', async () => {
    await journey(
      app,
      'map-area: 320px',
      async ({ page }) => {
        await open(page, '/inloggen', exact(nl('login.title')));
        await logIn(page, app.server.login('coordinator'));
        await mainHeading(page, exact(DEMO_WORKSPACE));
        await open(page, '/w/demo/kaart', exact(t('map.title')));
        await page.locator('path.wd-map-area').first().waitFor({ timeout: 15_000 });
        await checkReflow(page, 'map at 320px');
        await checkA11y(page, 'map at 320px');
        await page.getByRole('table').getByRole('link').first().click();
        await mainHeading(page);
        await checkReflow(page, 'area page at 320px');
        await checkA11y(page, 'area page at 320px');
        for (const [path, key] of [
          ['/w/demo/beheer/gebieden', 'areas.import.title'],
          ['/w/demo/beheer/taxonomie', 'areas.taxonomy.title'],
        ] as const) {
          await open(page, path, exact(t(key)));
          await checkReflow(page, `${path} at 320px`);
          await checkA11y(page, `${path} at 320px`);
        }
      },
      { width: 320, height: 640 },
    );
  });

  test('taxonomy admin: add a domain, move it up, rename, archive and restore it', async () => {
    await journey(app, 'map-area: taxonomy', async ({ page }) => {
      await open(page, '/inloggen', exact(nl('login.title')));
      await logIn(page, app.server.login('coordinator'));
      await mainHeading(page, exact(DEMO_WORKSPACE));
      await open(page, '/w/demo/beheer/taxonomie', exact(t('areas.taxonomy.title')));
      await checkA11y(page, 'taxonomy');

      const form = page.getByRole('region', { name: exact(t('areas.taxonomy.addTitle')) });
      await form.getByLabel(exact(t('areas.taxonomy.labelNl'))).fill('Buurtkracht');
      await form.getByLabel(exact(t('areas.taxonomy.labelEn'))).fill('Neighbourhood strength');
      await form.getByRole('button', { name: exact(t('areas.taxonomy.add')) }).click();
      const status = page.getByRole('status');
      await status.getByText(t('areas.taxonomy.added', { name: 'Buurtkracht' })).waitFor();

      const domains = page.getByRole('region', {
        name: exact(t('areas.taxonomy.kindsPlural.domain')),
      });
      const row = domains.getByRole('row').filter({ hasText: 'Buurtkracht' });
      const rows = domains.getByRole('row');
      // New terms go last; one move up puts it one place higher.
      const count = await rows.count();
      expect(await rows.last().textContent()).toContain('Buurtkracht');
      await row.getByRole('button', { name: `${t('areas.taxonomy.up')} Buurtkracht` }).click();
      await status
        .getByText(t('areas.taxonomy.moved', { name: 'Buurtkracht', place: count - 2 }))
        .waitFor();
      expect(await focused(page), 'focus stays on the moved term').toMatchObject({
        id: expect.stringMatching(/-up$/),
      });
      expect(await rows.nth(count - 2).textContent()).toContain('Buurtkracht');

      await row.getByRole('button', { name: `${t('areas.taxonomy.rename')} Buurtkracht` }).click();
      const nlField = row.getByLabel(t('areas.taxonomy.labelNlOf', { name: 'Buurtkracht' }));
      await nlField.fill('Buurtkracht en eigen kracht');
      await nlField.press('Enter');
      await status
        .getByText(t('areas.taxonomy.renamed', { name: 'Buurtkracht en eigen kracht' }))
        .waitFor();
      await checkA11y(page, 'taxonomy after rename');

      const renamed = domains.getByRole('row').filter({ hasText: 'Buurtkracht en eigen kracht' });
      await renamed
        .getByRole('button', { name: new RegExp(`^${t('areas.taxonomy.archive')} `) })
        .click();
      await renamed.getByText(t('areas.taxonomy.archived'), { exact: true }).waitFor();
      await renamed
        .getByRole('button', { name: new RegExp(`^${t('areas.taxonomy.restore')} `) })
        .click();
      await renamed
        .getByRole('button', { name: new RegExp(`^${t('areas.taxonomy.archive')} `) })
        .waitFor();
      expect(await renamed.getByText(t('areas.taxonomy.archived'), { exact: true }).count()).toBe(
        0,
      );
      await checkA11y(page, 'taxonomy after archive and restore');
    });
  });
  test('a member sees the map in English and gets no access to the admin pages', async () => {
    await journey(app, 'map-area: member, English', async ({ page }) => {
      await open(page, '/inloggen', exact(nl('login.title')));
      await logIn(page, app.server.login('member'));
      await mainHeading(page, exact(DEMO_WORKSPACE));
      for (const path of ['/w/demo/beheer/gebieden', '/w/demo/beheer/taxonomie']) {
        await open(page, path, exact(nl('forbidden.title')));
        await checkA11y(page, `${path} (member: no access)`);
      }

      await open(page, '/w/demo/kaart', exact(t('map.title')));
      await page.locator('path.wd-map-area').first().waitFor({ timeout: 15_000 });
      await page.getByRole('button', { name: exact(nl('language.switchTo')) }).click();
      await mainHeading(page, exact(text('en', 'map.title')));
      // The map's own controls and the polygons' names follow the language.
      await page.getByRole('button', { name: exact(text('en', 'map.map.zoomIn')) }).waitFor();
      await expect
        .poll(() => page.locator('path.wd-map-area').first().getAttribute('aria-label'))
        .toMatch(/: (\d+|no figure)$/);
      expect(await dutchLeftovers(page), 'Dutch texts left on the English map').toEqual([]);
      await checkA11y(page, 'map in English');

      await page.getByRole('table').getByRole('link').first().click();
      await mainHeading(page);
      await page
        .getByRole('heading', { level: 2, name: exact(text('en', 'areas.matrix.title')) })
        .waitFor();
      expect(await dutchLeftovers(page), 'Dutch texts left on the English area page').toEqual([]);
      await checkA11y(page, 'area page in English');
    });
  });
});

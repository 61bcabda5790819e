import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { DEMO_WORKSPACE, exact, logIn, nl, open } from './support/app.ts';
import { checkA11y, mainHeading } from './support/browser.ts';
import { journey, useApp } from './support/fixture.ts';

/**
 * Issue 3's journey, end to end ("wie doet wat waar"): a coordinator imports buurten through the
 * admin UI, records a carrier with consent in one of them, records an activity of that carrier
 * there, finds both in search (a prefix typed without diacritics, then filtered by the buurt), sees
 * the activity counted on the map, and opens the buurt's page from the map's table, where the "wie
 * doet wat" matrix lists the carrier under the activity's domain in the carriers column. Axe runs
 * on every page and state visited.
 */

const app = useApp();
const WS = '/w/demo';

/** Unique per run: names in the database never collide with an earlier run's. */
const RUN = Date.now().toString(36);
/**
 * A CBS year later than the demo's boundaries (2024) and than other journeys' imports (2025): the
 * map draws only the newest year of a level, so it shows exactly the buurten imported here.
 */
const YEAR = 2026;
const BUURTEN = ['Dragersbuurt Noord', 'Dragersbuurt Midden', 'Dragersbuurt Zuid'] as const;
/** The buurt the carrier and the activity are in. */
const HOME = BUURTEN[1];
const DOMAIN = 'taal en integratie';
const carrier = {
  name: `Zoë Ağaoğlu-Brandsmà ${RUN}`,
  // The same name typed as most people would: no diacritics, lower case, the start of each word.
  query: `zoe agaog ${RUN}`,
  carries: `Het taalcafé en de buurtkeuken (${RUN})`,
};
const activity = `Taalcafé op dinsdag ${RUN}`;

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

/** A small GeoJSON file of buurten in the "simple" field style (code, name, population). */
const buurtenFile = (codes: readonly string[]) => ({
  name: `dragersbuurten-${RUN}.geojson`,
  mimeType: 'application/geo+json',
  buffer: Buffer.from(
    JSON.stringify({
      type: 'FeatureCollection',
      features: BUURTEN.map((name, i) => ({
        type: 'Feature',
        properties: { code: codes[i], name, population: 800 + i * 150 },
        geometry: square(4.05 + i * 0.005, 52.29),
      })),
    }),
  ),
});

/** The workspace's gemeentecode (GM…), as the API gives it to the signed-in coordinator. */
async function gemeentecode(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const res = await fetch('/api/v1/workspaces/demo');
    return ((await res.json()) as { gemeentecode: string }).gemeentecode;
  });
}

/** Yesterday as YYYY-MM-DD: a consent date that is never in the future for the server. */
const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

const hasFocus = (locator: Locator) => locator.evaluate((el) => el === document.activeElement);

/** Step 1: upload → preview → confirm → progress → done. Returns the buurten's codes. */
async function importBuurten(page: Page): Promise<string[]> {
  await open(page, `${WS}/beheer/gebieden`, exact(nl('areas.import.title')));
  await checkA11y(page, 'area import (form)');
  const digits = (await gemeentecode(page)).slice(2);
  const codes = BUURTEN.map((_, i) => `BU${digits}980${i + 1}`);

  await page.getByLabel(exact(nl('areas.import.file'))).setInputFiles(buurtenFile(codes));
  await page.getByLabel(exact(nl('areas.import.year'))).fill(String(YEAR));
  await page.getByRole('button', { name: exact(nl('areas.import.check')) }).click();

  // The preview says what will happen; nothing is written yet.
  const preview = page.getByRole('heading', {
    level: 2,
    name: exact(nl('areas.import.previewTitle')),
  });
  await preview.waitFor();
  await expect.poll(() => hasFocus(preview), { message: 'the preview takes focus' }).toBe(true);
  await page
    .getByText(
      nl('areas.import.previewSummary', {
        created: nl('areas.import.createdAreas_other', { count: 3 }),
        updated: nl('areas.import.updatedAreas_zero'),
        year: YEAR,
      }),
    )
    .waitFor();
  await checkA11y(page, 'area import (preview)');

  await page.getByRole('button', { name: exact(nl('areas.import.confirm')) }).click();
  const done = page.getByRole('heading', { level: 2, name: exact(nl('areas.import.doneTitle')) });
  const progress = page.getByRole('progressbar', { name: nl('areas.import.progress') });
  await progress.or(done).first().waitFor();
  await done.waitFor({ timeout: 30_000 });
  await page.getByText(nl('areas.import.doneSummary', { created: 3, updated: 0 })).waitFor();
  await checkA11y(page, 'area import (done)');
  return codes;
}

/** Step 2: a carrier with what they carry, a role, the buurt, a domain and recorded consent. */
async function recordCarrier(page: Page): Promise<string> {
  await open(page, `${WS}/actoren/nieuw?kind=person`, exact(nl('actors.newPerson')));
  await checkA11y(page, 'new carrier form');
  await page.getByLabel(exact(nl('actors.fields.name'))).fill(carrier.name);
  await page.getByLabel(exact(nl('actors.fields.carries'))).fill(carrier.carries);
  await page.getByRole('button', { name: exact(nl('actors.addRole')) }).click();
  await page
    .getByLabel(exact(nl('actors.fields.role', { n: 1 })))
    .selectOption({ label: nl('actors.role.verbinder') });
  // The imported buurt is offered among the areas (a fresh page load: no stale area list).
  await page
    .getByRole('group', { name: exact(nl('actors.fields.areas')) })
    .getByRole('checkbox', { name: exact(HOME) })
    .check();
  await page
    .getByRole('group', { name: exact(nl('actors.fields.domains')) })
    .getByRole('checkbox', { name: exact(DOMAIN) })
    .check();
  await page.getByLabel(exact(nl('actors.fields.consent'))).check();
  const givenOn = yesterday();
  await page.getByLabel(exact(nl('actors.fields.consentDate'))).fill(givenOn);
  await page.getByLabel(exact(nl('actors.fields.consentTextVersion'))).fill('2026-1');
  await page
    .getByLabel(exact(nl('actors.fields.visibility')))
    .selectOption({ label: nl('actors.visibility.workspace') });
  await checkA11y(page, 'new carrier form (filled in)');
  await page.getByRole('button', { name: exact(nl('actors.create')) }).click();

  await page.waitForURL(/\/w\/demo\/actoren\/[0-9a-f-]{36}$/);
  await mainHeading(page, exact(carrier.name));
  const main = page.getByRole('main');
  await main.getByText(carrier.carries).waitFor();
  await main.getByText(nl('actors.role.verbinder')).first().waitFor();
  await main
    .getByRole('link', { name: exact(HOME) })
    .first()
    .waitFor();
  await main.getByText(DOMAIN).first().waitFor();
  await main.getByText(nl('actors.visibilityHelp.workspace')).waitFor();
  await main.getByText(/2026-1/).waitFor();
  await checkA11y(page, 'carrier page');
  return new URL(page.url()).pathname.split('/').pop() as string;
}

/** Step 3: an activity of that carrier, in the same buurt and domain, from the carrier's page. */
async function recordActivity(page: Page, carrierId: string): Promise<void> {
  await page
    .getByRole('main')
    .getByRole('link', { name: exact(nl('activities.add')) })
    .click();
  await page.waitForURL(
    (url) =>
      url.pathname === `${WS}/activiteiten/nieuw` && url.searchParams.get('actorId') === carrierId,
  );
  await mainHeading(page, exact(nl('activities.newTitle')));
  // The carrier is chosen already.
  expect(await page.getByLabel(exact(nl('activities.fields.actor'))).inputValue()).toBe(carrierId);
  await checkA11y(page, 'new activity form');

  await page.getByLabel(exact(nl('activities.fields.title'))).fill(activity);
  await page
    .getByRole('group', { name: exact(nl('actors.fields.areas')) })
    .getByRole('checkbox', { name: exact(HOME) })
    .check();
  await page
    .getByRole('group', { name: exact(nl('actors.fields.domains')) })
    .getByRole('checkbox', { name: exact(DOMAIN) })
    .check();
  await page.getByLabel(exact(nl('activities.fields.hoursPerWeek'))).fill('3');
  await page.getByRole('button', { name: exact(nl('activities.create')) }).click();

  await page.waitForURL(`**${WS}/actoren/${carrierId}`);
  await mainHeading(page, exact(carrier.name));
  await page
    .getByRole('table', { name: exact(nl('activities.listCaption', { name: carrier.name })) })
    .getByRole('rowheader', { name: exact(activity) })
    .waitFor();
  await checkA11y(page, 'carrier page with the activity');
}

const results = (page: Page) =>
  page.getByRole('region', { name: exact(nl('directory.resultsTitle')) });

/** The results' polite count must become `count` for the query. */
async function expectCount(page: Page, count: number): Promise<void> {
  const key = count === 1 ? 'directory.countFor_one' : 'directory.countFor_other';
  await expect
    .poll(() => results(page).getByRole('status').textContent())
    .toBe(nl(key, { count, q: carrier.query }));
}

/** Both the carrier and its activity are results (an activity links to its carrier's page). */
async function expectBothFound(page: Page, carrierId: string): Promise<void> {
  await expectCount(page, 2);
  const list = results(page).getByRole('list');
  const person = list.getByRole('listitem').filter({
    has: page.getByRole('link', { name: exact(carrier.name) }),
  });
  await person.getByText(nl('actors.kind.person'), { exact: true }).waitFor();
  const work = list.getByRole('listitem').filter({
    has: page.getByRole('link', { name: exact(activity) }),
  });
  await work.getByText(nl('directory.types.activity'), { exact: true }).waitFor();
  expect(
    await work.getByRole('link', { name: exact(activity) }).getAttribute('href'),
    'the activity links to its carrier',
  ).toBe(`${WS}/actoren/${carrierId}`);
}

/** Step 4: search by a prefix without diacritics; then only in the buurt; another buurt: none. */
async function searchBoth(page: Page, carrierId: string): Promise<string> {
  await open(page, `${WS}/zoeken`, exact(nl('directory.title')));
  await checkA11y(page, 'directory');
  const form = page.getByRole('search', { name: exact(nl('directory.formLabel')) });
  await form.getByLabel(exact(nl('directory.query'))).fill(carrier.query);
  await form.getByRole('button', { name: exact(nl('directory.submit')) }).click();
  await page.waitForURL((url) => url.searchParams.get('q') === carrier.query);
  await expectBothFound(page, carrierId);
  await checkA11y(page, 'directory results (prefix without diacritics)');

  const area = form.getByLabel(exact(nl('directory.area')));
  const apply = form.getByRole('button', { name: exact(nl('directory.apply')) });
  await area.selectOption({ label: HOME });
  const homeId = await area.inputValue();
  expect(homeId, 'the imported buurt is an area filter option').toMatch(/^[0-9a-f-]{36}$/);
  await apply.click();
  await page.waitForURL(
    (url) => url.searchParams.get('areaId') === homeId && url.searchParams.get('q') !== null,
  );
  await expectBothFound(page, carrierId);
  await checkA11y(page, 'directory results (filtered by the buurt)');

  // The filter really filters: in the neighbouring imported buurt neither is found.
  await area.selectOption({ label: BUURTEN[2] });
  const otherId = await area.inputValue();
  await apply.click();
  await page.waitForURL((url) => url.searchParams.get('areaId') === otherId);
  await expectCount(page, 0);
  await page.getByText(nl('directory.empty')).waitFor();
  await checkA11y(page, 'directory without results (another buurt)');
  return homeId;
}

/** Step 5: the map of activities per buurt: the buurt counts 1, in the table and on the polygon. */
async function mapOfActivities(page: Page, codes: string[]): Promise<void> {
  await open(page, `${WS}/kaart`, exact(nl('map.title')));
  await page
    .getByLabel(exact(nl('map.controls.measure')))
    .selectOption({ label: nl('map.measures.activities') });
  await page.getByRole('button', { name: exact(nl('map.controls.show')) }).click();
  await page.waitForURL((url) => url.searchParams.get('measure') === 'activities');

  const buurt = nl('areas.levelsLower.buurt');
  const table = page.getByRole('table', {
    name: exact(nl('map.table.caption', { value: nl('map.measures.activities'), level: buurt })),
  });
  // Only the newest CBS year is drawn: exactly the imported buurten.
  await expect.poll(() => table.getByRole('rowheader').count(), { timeout: 15_000 }).toBe(3);
  for (const [i, name] of BUURTEN.entries()) {
    const row = table.getByRole('row').filter({
      has: page.getByRole('rowheader', { name: exact(name) }),
    });
    const cells = row.getByRole('cell');
    expect(await cells.allTextContents(), `map table row of ${name}`).toEqual([
      codes[i],
      name === HOME ? '1' : '0',
    ]);
  }

  const polygons = page.locator('path.wd-map-area');
  await expect.poll(() => polygons.count(), { timeout: 15_000 }).toBe(3);
  const labels = await polygons.evaluateAll((paths) =>
    paths.map((p) => p.getAttribute('aria-label')),
  );
  expect(labels.sort(), 'the polygons say their values').toEqual(
    BUURTEN.map((name) => nl('map.map.areaLabel', { name, value: name === HOME ? 1 : 0 })).sort(),
  );
  await checkA11y(page, 'map (activities per buurt)');

  await table.getByRole('link', { name: exact(HOME) }).click();
}

/** Step 6: the area page, opened from the map's table: the carrier in the matrix. */
async function areaPage(page: Page, homeId: string, code: string): Promise<void> {
  await mainHeading(page, exact(HOME));
  expect(new URL(page.url()).pathname).toBe(`${WS}/gebieden/${homeId}`);
  const main = page.getByRole('main');
  await main.getByText(code, { exact: true }).first().waitFor();
  await main.getByText(String(YEAR), { exact: true }).first().waitFor();

  const matrix = main.getByRole('table', {
    name: exact(nl('areas.matrix.caption', { area: HOME })),
  });
  await matrix.waitFor();
  const headers = (await matrix.getByRole('columnheader').allTextContents()).map((h) => h.trim());
  const column = headers.indexOf(nl('areas.matrix.carriers'));
  expect(column, `the matrix has a carriers column (${headers.join(', ')})`).toBeGreaterThan(0);
  const row = matrix.getByRole('row').filter({
    has: page.getByRole('rowheader', { name: exact(DOMAIN) }),
  });
  expect(await row.count(), `the matrix has a row for ${DOMAIN}`).toBe(1);
  const cells = row.getByRole('cell');
  // Cells follow the domain's row header, so column n is cell n − 1.
  for (let i = 1; i < headers.length; i++) {
    const names = await cells
      .nth(i - 1)
      .getByRole('link')
      .allTextContents();
    expect(names, `matrix cell "${DOMAIN}" × "${headers[i]}"`).toEqual(
      i === column ? [carrier.name] : [],
    );
  }
  // The carrier is also listed among the buurt's carriers.
  await main
    .getByRole('region', { name: exact(nl('areas.page.carriersTitle', { count: 1 })) })
    .getByRole('link', { name: exact(carrier.name) })
    .waitFor();
  await checkA11y(page, 'area page (opened from the map table)');

  // The matrix link leads to the carrier.
  await cells
    .nth(column - 1)
    .getByRole('link', { name: exact(carrier.name) })
    .click();
  await mainHeading(page, exact(carrier.name));
}

describe('journey: who carries what, where (issue 3)', () => {
  test('import buurten → carrier with consent → activity → search → map → area page', async () => {
    await journey(app, 'who carries what', async ({ page }) => {
      await open(page, '/inloggen', exact(nl('login.title')));
      await logIn(page, app.server.login('coordinator'));
      await mainHeading(page, exact(DEMO_WORKSPACE));
      await checkA11y(page, 'workspace home');

      const codes = await importBuurten(page);
      const carrierId = await recordCarrier(page);
      await recordActivity(page, carrierId);
      const homeId = await searchBoth(page, carrierId);
      await mapOfActivities(page, codes);
      await areaPage(page, homeId, codes[1] as string);
    });
  });
});

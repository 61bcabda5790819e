import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import writeXlsxFile from 'write-excel-file/node';
import { afterAll, describe, expect, test } from 'vitest';
import {
  DEMO_WORKSPACE,
  dutchLeftovers,
  en,
  exact,
  expectHtmlLang,
  logIn,
  nl,
  open,
} from './support/app.ts';
import { checkA11y, mainHeading } from './support/browser.ts';
import { journey, useApp } from './support/fixture.ts';

/**
 * Exchange (issue 3 item 8): a coordinator checks a sociale-kaart list (dry run, per-row report),
 * imports it and finds it in the directory and in the downloads; bad lists show every problem and
 * import nothing; an import that no longer fits is refused as a whole; a member gets only the
 * HSDS file of the public organisations.
 */

const app = useApp();
const WS = '/w/demo';
const PAGE = `${WS}/beheer/uitwisseling`;

const dir = mkdtempSync(join(tmpdir(), 'wijkdragers-exchange-e2e-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a list as a spreadsheet would save it ("CSV UTF-8": a BOM, `;`, CRLF). */
function csvFile(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
  return path;
}

const HEADER =
  'Naam;Soort;Organisatievorm;Website;KvK;E-mail;Telefoon;Wijk of buurt codes;Domeinen;Doelgroepen;Omschrijving;Zichtbaarheid';

const good = {
  kitchen: 'Buurtkeuken De Uitwisseling',
  cafe: 'Taalcafé Overbrug',
  person: 'Henk Importeur',
};
const goodList = csvFile('sociale-kaart.csv', [
  HEADER,
  `${good.kitchen};organisatie;stichting;www.buurtkeuken.example.org;01234567;info@buurtkeuken.example.org;010-1234567;;zorg;ouderen;"Samen koken; samen eten";openbaar`,
  `${good.cafe};organisatie;sociale onderneming;;;;;;taal en integratie;statushouders;;werkruimte`,
  `${good.person};persoon;;;;;;;zorg;;Helpt buren met boodschappen;openbaar`,
]);

const lost = 'Verdwenen Vereniging';
const unknownColumnList = csvFile('onbekende-kolom.csv', [
  'Naam;Soort;Organisatievorm;Favoriete kleur',
  `${lost};organisatie;vereniging;blauw`,
]);

const badRows = { fine: 'Goede Buren Groep', broken: 'Kapotte Rij Stichting' };
const badRowsList = csvFile('foute-rijen.csv', [
  HEADER,
  `${badRows.fine};organisatie;bewonersinitiatief;;;;;;;;;`,
  `${badRows.broken};organisatie;kerk;;12345;;;WK000000;ruimtevaart;;;`,
]);

const excel = { org: 'Woonstichting Spreadsheet', bad: 'Parochie Rekenblad' };

const raced = ['Wijkmoestuin Gelijktijdig', 'Repair Café Tegelijk'];
const racedList = csvFile('gelijktijdig.csv', [
  'Naam;Organisatievorm',
  ...raced.map((name) => `${name};bewonersinitiatief`),
]);

/** The file input, the check button and the report's table, by their accessible names. */
async function checkFile(page: Page, path: string): Promise<void> {
  await page.getByLabel(exact(nl('exchange.import.file'))).setInputFiles(path);
  await page.getByRole('button', { name: exact(nl('exchange.import.check')) }).click();
}

const reportTable = (page: Page) =>
  page.getByRole('table', { name: exact(nl('exchange.report.caption')) });

/** The report's row for spreadsheet row `n` (its row header is the number). */
const reportRow = (page: Page, n: number | string): Locator =>
  reportTable(page)
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: exact(String(n)) }) });

async function expectFocused(locator: Locator): Promise<void> {
  await expect.poll(() => locator.evaluate((el) => el === document.activeElement)).toBe(true);
}

/** Clicks a download link and returns the file's name and text. */
async function download(page: Page, link: Locator) {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

/** The directory's results for a query, opened by its address. */
async function directory(page: Page, q: string) {
  await open(page, `${WS}/zoeken?q=${encodeURIComponent(q)}`, exact(nl('directory.title')));
  return page.getByRole('region', { name: exact(nl('directory.resultsTitle')) });
}

describe('journey: exchanging data (sociale-kaart import, CSV and HSDS downloads)', () => {
  test('a coordinator checks a list, imports it, finds it in the directory and the downloads', async () => {
    await journey(app, 'exchange: coordinator imports', async ({ page }) => {
      await open(page, '/inloggen', exact(nl('login.title')));
      await logIn(page, app.server.login('coordinator'));
      await mainHeading(page, exact(DEMO_WORKSPACE));

      await open(page, PAGE, exact(nl('exchange.title')));
      await page
        .getByRole('heading', { level: 2, name: exact(nl('exchange.import.title')) })
        .waitFor();
      // The expected columns are explained on the page, and that persons stay private.
      await page
        .getByRole('table', { name: exact(nl('exchange.import.columnsCaption')) })
        .getByRole('rowheader', { name: exact('organisatievorm') })
        .waitFor();
      await page.getByText(nl('exchange.import.personsPrivate')).waitFor();
      await checkA11y(page, 'exchange page (coordinator)');

      // No file: the error summary names the field.
      await page.getByRole('button', { name: exact(nl('exchange.import.check')) }).click();
      await page.getByRole('alert').getByText(nl('exchange.import.fileRequired')).waitFor();
      await checkA11y(page, 'import without a file');

      // Step 1: the dry run reports every row; nothing is imported yet.
      await checkFile(page, goodList);
      const reportHeading = page.getByRole('heading', {
        level: 3,
        name: exact(nl('exchange.import.reportTitle', { file: 'sociale-kaart.csv' })),
      });
      await reportHeading.waitFor();
      await expectFocused(reportHeading);
      await page.getByText(nl('exchange.import.summaryValid_other', { count: 3 })).waitFor();
      for (const [n, name] of [
        [2, good.kitchen],
        [3, good.cafe],
        [4, good.person],
      ] as const) {
        const row = reportRow(page, n);
        await row.getByRole('cell', { name: exact(name) }).waitFor();
        await row.getByText(nl('exchange.outcomes.would_create')).waitFor();
      }
      await reportRow(page, 4)
        .getByText(
          `${nl('exchange.report.warningPrefix')} ${nl('exchange.reasons.privateWithoutConsent')}`,
        )
        .waitFor();
      await checkA11y(page, 'import check report');
      const before = await directory(page, good.kitchen);
      await before.getByText(nl('directory.empty')).waitFor();

      // Step 2: import.
      await open(page, PAGE, exact(nl('exchange.title')));
      await checkFile(page, goodList);
      await page.getByRole('button', { name: exact(nl('exchange.import.confirm')) }).click();
      const done = page.getByRole('heading', {
        level: 3,
        name: exact(nl('exchange.import.doneTitle_other', { count: 3 })),
      });
      await done.waitFor();
      await expectFocused(done);
      await reportRow(page, 2).getByText(nl('exchange.outcomes.created')).waitFor();
      await checkA11y(page, 'import done');

      // The downloads carry the session cookie and hold the imported organisations.
      const actorsLink = page.getByRole('link', { name: exact(nl('exchange.exports.actors')) });
      const semicolon = await download(page, actorsLink);
      expect(semicolon.name).toMatch(/^wijkdragers-demo-actors-\d{4}-\d{2}-\d{2}\.csv$/);
      expect(semicolon.text.startsWith('\uFEFFid;kind;name;')).toBe(true);
      expect(semicolon.text).toContain(good.kitchen);
      expect(semicolon.text).toContain(good.cafe);
      await page.getByLabel(nl('exchange.exports.comma')).check();
      const comma = await download(page, actorsLink);
      expect(comma.text.startsWith('\uFEFFid,kind,name,')).toBe(true);
      const activities = await download(
        page,
        page.getByRole('link', { name: exact(nl('exchange.exports.activities')) }),
      );
      expect(activities.name).toMatch(/^wijkdragers-demo-activities-.*\.csv$/);
      expect(activities.text.startsWith('\uFEFFid,title,')).toBe(true);

      // Step 3: the link leads to the directory, where the organisation is found.
      await page.getByRole('link', { name: exact(nl('exchange.import.toDirectory')) }).click();
      await mainHeading(page, exact(nl('directory.title')));
      const results = await directory(page, 'buurtkeuken uitwisseling');
      await results.getByRole('link', { name: exact(good.kitchen) }).waitFor();
      await checkA11y(page, 'directory with the imported organisation');
    });
  });

  test('bad lists show the row report and import nothing', async () => {
    await journey(app, 'exchange: bad lists', async ({ page }) => {
      await open(page, '/inloggen', exact(nl('login.title')));
      await logIn(page, app.server.login('coordinator'));
      await mainHeading(page, exact(DEMO_WORKSPACE));
      await open(page, PAGE, exact(nl('exchange.title')));

      // An unknown column: the header row (row 1) is the problem; no import button.
      await checkFile(page, unknownColumnList);
      await page
        .getByRole('heading', {
          level: 3,
          name: exact(nl('exchange.import.reportTitle', { file: 'onbekende-kolom.csv' })),
        })
        .waitFor();
      await page.getByText(nl('exchange.import.summaryFileProblem')).waitFor();
      await reportRow(page, 1)
        .getByText(nl('exchange.reasons.unknownColumn', { value: 'Favoriete kleur' }))
        .waitFor();
      await reportRow(page, 1).getByText(nl('exchange.outcomes.error')).waitFor();
      await expect
        .poll(() =>
          page.getByRole('button', { name: exact(nl('exchange.import.confirm')) }).count(),
        )
        .toBe(0);
      await checkA11y(page, 'report of a list with an unknown column');

      // Bad cells: every reason per row; the good row would be imported, but not on its own.
      await checkFile(page, badRowsList);
      await page.getByText(nl('exchange.import.summaryInvalid', { bad: 1, count: 2 })).waitFor();
      await reportRow(page, 2).getByText(nl('exchange.outcomes.would_create')).waitFor();
      const broken = reportRow(page, 3);
      await broken.getByText(nl('exchange.outcomes.error')).waitFor();
      for (const reason of [
        nl('exchange.reasons.invalidOrgKind', { value: 'kerk' }),
        nl('exchange.reasons.invalidKvk', { value: '12345' }),
        nl('exchange.reasons.unknownArea', { value: 'WK000000' }),
        nl('exchange.reasons.unknownDomain', { value: 'ruimtevaart' }),
      ]) {
        await broken.getByText(reason).waitFor();
      }
      await expect
        .poll(() =>
          page.getByRole('button', { name: exact(nl('exchange.import.confirm')) }).count(),
        )
        .toBe(0);
      await checkA11y(page, 'report of a list with bad rows');

      for (const name of [lost, badRows.fine, badRows.broken]) {
        const results = await directory(page, name);
        await results.getByText(nl('directory.empty')).waitFor();
      }
    });
  });

  test('an Excel list (.xlsx) is read in the browser and checked row by row', async () => {
    const rows = [
      ['Naam', 'Organisatievorm', 'KvK', 'Domeinen'],
      [excel.org, 'woningcorporatie', '00123456', 'wonen'],
      [excel.bad, 'kerk', null, null],
    ].map((r) => r.map((value) => (value === null ? null : { value })));
    const path = join(dir, 'sociale-kaart.xlsx');
    writeFileSync(path, await writeXlsxFile(rows).toBuffer());

    await journey(app, 'exchange: xlsx', async ({ page }) => {
      await open(page, '/inloggen', exact(nl('login.title')));
      await logIn(page, app.server.login('coordinator'));
      await mainHeading(page, exact(DEMO_WORKSPACE));
      await open(page, PAGE, exact(nl('exchange.title')));

      await checkFile(page, path);
      await page
        .getByRole('heading', {
          level: 3,
          name: exact(nl('exchange.import.reportTitle', { file: 'sociale-kaart.xlsx' })),
        })
        .waitFor();
      await page.getByText(nl('exchange.import.summaryInvalid', { bad: 1, count: 2 })).waitFor();
      await reportRow(page, 2)
        .getByRole('cell', { name: exact(excel.org) })
        .waitFor();
      await reportRow(page, 2).getByText(nl('exchange.outcomes.would_create')).waitFor();
      await reportRow(page, 3)
        .getByText(nl('exchange.reasons.invalidOrgKind', { value: 'kerk' }))
        .waitFor();
      await checkA11y(page, 'report of an Excel list');
    });
  });

  test('an import that no longer fits after the check is refused as a whole', async () => {
    await journey(app, 'exchange: refused import', async ({ page }) => {
      await open(page, '/inloggen', exact(nl('login.title')));
      await logIn(page, app.server.login('coordinator'));
      await mainHeading(page, exact(DEMO_WORKSPACE));
      await open(page, PAGE, exact(nl('exchange.title')));

      await checkFile(page, racedList);
      await page.getByText(nl('exchange.import.summaryValid_other', { count: 2 })).waitFor();

      // Meanwhile a colleague imports the same list (straight through the API).
      const status = await page.evaluate(
        async (content) => {
          const me = (await (await fetch('/api/v1/me')).json()) as { csrfToken: string };
          const res = await fetch('/api/v1/workspaces/demo/actor-imports', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrfToken },
            body: JSON.stringify({ format: 'csv', content, dryRun: false }),
          });
          return res.status;
        },
        readFileSync(racedList, 'utf8'),
      );
      expect(status).toBe(201);

      await page.getByRole('button', { name: exact(nl('exchange.import.confirm')) }).click();
      const refused = page.getByRole('heading', {
        level: 3,
        name: exact(nl('exchange.import.rejectedTitle')),
      });
      await refused.waitFor();
      await expectFocused(refused);
      for (const [i, name] of raced.entries()) {
        const row = reportRow(page, i + 2);
        await row.getByRole('cell', { name: exact(name) }).waitFor();
        await row.getByText(nl('exchange.reasons.alreadyExists')).waitFor();
      }
      await checkA11y(page, 'refused import');

      // Each name is there once: the colleague's import, not a second one.
      const results = await directory(page, raced[0] ?? '');
      await expect
        .poll(() => results.getByRole('link', { name: exact(raced[0] ?? '') }).count())
        .toBe(1);
    });
  });

  test('a member downloads the HSDS file of the public organisations only', async () => {
    // Reads what the first test imported (the tests share one server and run in order).
    await journey(app, 'exchange: member', async ({ page }) => {
      await open(page, '/inloggen', exact(nl('login.title')));
      await logIn(page, app.server.login('member'));
      await mainHeading(page, exact(DEMO_WORKSPACE));

      await open(page, PAGE, exact(nl('exchange.title')));
      await page.getByText(nl('exchange.exports.hsdsText')).waitFor();
      await checkA11y(page, 'exchange page (member)');
      expect(
        await page.getByRole('link', { name: exact(nl('exchange.exports.actors')) }).count(),
      ).toBe(0);
      expect(
        await page.getByRole('heading', { name: exact(nl('exchange.import.title')) }).count(),
      ).toBe(0);
      expect(await page.getByLabel(exact(nl('exchange.import.file'))).count()).toBe(0);

      const links = page.getByRole('link', { name: /HSDS/ });
      const names: string[] = [];
      for (let i = 0; i < (await links.count()); i++) {
        const file = await download(page, links.nth(i));
        expect(file.name).toMatch(/^wijkdragers-demo-hsds(-\d+)?\.json$/);
        const doc = JSON.parse(file.text) as { contents: { name: string }[] };
        names.push(...doc.contents.map((o) => o.name));
      }
      expect(names.length).toBeGreaterThan(0);
      // Public organisations only: not the workspace one, never a person.
      expect(names).toContain(good.kitchen);
      expect(names).not.toContain(good.cafe);
      expect(names).not.toContain(good.person);

      // The page follows the language switch.
      await page.getByRole('button', { name: exact(nl('language.switchTo')) }).click();
      await mainHeading(page, exact(en('exchange.title')));
      await page.getByRole('link', { name: exact(en('exchange.exports.hsds')) }).waitFor();
      await expectHtmlLang(page, 'en');
      // Names are data, not interface texts: "Gemeente Wijkhaven", "Lieke de Drager".
      const me = await page.evaluate(async () => {
        const res = await fetch('/api/v1/me');
        return ((await res.json()) as { displayName: string }).displayName;
      });
      const leftovers = (await dutchLeftovers(page)).filter(
        (s) => !DEMO_WORKSPACE.includes(s) && !me.includes(s),
      );
      expect(leftovers, 'Dutch texts left on the English exchange page').toEqual([]);
      await checkA11y(page, 'exchange page in English');
    });
  });
});

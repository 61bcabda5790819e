import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { exact, logIn, nl, open } from './support/app.ts';
import { checkA11y, mainHeading } from './support/browser.ts';
import { journey, useApp, type App } from './support/fixture.ts';

/**
 * Issue 7's journeys. A carrier reports an obstacle anonymously (with areas and a domain, and a
 * name in the text); a second carrier recognises it; a coordinator adds an owner, routes the
 * obstacle to it and redacts the name; the owner's policy officer responds; the dashboard counts it
 * and the yearly report downloads as HTML and PDF. Then a named reporter withdraws a report, and a
 * coordinator merges a duplicate and hides abusive content. Axe runs on every page visited.
 */

const app = useApp();
const WS = '/w/demo';
const RUN = Date.now().toString(36);
const TITLE = `Subsidie elk jaar opnieuw aanvragen ${RUN}`;
const OWNER = `Wijkteam Noord ${RUN}`;
const NAME = 'Jan Jansen';

async function signIn(a: App, page: Page, role: string) {
  await open(page, '/inloggen', exact(nl('login.title')));
  await logIn(page, a.server.login(role));
  await page.waitForURL((url) => !url.pathname.startsWith('/inloggen'));
}

const button = (page: Page, key: string) => page.getByRole('button', { name: exact(nl(key)) });

/** Fills in and sends the report form; returns the new obstacle's id. */
async function report(page: Page, title: string, description: string, anonymous: boolean) {
  await open(page, `${WS}/knelpunten/nieuw`, exact(nl('obstacles.form.title')));
  await page
    .getByLabel(exact(nl('obstacles.form.category')))
    .selectOption({ label: nl('obstacles.category.funding') });
  await page
    .getByLabel(exact(nl('obstacles.form.subcategory')))
    .selectOption({ label: nl('obstacles.subcategory.projects_only') });
  await page.getByLabel(exact(nl('obstacles.form.knelpuntTitle'))).fill(title);
  await page.getByLabel(exact(nl('obstacles.form.description'))).fill(description);
  if (anonymous) await page.getByLabel(exact(nl('obstacles.form.anonymous'))).check();
  return async () => {
    await button(page, 'obstacles.form.submit').click();
    await page.waitForURL(/\/w\/demo\/knelpunten\/[0-9a-f-]{36}$/);
    await mainHeading(page, exact(title));
    return new URL(page.url()).pathname.split('/').at(-1)!;
  };
}

describe('journey: obstacle register (issue 7)', () => {
  test('report anonymously → recognised → routed → answered → dashboard → yearly report', async () => {
    let id = '';
    let areaName = '';
    await journey(app, 'report anonymously', async ({ page }) => {
      await signIn(app, page, 'member');
      const send = await report(
        page,
        TITLE,
        `Elk jaar opnieuw een aanvraag voor hetzelfde werk, zegt ${NAME}. <script>alert(1)</script>`,
        true,
      );
      const areas = page.getByRole('group', { name: exact(nl('actors.fields.areas')) });
      const area = areas.getByRole('checkbox').nth(2);
      areaName =
        (await area.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent)) ?? '';
      await area.check();
      await page
        .getByRole('group', { name: exact(nl('obstacles.form.domains')) })
        .getByRole('checkbox')
        .first()
        .check();
      await checkA11y(page, 'obstacle form (filled in, anonymous)');
      id = await send();
      await page.getByText(nl('obstacles.detail.anonymousReport'), { exact: false }).waitFor();
      await page.getByText('<script>alert(1)</script>', { exact: false }).waitFor();
      await page.getByText(nl('obstacles.detail.areas'), { exact: true }).waitFor();
      await page.getByText(areaName, { exact: false }).first().waitFor();
      await checkA11y(page, 'obstacle (anonymous, just reported)');
    });
    expect(areaName).not.toBe('');

    await journey(app, 'a second carrier recognises it', async ({ page }) => {
      await signIn(app, page, 'researcher');
      await open(page, `${WS}/knelpunten/${id}`, exact(TITLE));
      await page.getByLabel(exact(nl('obstacles.detail.endorseContext'))).fill('Bij ons ook');
      await button(page, 'obstacles.detail.endorse').click();
      await page.getByText(nl('obstacles.detail.endorsed')).first().waitFor();
      await page.getByText(nl('obstacles.detail.endorsements_one')).waitFor();
      await checkA11y(page, 'obstacle (recognised)');
    });

    await journey(
      app,
      'the coordinator adds an owner, routes it and redacts a name',
      async ({ page }) => {
        await signIn(app, page, 'coordinator');
        await open(page, `${WS}/knelpunten/eigenaren`, exact(nl('obstacles.owners.title')));
        await page.getByLabel(exact(nl('obstacles.owners.name'))).fill(OWNER);
        const officers = page.getByRole('checkbox', {
          name: new RegExp(`\\(${nl('roles.policy_officer')}\\)`),
        });
        await officers.first().waitFor();
        for (const box of await officers.all()) await box.check();
        await checkA11y(page, 'obstacle owners (new owner filled in)');
        await button(page, 'obstacles.owners.submit').click();
        await page.getByRole('rowheader', { name: exact(OWNER) }).waitFor();

        await open(page, `${WS}/knelpunten/${id}`, exact(TITLE));
        await page
          .getByLabel(exact(nl('obstacles.coordination.owner')))
          .selectOption({ label: OWNER });
        await page.getByLabel(exact(nl('obstacles.coordination.dueDate'))).fill('2027-01-31');
        await button(page, 'obstacles.coordination.assignSubmit').click();
        await page.getByText(nl('obstacles.coordination.assigned')).first().waitFor();
        await page.getByText(` · ${OWNER}`, { exact: false }).waitFor();

        await page
          .getByLabel(exact(nl('obstacles.coordination.field.label')))
          .selectOption({ label: nl('obstacles.coordination.field.description') });
        await page.getByLabel(exact(nl('obstacles.coordination.find'))).fill(NAME);
        await page
          .getByLabel(exact(nl('obstacles.coordination.reason')))
          .last()
          .fill('Naam');
        await button(page, 'obstacles.coordination.redactSubmit').click();
        await page.getByText(nl('obstacles.coordination.redacted')).first().waitFor();
        await expect.poll(() => page.getByText(NAME, { exact: false }).count()).toBe(0);
        await checkA11y(page, 'obstacle (routed and redacted, coordinator)');
      },
    );

    await journey(app, 'the owner responds; dashboard and report', async ({ page }) => {
      await signIn(app, page, 'policy_officer');
      await open(page, `${WS}/knelpunten/${id}`, exact(TITLE));
      await page
        .getByLabel(exact(nl('obstacles.detail.nextStatus')))
        .selectOption({ label: nl('obstacles.status.acknowledged') });
      await page.getByLabel(exact(nl('obstacles.detail.explanation'))).fill('Wij kijken ernaar');
      await button(page, 'obstacles.detail.send').click();
      await page.getByText(nl('obstacles.detail.responded')).first().waitFor();
      await page.getByRole('heading', { name: exact(nl('obstacles.detail.history')) }).waitFor();
      await checkA11y(page, 'obstacle (answered by its owner)');

      await open(page, `${WS}/knelpunten`, exact(nl('obstacles.title')));
      await page.getByRole('link', { name: exact(TITLE) }).waitFor();
      const year = new Date().getUTCFullYear();
      await page.getByLabel(exact(nl('obstacles.dashboard.year'))).selectOption(String(year));
      const byStatus = page.getByRole('table', { name: exact(nl('obstacles.dashboard.byStatus')) });
      await byStatus
        .getByRole('rowheader', { name: exact(nl('obstacles.status.acknowledged')) })
        .waitFor();
      const trendTable = (per: string, by: string) =>
        page.getByRole('table', {
          name: exact(
            nl('obstacles.dashboard.trendTable', {
              per: nl(`obstacles.dashboard.period.${per}`),
              by: nl(`obstacles.dashboard.trendBy.${by}`),
            }),
          ),
        });
      const now = new Date();
      const month = now.toISOString().slice(0, 7);
      await trendTable('month', 'category')
        .getByRole('rowheader', { name: exact(month) })
        .waitFor();
      // The trend per quarter and owner: the new owner has a column.
      await page
        .getByLabel(exact(nl('obstacles.dashboard.trendByLabel')))
        .selectOption({ label: nl('obstacles.dashboard.trendBy.owner') });
      await page
        .getByLabel(exact(nl('obstacles.dashboard.periodLabel')))
        .selectOption({ label: nl('obstacles.dashboard.period.quarter') });
      const quarter = `${year}-K${Math.floor(now.getUTCMonth() / 3) + 1}`;
      const byOwner = trendTable('quarter', 'owner');
      await byOwner.getByRole('rowheader', { name: exact(quarter) }).waitFor();
      await byOwner.getByRole('columnheader', { name: exact(OWNER) }).waitFor();
      await checkA11y(page, 'obstacle register with dashboard (this year, per quarter and owner)');
      for (const [key, ext] of [
        ['obstacles.dashboard.reportHtml', 'html'],
        ['obstacles.dashboard.reportPdf', 'pdf'],
      ] as const) {
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('link', { name: exact(nl(key, { year })) }).click(),
        ]);
        expect(download.suggestedFilename()).toBe(`systeemleren-${year}.${ext}`);
        const file = await download.path();
        const head = readFileSync(file).subarray(0, 5).toString('latin1').toUpperCase();
        expect(head).toBe(ext === 'pdf' ? '%PDF-' : '<!DOC');
      }
    });
  });

  test('a named reporter withdraws; a coordinator merges a duplicate and hides abuse', async () => {
    let duplicate = '';
    let rude = '';
    const original = `Origineel ${RUN}`;
    await journey(app, 'report by name and withdraw', async ({ page }) => {
      await signIn(app, page, 'member');
      await (
        await report(page, original, 'Jaarsubsidie in plaats van structureel geld.', false)
      )();
      duplicate = await (await report(page, `Dubbel ${RUN}`, 'Weer een jaarsubsidie.', false))();
      rude = await (await report(page, `Scheldwoorden ${RUN}`, 'Beledigende tekst.', false))();
      const withdrawn = await (await report(page, `Toch niet ${RUN}`, 'Vergissing.', false))();
      await open(page, `${WS}/knelpunten/${withdrawn}`, exact(`Toch niet ${RUN}`));
      await button(page, 'obstacles.detail.withdraw').click();
      const dialog = page.getByRole('dialog', {
        name: exact(nl('obstacles.detail.withdrawTitle')),
      });
      await checkA11y(page, 'withdraw confirmation');
      await dialog.getByRole('button', { name: exact(nl('obstacles.detail.withdraw')) }).click();
      await page.getByText(nl('obstacles.detail.withdrawn')).first().waitFor();
      await page.getByText(nl('obstacles.status.withdrawn'), { exact: false }).first().waitFor();
      await expect(button(page, 'obstacles.detail.withdraw').count()).resolves.toBe(0);
    });

    await journey(app, 'merge and hide', async ({ page }) => {
      await signIn(app, page, 'coordinator');
      await open(page, `${WS}/knelpunten/${duplicate}`, exact(`Dubbel ${RUN}`));
      await page
        .getByLabel(exact(nl('obstacles.coordination.mergeInto')))
        .selectOption({ label: original });
      await button(page, 'obstacles.coordination.mergeSubmit').click();
      const dialog = page.getByRole('dialog', {
        name: exact(nl('obstacles.coordination.mergeConfirmTitle')),
      });
      await dialog
        .getByRole('button', { name: exact(nl('obstacles.coordination.mergeSubmit')) })
        .click();
      await page.getByText(nl('obstacles.coordination.merged')).first().waitFor();
      await page
        .getByRole('link', { name: exact(nl('obstacles.detail.mergedIntoLink')) })
        .waitFor();

      await open(page, `${WS}/knelpunten/${rude}`, exact(`Scheldwoorden ${RUN}`));
      await page
        .getByLabel(exact(nl('obstacles.coordination.reason')))
        .first()
        .fill('Beledigend');
      await button(page, 'obstacles.coordination.hideSubmit').click();
      await page.getByText(nl('obstacles.coordination.hidden')).first().waitFor();
      await page.getByText(nl('obstacles.detail.hiddenNotice'), { exact: false }).waitFor();
      await checkA11y(page, 'obstacle (hidden, coordinator)');
    });

    await journey(app, 'hidden content is gone for carriers', async ({ page }) => {
      await signIn(app, page, 'researcher');
      await open(page, `${WS}/knelpunten`, exact(nl('obstacles.title')));
      await page.getByRole('link', { name: exact(original) }).waitFor();
      await expect(
        page.getByRole('link', { name: exact(`Scheldwoorden ${RUN}`) }).count(),
      ).resolves.toBe(0);
    });
  });
});

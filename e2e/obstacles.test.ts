import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { exact, logIn, nl, open } from './support/app.ts';
import { checkA11y, mainHeading } from './support/browser.ts';
import { journey, useApp, type App } from './support/fixture.ts';

/**
 * Issue 7's journey: a carrier reports an obstacle anonymously, a second carrier recognises it,
 * a coordinator routes it to an owner (through the API: the routing screen is not built yet), the
 * owner's policy officer responds, the dashboard counts it and the yearly report downloads. Axe
 * runs on every page visited.
 */

const app = useApp();
const WS = '/w/demo';
const RUN = Date.now().toString(36);
const TITLE = `Subsidie elk jaar opnieuw aanvragen ${RUN}`;

async function signIn(a: App, page: Page, role: string) {
  await open(page, '/inloggen', exact(nl('login.title')));
  await logIn(page, a.server.login(role));
  await page.waitForURL((url) => !url.pathname.startsWith('/inloggen'));
}

/** The coordinator routes the obstacle to the demo's subsidies department (API, same origin). */
async function route(page: Page, id: string): Promise<void> {
  const status = await page.evaluate(async (obstacleId) => {
    const me = (await (await fetch('/api/v1/me')).json()) as { csrfToken: string };
    const owners = (await (await fetch('/api/v1/workspaces/demo/obstacle-owners')).json()) as {
      items: { id: string; name: string }[];
    };
    const owner = owners.items.find((o) => o.name.includes('Subsidies'))!;
    const res = await fetch(`/api/v1/workspaces/demo/obstacles/${obstacleId}/owner`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
      body: JSON.stringify({ ownerId: owner.id, dueDate: '2027-01-31' }),
    });
    return res.status;
  }, id);
  expect(status).toBe(200);
}

describe('journey: obstacle register (issue 7)', () => {
  test('report anonymously → recognised → routed → answered → dashboard → yearly report', async () => {
    let id = '';
    await journey(app, 'report anonymously', async ({ page }) => {
      await signIn(app, page, 'member');
      await open(page, `${WS}/knelpunten/nieuw`, exact(nl('obstacles.form.title')));
      await checkA11y(page, 'obstacle form');
      await page
        .getByLabel(exact(nl('obstacles.form.category')))
        .selectOption({ label: nl('obstacles.category.funding') });
      await page.getByLabel(exact(nl('obstacles.form.knelpuntTitle'))).fill(TITLE);
      await page
        .getByLabel(exact(nl('obstacles.form.description')))
        .fill('Elk jaar opnieuw een aanvraag voor hetzelfde werk. <script>alert(1)</script>');
      await page.getByLabel(exact(nl('obstacles.form.anonymous'))).check();
      await checkA11y(page, 'obstacle form (filled in, anonymous)');
      await page.getByRole('button', { name: exact(nl('obstacles.form.submit')) }).click();
      await page.waitForURL(/\/w\/demo\/knelpunten\/[0-9a-f-]{36}$/);
      await mainHeading(page, exact(TITLE));
      id = new URL(page.url()).pathname.split('/').at(-1)!;
      await page.getByText(nl('obstacles.detail.anonymousReport'), { exact: false }).waitFor();
      await page.getByText('<script>alert(1)</script>', { exact: false }).waitFor();
      await checkA11y(page, 'obstacle (anonymous, just reported)');
    });

    await journey(app, 'a second carrier recognises it', async ({ page }) => {
      await signIn(app, page, 'researcher');
      await open(page, `${WS}/knelpunten/${id}`, exact(TITLE));
      await page.getByLabel(exact(nl('obstacles.detail.endorseContext'))).fill('Bij ons ook');
      await page.getByRole('button', { name: exact(nl('obstacles.detail.endorse')) }).click();
      await page.getByText(nl('obstacles.detail.endorsed')).first().waitFor();
      await page.getByText(nl('obstacles.detail.endorsements', { count: 1 })).waitFor();
      await checkA11y(page, 'obstacle (recognised)');
    });

    await journey(app, 'the coordinator routes it', async ({ page }) => {
      await signIn(app, page, 'coordinator');
      await route(page, id);
    });

    await journey(app, 'the owner responds; dashboard and report', async ({ page }) => {
      await signIn(app, page, 'policy_officer');
      await open(page, `${WS}/knelpunten/${id}`, exact(TITLE));
      await page
        .getByLabel(exact(nl('obstacles.detail.nextStatus')))
        .selectOption({ label: nl('obstacles.status.acknowledged') });
      await page.getByLabel(exact(nl('obstacles.detail.explanation'))).fill('Wij kijken ernaar');
      await page.getByRole('button', { name: exact(nl('obstacles.detail.send')) }).click();
      await page.getByText(nl('obstacles.detail.responded')).first().waitFor();
      await page.getByRole('heading', { name: exact(nl('obstacles.detail.history')) }).waitFor();
      await checkA11y(page, 'obstacle (answered by its owner)');

      await open(page, `${WS}/knelpunten`, exact(nl('obstacles.title')));
      await page.getByRole('link', { name: exact(TITLE) }).waitFor();
      const byStatus = page.getByRole('table', { name: exact(nl('obstacles.dashboard.byStatus')) });
      await byStatus
        .getByRole('rowheader', { name: exact(nl('obstacles.status.acknowledged')) })
        .waitFor();
      await checkA11y(page, 'obstacle register with dashboard');
      const year = new Date().getUTCFullYear();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page
          .getByRole('link', { name: exact(nl('obstacles.dashboard.reportHtml', { year })) })
          .click(),
      ]);
      expect(download.suggestedFilename()).toBe(`systeemleren-${year}.html`);
    });
  });
});

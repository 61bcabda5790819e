import { describe, expect, test } from 'vitest';
import {
  DEMO_WORKSPACE,
  en,
  exact,
  expectEnglish,
  expectHtmlLang,
  logIn,
  nl,
  open,
} from './support/app.ts';
import { checkA11y, mainHeading } from './support/browser.ts';
import { journey, useApp } from './support/fixture.ts';

const app = useApp();

describe('journey: log in, switch language, log out', () => {
  test('a demo user logs in, reads the workspace in English and Dutch, and logs out', async () => {
    await journey(app, 'login-language', async ({ page }) => {
      const user = app.server.login('coordinator');

      await open(page, '/inloggen', exact(nl('login.title')));
      await expectHtmlLang(page, 'nl');
      await checkA11y(page, 'login (nl)');

      await logIn(page, user);
      await page.waitForURL('**/w/demo');
      await mainHeading(page, exact(DEMO_WORKSPACE));
      await expect.poll(() => page.title()).toContain(DEMO_WORKSPACE);
      await page.getByText(nl('layout.loggedInAs', { name: 'Cor Dinator' })).waitFor();
      await checkA11y(page, 'workspace home (nl)');

      // The switch names the other language in that language; it is a button.
      await page.getByRole('button', { name: exact(nl('language.switchTo')) }).click();
      await expectHtmlLang(page, 'en');
      const nav = page.getByRole('navigation', { name: exact(en('layout.primaryNav')) });
      await nav.getByRole('link', { name: exact(en('nav.tokens')) }).waitFor();
      await page.getByRole('heading', { level: 2, name: exact(en('workspace.modules')) }).waitFor();
      expect(await page.getByRole('link', { name: exact(en('nav.logout')) }).count()).toBe(1);
      await expectEnglish(page, 'workspace home', [DEMO_WORKSPACE]);
      await checkA11y(page, 'workspace home (en)');

      // The choice is kept: after a reload the page is still English (profile and device).
      await page.reload();
      await mainHeading(page, exact(DEMO_WORKSPACE));
      await expectHtmlLang(page, 'en');
      await page.getByRole('button', { name: exact(en('language.switchTo')) }).waitFor();

      await open(page, '/account', exact(en('account.title')));
      await expectEnglish(page, 'account', [DEMO_WORKSPACE]);
      await checkA11y(page, 'account (en)');

      await page.getByRole('button', { name: exact(en('language.switchTo')) }).click();
      await expectHtmlLang(page, 'nl');
      await mainHeading(page, exact(nl('account.title')));
      await checkA11y(page, 'account (nl)');

      // Log out through the user menu.
      const userMenu = page.getByRole('navigation', { name: exact(nl('layout.userMenu')) });
      await userMenu.getByRole('link', { name: exact(nl('nav.logout')) }).click();
      await mainHeading(page, exact(nl('logout.title')));
      await checkA11y(page, 'logout (nl)');
      await page.getByRole('button', { name: exact(nl('logout.submit')) }).click();
      await page.getByRole('status').getByText(nl('logout.done')).waitFor();
      await checkA11y(page, 'logged out (nl)');
      // The header no longer offers the user menu (the breadcrumb still names this page).
      await expect.poll(() => userMenu.count()).toBe(0);

      // The session is gone on the server too: a protected page sends to the login page.
      await page.goto('/w/demo');
      await mainHeading(page, exact(nl('login.title')));
      expect(new URL(page.url()).pathname).toBe('/inloggen');
    });
  });
});

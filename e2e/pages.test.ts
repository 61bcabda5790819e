import { describe, expect, test } from 'vitest';
import {
  accessibleDescription,
  DEMO_WORKSPACE,
  en,
  exact,
  expectEnglish,
  expectHtmlLang,
  focused,
  logIn,
  nl,
  open,
} from './support/app.ts';
import { checkA11y, checkReflow, mainHeading } from './support/browser.ts';
import { journey, useApp } from './support/fixture.ts';

const app = useApp();

/** path → key of the main heading it must show (so a redirect or blank page does not pass). */
const anonymousPages: Array<[string, string]> = [
  ['/', 'home.title'],
  ['/inloggen', 'login.title'],
  ['/wachtwoord-vergeten', 'forgotPassword.title'],
  ['/wachtwoord-instellen', 'setPassword.title'],
  ['/uitnodiging', 'invitation.title'],
  ['/uitloggen', 'logout.title'],
  ['/toegankelijkheid', 'accessibility.title'],
  ['/privacy', 'privacy.title'],
  ['/deze-pagina-bestaat-niet', 'notFound.title'],
];

const adminPages: Array<[string, () => string]> = [
  ['/werkruimtes', () => nl('workspaces.title')],
  ['/w/demo', () => DEMO_WORKSPACE],
  ['/account', () => nl('account.title')],
  ['/w/demo/beheer/leden', () => nl('members.title')],
  ['/w/demo/beheer/uitnodigingen', () => nl('invitations.title')],
  ['/w/demo/tokens', () => nl('tokens.title')],
  ['/w/demo/meldingen', () => nl('notifications.title')],
  ['/toegankelijkheid', () => nl('accessibility.title')],
  ['/privacy', () => nl('privacy.title')],
  ['/w/bestaat-niet', () => nl('notFound.title')],
  ['/deze-pagina-bestaat-niet', () => nl('notFound.title')],
];

describe('every page once, with axe', () => {
  test('anonymous visitor', async () => {
    await journey(app, 'pages: anonymous', async ({ page }) => {
      const home = await page.goto('/');
      // The CSP check is not vacuous: the document is served with a strict policy.
      expect(home?.headers()['content-security-policy']).toMatch(/script-src 'self'/);
      for (const [path, heading] of anonymousPages) {
        await open(page, path, exact(nl(heading)));
        await checkA11y(page, `${path} (anonymous, nl)`);
      }

      // The same pages for an English-speaking visitor (the choice is kept on this device).
      await page.getByRole('button', { name: exact(nl('language.switchTo')) }).click();
      await expectHtmlLang(page, 'en');
      for (const [path, heading] of anonymousPages) {
        await open(page, path, exact(en(heading)));
        await expectEnglish(page, path);
        await checkA11y(page, `${path} (anonymous, en)`);
      }
      await page.getByRole('button', { name: exact(en('language.switchTo')) }).click();
      await expectHtmlLang(page, 'nl');

      // A protected page sends an anonymous visitor to the login page, and back after login.
      await open(page, '/w/demo/tokens', exact(nl('login.title')));
      expect(new URL(page.url()).searchParams.get('redirect')).toBe('/w/demo/tokens');
      await logIn(page, app.server.login('policy_officer'));
      await mainHeading(page, exact(nl('tokens.title')));
      expect(new URL(page.url()).pathname).toBe('/w/demo/tokens');
    });
  });

  test('admin', async () => {
    await journey(app, 'pages: admin', async ({ page }) => {
      await open(page, '/inloggen', exact(nl('login.title')));
      await logIn(page, app.server.login('admin'));
      await mainHeading(page, exact(DEMO_WORKSPACE));
      for (const [path, heading] of adminPages) {
        await open(page, path, exact(heading()));
        await checkA11y(page, `${path} (admin)`);
      }

      // The members table lists the demo people with a labelled role control per row.
      await open(page, '/w/demo/beheer/leden', exact(nl('members.title')));
      await page.getByRole('table').waitFor();
      await page.getByRole('rowheader', { name: 'Lieke de Drager' }).waitFor();
      await page.getByLabel(exact(nl('members.roleOf', { name: 'Lieke de Drager' }))).waitFor();

      // Breadcrumbs mark the current page.
      const crumbs = page.getByRole('navigation', { name: exact(nl('layout.breadcrumbs')) });
      await crumbs.locator('[aria-current="page"]').getByText(nl('members.title')).waitFor();
    });
  });

  test('non-admin sees "no access" on admin pages and no admin navigation', async () => {
    await journey(app, 'pages: member', async ({ page }) => {
      await open(page, '/inloggen', exact(nl('login.title')));
      await logIn(page, app.server.login('member'));
      await mainHeading(page, exact(DEMO_WORKSPACE));
      const nav = page.getByRole('navigation', { name: exact(nl('layout.primaryNav')) });
      await nav.getByRole('link', { name: exact(nl('nav.tokens')) }).waitFor();
      expect(await nav.getByRole('link', { name: exact(nl('nav.members')) }).count()).toBe(0);

      for (const path of ['/w/demo/beheer/leden', '/w/demo/beheer/uitnodigingen']) {
        await open(page, path, exact(nl('forbidden.title')));
        await page.getByText(nl('forbidden.lead')).waitFor();
        await checkA11y(page, `${path} (member: no access)`);
      }
      await open(page, '/w/demo/tokens', exact(nl('tokens.title')));
      await checkA11y(page, '/w/demo/tokens (member)');
      await open(page, '/werkruimtes', exact(nl('workspaces.title')));
      await checkA11y(page, '/werkruimtes (member)');
    });
  });

  test('admin actions: the page states after an action (token secret, dialogs, confirmations)', async () => {
    await journey(app, 'pages: admin actions', async ({ page }) => {
      await open(page, '/inloggen', exact(nl('login.title')));
      await logIn(page, app.server.login('admin'));
      await mainHeading(page, exact(DEMO_WORKSPACE));

      // API token: the one-time secret appears, takes focus, and passes axe.
      await open(page, '/w/demo/tokens', exact(nl('tokens.title')));
      const tokenName = 'Rapportage wijkteam';
      await page.getByLabel(exact(nl('tokens.name'))).fill(tokenName);
      await page.getByRole('button', { name: exact(nl('tokens.create')) }).click();
      const createdTitle = nl('tokens.createdTitle', { name: tokenName });
      await page.getByRole('heading', { name: exact(createdTitle) }).waitFor();
      await expect
        .poll(async () => (await focused(page)).text, {
          timeout: 3_000,
          message: 'focus moves to the new secret (its heading) after creating a token',
        })
        .toBe(createdTitle);
      expect(await page.getByLabel(exact(nl('tokens.secret'))).inputValue()).toMatch(/\S{20,}/);
      await checkA11y(page, 'tokens: new secret shown');
      await page.getByRole('button', { name: exact(nl('tokens.done')) }).click();
      await page.getByRole('rowheader', { name: tokenName }).waitFor();

      // Revoking asks first, in a modal dialog that passes axe and closes on Escape.
      const revokeButton = page.getByRole('button', {
        name: `${nl('tokens.revoke')} ${tokenName}`,
      });
      await revokeButton.click();
      const dialog = page.getByRole('dialog', { name: exact(nl('tokens.revokeTitle')) });
      await dialog.waitFor();
      await checkA11y(page, 'tokens: revoke dialog open');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      expect((await focused(page)).text, 'focus returns to the opener').toContain(
        nl('tokens.revoke'),
      );
      await revokeButton.click();
      await dialog.getByRole('button', { name: exact(nl('tokens.revokeConfirm')) }).click();
      await page
        .getByRole('status')
        .getByText(nl('tokens.revoked', { name: tokenName }))
        .waitFor();
      await checkA11y(page, 'tokens: revoked');

      // Members: change a role (confirmation in a live region), open and cancel the remove dialog.
      await open(page, '/w/demo/beheer/leden', exact(nl('members.title')));
      const person = 'Olga Onderzoek';
      await page
        .getByLabel(exact(nl('members.roleOf', { name: person })))
        .selectOption({ label: nl('roles.coordinator') });
      await page
        .getByRole('button', {
          name: `${nl('common.save')} ${nl('members.saveSuffix', { name: person })}`,
        })
        .click();
      await page
        .getByRole('status')
        .getByText(nl('members.roleChanged', { name: person, role: nl('roles.coordinator') }))
        .waitFor();
      await checkA11y(page, 'members: role changed');
      await page.getByRole('button', { name: `${nl('members.remove')} ${person}` }).click();
      const removeDialog = page.getByRole('dialog', { name: exact(nl('members.removeTitle')) });
      await removeDialog.waitFor();
      await checkA11y(page, 'members: remove dialog open');
      await removeDialog.getByRole('button', { name: exact(nl('common.cancel')) }).click();
      await removeDialog.waitFor({ state: 'hidden' });
      await page.getByRole('rowheader', { name: person }).waitFor();

      // Account: a wrong current password is reported at the field and in the summary.
      await open(page, '/account', exact(nl('account.title')));
      const passwordSection = page.getByRole('region', {
        name: exact(nl('account.passwordTitle')),
      });
      await passwordSection
        .getByLabel(exact(nl('fields.currentPassword')))
        .fill('niet-het-goede-wachtwoord');
      await passwordSection
        .getByLabel(exact(nl('fields.newPassword')))
        .fill('een-heel-nieuw-wachtwoord');
      await passwordSection
        .getByLabel(exact(nl('fields.repeatPassword')))
        .fill('een-heel-nieuw-wachtwoord');
      await passwordSection
        .getByRole('button', { name: exact(nl('account.changePassword')) })
        .click();
      const wrong = nl('errors.field.currentPasswordWrong');
      await passwordSection
        .getByRole('alert')
        .getByRole('link', { name: exact(wrong) })
        .waitFor();
      expect(await accessibleDescription(page, '#password-current')).toContain(wrong);
      await checkA11y(page, 'account: wrong current password');
    });
  });

  test('narrow screen (320 CSS px, like 400 % zoom): no sideways scrolling, axe clean', async () => {
    await journey(
      app,
      'pages: narrow screen',
      async ({ page }) => {
        for (const path of ['/', '/inloggen', '/wachtwoord-vergeten', '/toegankelijkheid']) {
          await open(page, path);
          await checkReflow(page, `${path} at 320px`);
        }
        await open(page, '/inloggen', exact(nl('login.title')));
        await logIn(page, app.server.login('admin'));
        await mainHeading(page, exact(DEMO_WORKSPACE));
        const paths = [
          '/werkruimtes',
          '/w/demo',
          '/account',
          '/w/demo/beheer/leden',
          '/w/demo/beheer/uitnodigingen',
          '/w/demo/tokens',
        ];
        for (const path of paths) {
          await open(page, path);
          await checkReflow(page, `${path} at 320px (admin)`);
          await checkA11y(page, `${path} at 320px (admin)`);
        }

        // The wide members table scrolls inside a named region that keyboard users can focus.
        await open(page, '/w/demo/beheer/leden', exact(nl('members.title')));
        const scroller = page.getByRole('region').filter({ has: page.getByRole('table') });
        expect(await scroller.getAttribute('tabindex')).toBe('0');
        expect(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
        const captionId = await scroller.getAttribute('aria-labelledby');
        expect(await page.locator(`[id="${captionId}"]`).textContent()).toMatch(/\d+ leden/);
      },
      { width: 320, height: 640 },
    );
  });
});

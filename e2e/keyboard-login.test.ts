import { describe, expect, test } from 'vitest';
import { DEMO_WORKSPACE, exact, focused, nl, open } from './support/app.ts';
import { checkA11y, mainHeading } from './support/browser.ts';
import { journey, useApp } from './support/fixture.ts';

const app = useApp();

describe('journey: keyboard-only login', () => {
  test('skip link first, then the form, submitted with Enter; no mouse', async () => {
    await journey(app, 'keyboard-login', async ({ page }) => {
      const user = app.server.login('member');
      await open(page, '/inloggen', exact(nl('login.title')));
      // Start from the top of the document, like a keyboard user arriving on the page.
      expect((await focused(page)).tag).toBe('body');

      await page.keyboard.press('Tab');
      const skip = await focused(page);
      expect(skip, 'the first Tab stop is the skip link').toMatchObject({
        tag: 'a',
        text: nl('layout.skipLink'),
        href: '#main',
      });
      // Visible when focused (WCAG 2.4.7 / 2.4.1): it must not stay off-screen.
      const box = await page.locator(':focus').boundingBox();
      expect(box, 'the focused skip link has a box').not.toBeNull();
      expect(box!.width).toBeGreaterThan(1);
      expect(box!.height).toBeGreaterThan(1);
      expect(box!.y + box!.height).toBeGreaterThan(0);
      await checkA11y(page, 'login with the skip link focused');

      await page.keyboard.press('Enter');
      expect(await focused(page), 'Enter on the skip link moves focus to main').toMatchObject({
        id: 'main',
      });
      // The token-free URL is unchanged by the skip link (it moves focus, not the hash).
      expect(new URL(page.url()).pathname).toBe('/inloggen');

      await page.keyboard.press('Tab');
      expect(await focused(page), 'from main, Tab reaches the email field').toMatchObject({
        tag: 'input',
        id: 'login-email',
      });
      await page.keyboard.type(user.email);
      await page.keyboard.press('Tab');
      expect(await focused(page)).toMatchObject({ tag: 'input', id: 'login-password' });
      await page.keyboard.type(user.password);
      await page.keyboard.press('Enter');

      await page.waitForURL('**/w/demo');
      await mainHeading(page, exact(DEMO_WORKSPACE));
      await checkA11y(page, 'workspace home after keyboard login');

      // Client-side navigation moved focus to the new page's heading (screen readers hear where they are).
      expect(await focused(page)).toMatchObject({ tag: 'h1', text: DEMO_WORKSPACE });
    });
  });

  test('an empty submit shows an error summary that takes focus and links to the fields', async () => {
    await journey(app, 'keyboard-login-errors', async ({ page }) => {
      await open(page, '/inloggen', exact(nl('login.title')));
      await page.getByLabel(exact(nl('fields.email'))).focus();
      await page.keyboard.press('Enter');

      const summary = page.getByRole('alert');
      await summary.waitFor();
      expect(await focused(page), 'the error summary takes focus').toMatchObject({ role: 'alert' });
      const emailError = nl('errors.field.required', { field: nl('fields.email') });
      await summary.getByRole('link', { name: exact(emailError) }).waitFor();
      await expect
        .poll(() => page.getByLabel(exact(nl('fields.email'))).getAttribute('aria-invalid'))
        .toBe('true');
      await checkA11y(page, 'login with errors');

      // Following the summary's link with the keyboard puts focus in the field.
      await page.keyboard.press('Tab');
      expect((await focused(page)).text).toBe(emailError);
      await page.keyboard.press('Enter');
      expect(await focused(page)).toMatchObject({ tag: 'input', id: 'login-email' });
    });
  });
});

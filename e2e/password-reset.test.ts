import { describe, expect, test } from 'vitest';
import {
  accessibleDescription,
  DEMO_WORKSPACE,
  exact,
  focused,
  logIn,
  nl,
  open,
} from './support/app.ts';
import { checkA11y, mainHeading } from './support/browser.ts';
import { journey, useApp } from './support/fixture.ts';
import { findLink } from './support/smtp-sink.ts';

const app = useApp();

describe('journey: password reset by email', () => {
  test('request, email, too-short error announced, new password, log in with it', async () => {
    const user = app.server.login('researcher');
    const newPassword = 'nieuw-wachtwoord-voor-de-wijk';
    let link = '';

    await journey(app, 'password reset: request', async ({ page }) => {
      await open(page, '/inloggen', exact(nl('login.title')));
      await page.getByRole('link', { name: exact(nl('login.forgot')) }).click();
      await mainHeading(page, exact(nl('forgotPassword.title')));
      expect(new URL(page.url()).pathname).toBe('/wachtwoord-vergeten');
      await checkA11y(page, 'forgot password');

      await page.getByLabel(exact(nl('fields.email'))).fill(user.email);
      await page.getByRole('button', { name: exact(nl('forgotPassword.submit')) }).click();
      await page.getByRole('status').getByText(nl('forgotPassword.sent')).waitFor();
      await checkA11y(page, 'forgot password: sent');

      // The demo server mails its startup reminders first (obstacles, commitments): allow for the queue.
      const mail = await app.server.sink.waitFor((m) => m.to.includes(user.email), 30_000);
      expect(mail.subject).toBe('Nieuw wachtwoord instellen voor Wijkdragers');
      link = findLink(mail.text, `${app.server.url}/wachtwoord-instellen#token=`);
    });

    await journey(app, 'password reset: set', async ({ page }) => {
      await page.goto(link);
      await mainHeading(page, exact(nl('setPassword.title')));
      await checkA11y(page, 'set password');

      const password = page.getByLabel(exact(nl('fields.newPassword')));
      const repeat = page.getByLabel(exact(nl('fields.repeatPassword')));
      await password.fill('te-kort');
      await repeat.fill('te-kort');
      await page.getByRole('button', { name: exact(nl('setPassword.submit')) }).click();

      // Shown and announced: an alert (role=alert) that takes focus, listing the message as a link
      // to the field; the field itself is marked invalid and described by the same message.
      const tooShort = nl('errors.field.passwordTooShort');
      const summary = page.getByRole('alert');
      await summary.getByRole('link', { name: exact(tooShort) }).waitFor();
      expect(await focused(page), 'the error summary takes focus').toMatchObject({ role: 'alert' });
      expect(await password.getAttribute('aria-invalid')).toBe('true');
      expect(await accessibleDescription(page, '#reset-password')).toContain(tooShort);
      await checkA11y(page, 'set password: too short');

      // The token in the fragment survives the failed attempt.
      expect(new URL(page.url()).hash).toMatch(/^#token=/);
      await password.fill(newPassword);
      await repeat.fill(newPassword);
      await page.getByRole('button', { name: exact(nl('setPassword.submit')) }).click();
      await page.getByRole('status').getByText(nl('setPassword.done')).waitFor();
      await checkA11y(page, 'set password: done');

      await page.getByRole('link', { name: exact(nl('setPassword.login')) }).click();
      await mainHeading(page, exact(nl('login.title')));

      // The old password no longer works …
      await logIn(page, user);
      await page.getByRole('alert').getByText(nl('errors.invalidCredentials')).waitFor();
      await checkA11y(page, 'login: wrong password');

      // … the new one does.
      await logIn(page, { email: user.email, password: newPassword });
      await page.waitForURL('**/w/demo');
      await mainHeading(page, exact(DEMO_WORKSPACE));
      await checkA11y(page, 'workspace home after reset');
    });

    // A reset link is single use.
    await journey(app, 'password reset: reuse', async ({ page }) => {
      await page.goto(link);
      await mainHeading(page, exact(nl('setPassword.title')));
      await page.getByLabel(exact(nl('fields.newPassword'))).fill('nog-een-ander-wachtwoord-2026');
      await page
        .getByLabel(exact(nl('fields.repeatPassword')))
        .fill('nog-een-ander-wachtwoord-2026');
      await page.getByRole('button', { name: exact(nl('setPassword.submit')) }).click();
      await page.getByRole('alert').getByText(nl('errors.tokenInvalid')).waitFor();
      await checkA11y(page, 'set password: used link');
    });

    // The account owner is told that the password changed.
    await app.server.sink.waitFor(
      (m) => m.to.includes(user.email) && /gewijzigd/.test(m.subject),
      30_000,
    );
  });
});

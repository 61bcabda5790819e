import { describe, expect, test } from 'vitest';
import { DEMO_WORKSPACE, exact, logIn, nl, open } from './support/app.ts';
import { checkA11y, mainHeading } from './support/browser.ts';
import { journey, useApp } from './support/fixture.ts';
import { findLink } from './support/smtp-sink.ts';

const app = useApp();

describe('journey: an admin invites a new person, who accepts by email', () => {
  test('invitation email arrives at the SMTP sink; the link creates the account and signs in', async () => {
    const invitee = {
      email: 'nieuwe.drager@example.org',
      name: 'Nina Nieuw',
      password: 'wijk-samen-dragen-2026',
    };
    let link = '';

    await journey(app, 'invitation: admin invites', async ({ page }) => {
      await open(page, '/inloggen', exact(nl('login.title')));
      await logIn(page, app.server.login('admin'));
      await mainHeading(page, exact(DEMO_WORKSPACE));

      const nav = page.getByRole('navigation', { name: exact(nl('layout.primaryNav')) });
      await nav.getByRole('link', { name: exact(nl('nav.invitations')) }).click();
      await mainHeading(page, exact(nl('invitations.title')));
      await checkA11y(page, 'invitations (admin)');

      const form = page.getByRole('region', { name: exact(nl('invitations.newTitle')) });
      await form.getByLabel(exact(nl('fields.email'))).fill(invitee.email);
      await form.getByLabel(exact(nl('fields.role'))).selectOption({ label: nl('roles.member') });
      await form
        .getByLabel(exact(nl('invitations.language')))
        .selectOption({ label: nl('language.nl') });
      await form.getByRole('button', { name: exact(nl('invitations.send')) }).click();

      // The confirmation is in a polite live region, and the list shows the open invitation.
      await page
        .getByRole('status')
        .getByText(nl('invitations.sent', { email: invitee.email }))
        .waitFor();
      await page
        .getByRole('cell', { name: invitee.email })
        .or(page.getByRole('rowheader', { name: invitee.email }))
        .first()
        .waitFor();
      await checkA11y(page, 'invitations after sending');

      // The demo server mails its startup reminders first (obstacles, commitments): allow for the queue.
      const mail = await app.server.sink.waitFor((m) => m.to.includes(invitee.email), 30_000);
      expect(mail.subject).toBe(`Uitnodiging voor ${DEMO_WORKSPACE} op Wijkdragers`);
      link = findLink(mail.text, `${app.server.url}/uitnodiging#token=`);
    });

    // The invitee opens the link in another browser (no session, no storage).
    await journey(app, 'invitation: invitee accepts', async ({ page }) => {
      await page.goto(link);
      await mainHeading(page, exact(nl('invitation.title')));
      await page
        .getByRole('heading', { level: 2, name: exact(nl('invitation.newAccountTitle')) })
        .waitFor();
      await page.getByText(invitee.email).first().waitFor();
      await checkA11y(page, 'invitation acceptance');

      await page.getByLabel(exact(nl('fields.displayName'))).fill(invitee.name);
      await page.getByLabel(exact(nl('fields.choosePassword'))).fill(invitee.password);
      await page.getByLabel(exact(nl('fields.repeatPassword'))).fill(invitee.password);
      await page.getByRole('button', { name: exact(nl('invitation.accept')) }).click();

      await page.waitForURL('**/w/demo');
      await mainHeading(page, exact(DEMO_WORKSPACE));
      await page.getByText(nl('layout.loggedInAs', { name: invitee.name })).waitFor();
      await page.getByText(nl('roles.member'), { exact: true }).waitFor();
      await checkA11y(page, 'workspace home of the new member');

      // Single use: the same link now explains that it no longer works.
      await page.goto(link);
      await mainHeading(page, exact(nl('invitation.title')));
      await page.getByRole('alert').getByText(nl('invitation.invalid')).waitFor();
      await checkA11y(page, 'used invitation link');
    });
  });
});

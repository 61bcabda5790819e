import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { DEMO_WORKSPACE, en, exact, expectEnglish, logIn, nl, open } from './support/app.ts';
import { checkA11y, checkReflow, mainHeading } from './support/browser.ts';
import { journey, useApp, type App } from './support/fixture.ts';
import { findLink } from './support/smtp-sink.ts';

/**
 * Issue 6's journey. A coordinator records an institution's coaching offer for three years; the
 * demo carrier Lieke asks for coaching, sees the offer ranked with its reasons, proposes it and
 * accepts for herself; the coordinator accepts for the institution, so it becomes a commitment,
 * records a delivery and finds the commitment on Lieke's page. Lieke asks for two months, so
 * the commitment ends within 90 days: the end-of-term reminder is due at once. The server's daily
 * `support-reminders` job ran when it started, before the commitment existed, so an operator runs
 * it now (`wijkdragers jobs run --job support-reminders`, on the server's database); the running
 * server sends the queued email, which is read from the SMTP sink, and its link opens this
 * journey's commitment page. The same reminder waits in the coordinator's Meldingen (the header
 * counts the unread ones); opening it there leads to the commitment and reads it. Finally the
 * coordinator records a funding flow and the funding dashboard counts it. In between, the
 * coordinator commits support from the offer to an initiative directly (no need, no match), and
 * the initiative's page lists it. Axe runs on every page visited.
 */

const app = useApp();
const WS = '/w/demo';
const RUN = Date.now().toString(36);
const OFFER = `Coaching voor dragers ${RUN}`;
const FLOW = `Kernfinanciering buurthuis ${RUN}`;
const LIEKE = 'Lieke de Drager';

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const today = new Date();
const TODAY = isoDay(today);
const inDays = (days: number) =>
  isoDay(
    new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + days)),
  );
const inYears = (years: number) => {
  const d = new Date(
    Date.UTC(today.getUTCFullYear() + years, today.getUTCMonth(), today.getUTCDate()),
  );
  d.setUTCDate(d.getUTCDate() - 1);
  return isoDay(d);
};

async function signIn(a: App, page: Page, role: string) {
  await open(page, '/inloggen', exact(nl('login.title')));
  await logIn(page, a.server.login(role));
  await page.waitForURL((url) => !url.pathname.startsWith('/inloggen'));
}

const button = (scope: Page | Locator, key: string, vars?: Record<string, string>) =>
  scope.getByRole('button', { name: exact(nl(key, vars)) });

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** "Meldingen, 2 ongelezen" with the number as a group (the catalogue's text, any count). */
const UNREAD = new RegExp(
  nl('notifications.navUnread', { count: '#' }).split('#').map(escapeRe).join('(\\d+)'),
);

/** The header's "Meldingen" link and the unread count in its name (0 when it names none). */
async function unreadInHeader(page: Page) {
  const link = page
    .getByRole('navigation', { name: exact(nl('layout.userMenu')) })
    .getByRole('link', { name: new RegExp(`^\\s*${escapeRe(nl('notifications.nav'))}`) });
  await link.waitFor();
  return { link, count: Number(UNREAD.exec((await link.textContent()) ?? '')?.[1] ?? 0) };
}

/** Narrows a record picker by typing, then chooses the first option containing `option`. */
async function pick(page: Page, search: string, select: string, query: string, option?: string) {
  await page.getByLabel(exact(nl(search))).fill(query);
  const list = page.getByLabel(exact(nl(select)));
  const wanted = option ? list.locator('option', { hasText: option }) : list.locator('option');
  await expect.poll(() => wanted.count()).toBeGreaterThan(option ? 0 : 1);
  const label = (await wanted.nth(option ? 0 : 1).textContent()) ?? '';
  await list.selectOption({ label });
  return label;
}

/** The value cell of a row of the funding summary table. */
const summaryValue = (page: Page, key: string) =>
  page
    .getByRole('table', { name: exact(nl('funding.dashboard.summary')) })
    .getByRole('row', { name: new RegExp(`^${nl(key)}`) })
    .getByRole('cell');

// The tests run in order and build on each other (offer → need → commitment).
let offerPath = '';
let commitmentPath = '';
let provider = '';

describe('journey: durable support and funding flows (issue 6)', () => {
  test('an institution offers coaching for three years', async () => {
    await journey(app, 'an institution offers coaching for three years', async ({ page }) => {
      await signIn(app, page, 'coordinator');
      const nav = page.getByRole('navigation', { name: exact(nl('layout.primaryNav')) });
      await nav.getByRole('link', { name: exact(nl('nav.support')) }).click();
      await mainHeading(page, exact(nl('support.title')));
      await checkA11y(page, 'support offers');
      await page.getByRole('link', { name: exact(nl('support.offer.new')) }).click();
      await mainHeading(page, exact(nl('support.offer.new')));
      await checkA11y(page, 'new offer form');

      await button(page, 'support.offer.submit').click();
      await page.getByRole('alert').getByText(nl('form.summaryTitle')).waitFor();
      await checkA11y(page, 'new offer form (error summary)');

      provider = await pick(page, 'support.offer.providerSearch', 'support.offer.provider', '');
      await page
        .getByLabel(exact(nl('support.fields.type')))
        .selectOption({ label: nl('support.type.coaching') });
      await page.getByLabel(exact(nl('support.offer.titleField'))).fill(OFFER);
      await page.getByLabel(exact(nl('support.amount.label.capacity.hours'))).fill('20');
      await page.getByLabel(exact(nl('support.fields.startDate'))).fill(TODAY);
      await page.getByLabel(exact(nl('support.fields.endDate'))).fill(inYears(3));
      await page
        .getByLabel(exact(nl('support.offer.conditions')))
        .fill('Eén vaste coach, twee uur per week.');
      await button(page, 'support.offer.submit').click();
      await mainHeading(page, exact(OFFER));
      offerPath = new URL(page.url()).pathname;
      await page
        .getByText(nl('support.amount.perMonth', { amount: '20 uur' }), { exact: true })
        .waitFor();
      await checkA11y(page, 'offer page (new)');
    });
    expect(offerPath).toMatch(/\/steun\/aanbod\/[0-9a-f-]{36}$/);
  });

  test('a carrier asks for coaching, sees the offer ranked and explained, accepts', async () => {
    await journey(app, 'a carrier asks for coaching and accepts a match', async ({ page }) => {
      await signIn(app, page, 'member');
      await open(page, `${WS}/steun/hulpvragen`, exact(nl('support.needs.title')));
      await checkA11y(page, 'needs list');
      await page.getByRole('link', { name: exact(nl('support.need.new')) }).click();
      await mainHeading(page, exact(nl('support.need.new')));
      await pick(page, 'support.need.requesterSearch', 'support.need.requester', 'Lieke', LIEKE);
      await page
        .getByLabel(exact(nl('support.fields.type')))
        .selectOption({ label: nl('support.type.coaching') });
      await page
        .getByLabel(exact(nl('support.need.description')))
        .fill('Iemand die meedenkt bij het overdragen van het buurtwerk aan nieuwe vrijwilligers.');
      await page.getByLabel(exact(nl('support.amount.label.amount.hours'))).fill('4');
      await page.getByLabel(exact(nl('support.fields.startDate'))).fill(TODAY);
      await page.getByLabel(exact(nl('support.fields.endDate'))).fill(inDays(60));
      await page.getByLabel(exact(nl('support.need.area'))).selectOption({ index: 1 });
      await checkA11y(page, 'need form (filled in)');
      await button(page, 'support.need.submit').click();
      const type = nl('support.type.coaching');
      await mainHeading(page, exact(nl('support.need.pageTitle', { name: LIEKE, type })));

      // The offer is suggested, ranked, with the reasons of its score.
      const suggestions = page.getByRole('region', {
        name: exact(nl('support.match.offersTitle')),
      });
      const item = suggestions.getByRole('listitem').filter({ hasText: OFFER });
      await item.first().waitFor();
      await item
        .getByText(new RegExp(`^${nl('support.match.criterion.CAPACITY_COVERAGE')}:`))
        .waitFor();
      await checkA11y(page, 'need page with ranked, explained offers');

      await button(item, 'support.match.propose', { name: `${OFFER} · ${provider}` }).click();
      await page.getByText(nl('support.match.proposed')).waitFor();
      const matches = page.getByRole('region', { name: exact(nl('support.match.listTitle')) });
      const row = matches.getByRole('row').filter({ hasText: OFFER });
      await button(row, 'support.match.acceptAs.recipient').click();
      await page.getByText(nl('support.match.acceptedMessage')).waitFor();
      await checkA11y(page, 'need page (proposed and accepted by the carrier)');
    });
  });

  test('the institution accepts; the commitment shows on the carrier’s page', async () => {
    await journey(
      app,
      'the institution accepts; the commitment and the carrier',
      async ({ page }) => {
        await signIn(app, page, 'coordinator');
        await open(page, offerPath, exact(OFFER));
        const matches = page.getByRole('region', { name: exact(nl('support.match.listTitle')) });
        const row = matches.getByRole('row').filter({ hasText: LIEKE });
        await button(row, 'support.match.acceptAs.provider').click();
        await page.getByText(nl('support.match.committed')).waitFor();
        await checkA11y(page, 'offer page (committed)');

        await row.getByRole('link', { name: exact(nl('support.match.toCommitment')) }).click();
        const name = nl('support.commitment.name', { provider, recipient: LIEKE });
        await mainHeading(page, exact(name));
        commitmentPath = new URL(page.url()).pathname;
        await page.getByRole('heading', { name: exact(nl('support.durability.title')) }).waitFor();
        await checkA11y(page, 'commitment page');

        await page.getByLabel(exact(nl('support.delivery.date'))).fill(TODAY);
        await page.getByLabel(exact(nl('support.amount.label.delivered.hours'))).fill('2');
        await page.getByLabel(exact(nl('support.delivery.note'))).fill('Eerste gesprek');
        await button(page, 'support.delivery.submit').click();
        await page.getByRole('cell', { name: 'Eerste gesprek' }).waitFor();
        await checkA11y(page, 'commitment page (delivery recorded)');

        await page.getByRole('link', { name: exact(LIEKE) }).click();
        await mainHeading(page, exact(LIEKE));
        const received = page.getByRole('region', {
          name: exact(nl('support.commitment.actorTitle')),
        });
        await received.getByRole('link', { name: exact(name) }).waitFor();
        await checkA11y(page, 'carrier page with the commitment');
      },
    );

    await journey(app, 'the carrier sees the commitment too', async ({ page }) => {
      await signIn(app, page, 'member');
      await open(page, `${WS}/steun/toezeggingen`, exact(nl('support.commitments.title')));
      await page
        .getByRole('link', {
          name: exact(nl('support.commitment.name', { provider, recipient: LIEKE })),
        })
        .waitFor();
      await checkA11y(page, 'commitments list (carrier)');
    });
  });

  test('a coordinator commits support to an initiative; its page lists it', async () => {
    await journey(app, 'a commitment to an initiative', async ({ page }) => {
      await signIn(app, page, 'coordinator');
      await open(page, `${WS}/steun/toezeggingen`, exact(nl('support.commitments.title')));
      await page.getByRole('link', { name: exact(nl('support.commitment.new')) }).click();
      await mainHeading(page, exact(nl('support.commitment.new')));
      const offer = page.getByLabel(exact(nl('support.commitment.offer')));
      await offer.selectOption({
        label: (await offer.locator('option', { hasText: OFFER }).textContent()) ?? '',
      });
      const initiative = await pick(
        page,
        'support.commitment.search.initiative',
        'support.recipientType.initiative',
        '',
      );
      await page.getByLabel(exact(nl('support.amount.label.amount.hours'))).fill('2');
      await page.getByLabel(exact(nl('support.fields.startDate'))).fill(TODAY);
      await page.getByLabel(exact(nl('support.fields.endDate'))).fill(inYears(1));
      await checkA11y(page, 'commitment form (to an initiative)');
      await button(page, 'support.commitment.submit').click();
      await mainHeading(
        page,
        exact(nl('support.commitment.name', { provider, recipient: initiative })),
      );
      await page
        .getByRole('main')
        .getByText(exact(nl('support.recipientType.initiative')))
        .waitFor();
      await page.getByRole('link', { name: exact(initiative) }).click();
      await mainHeading(page, exact(initiative));
      const received = page.getByRole('region', {
        name: exact(nl('support.commitment.groupTitle.initiative')),
      });
      await received
        .getByRole('link', {
          name: exact(nl('support.commitment.name', { provider, recipient: initiative })),
        })
        .waitFor();
      await checkA11y(page, 'initiative page with its commitment');
      // From the initiative's page the form starts with the initiative chosen.
      await received.getByRole('link', { name: exact(nl('support.commitment.new')) }).click();
      await mainHeading(page, exact(nl('support.commitment.new')));
      const chosen = page
        .getByLabel(exact(nl('support.recipientType.initiative')))
        .locator('option:checked');
      await expect.poll(() => chosen.textContent()).toBe(initiative);
    });
  });

  test('the reminder job mails the coordinators before the commitment ends; its link works', async () => {
    await journey(app, 'the reminder email before the end', async ({ page }) => {
      const run = await app.server.cli(['jobs', 'run', '--job', 'support-reminders']);
      expect(run.code, run.output).toBe(0);
      const coordinator = app.server.login('coordinator').email;
      const mine = `${app.server.url}${commitmentPath}`;
      const mail = await app.server.sink.waitFor(
        (m) =>
          m.to.includes(coordinator) &&
          m.subject.startsWith('Toezegging loopt over') &&
          m.text.includes(mine),
        15_000,
      );
      // Ending in 60 days: the 90-day reminder is due, the 30-day one not yet.
      expect(/over (\d+) dagen/.exec(mail.subject)?.[1]).toBe('90');
      expect(findLink(mail.text, mine)).toBe(mine);
      await signIn(app, page, 'coordinator');
      await page.goto(mine);
      await mainHeading(page);
      await page.getByText(/Deze toezegging loopt over \d+ dagen? af/).waitFor();
      await page
        .getByRole('heading', { name: exact(nl('support.lifecycle.renewTitle')) })
        .waitFor();
      await checkA11y(page, 'commitment page from the reminder email');

      // The same reminder waits in the app: the header counts it (the demo's own commitments
      // ending soon may add theirs), Meldingen lists it, and opening it reads it.
      await expect
        .poll(async () => (await unreadInHeader(page)).count, { timeout: 10_000 })
        .toBeGreaterThanOrEqual(1);
      const before = await unreadInHeader(page);
      await expect
        .poll(() =>
          page
            .getByRole('link', {
              name: exact(nl('notifications.navUnread', { count: before.count })),
            })
            .count(),
        )
        .toBe(1);
      await before.link.click();
      await mainHeading(page, exact(nl('notifications.title')));
      const reminderName = exact(
        nl('notifications.kinds.commitment_ending.title', { title: OFFER }),
      );
      const reminder = page.getByRole('main').getByRole('link', { name: reminderName });
      await reminder.waitFor();
      await checkA11y(page, 'notifications');
      await reminder.click();
      await page.waitForURL((url) => url.pathname === commitmentPath);
      await page
        .getByRole('heading', { name: exact(nl('support.lifecycle.renewTitle')) })
        .waitFor();
      await expect
        .poll(async () => (await unreadInHeader(page)).count, { timeout: 10_000 })
        .toBe(before.count - 1);
      // Read, it stays in the list without the "Ongelezen" mark.
      await open(page, `${WS}/meldingen`, exact(nl('notifications.title')));
      const item = page
        .getByRole('listitem')
        .filter({ has: page.getByRole('link', { name: reminderName }) });
      await item.waitFor();
      expect(await item.getByText(exact(nl('notifications.unread'))).count()).toBe(0);
    });
  });

  test('a coordinator records a funding flow and the dashboard counts it', async () => {
    await journey(
      app,
      'a coordinator records a funding flow; the dashboard counts it',
      async ({ page }) => {
        await signIn(app, page, 'coordinator');
        const nav = page.getByRole('navigation', { name: exact(nl('layout.primaryNav')) });
        await nav.getByRole('link', { name: exact(nl('nav.funding')) }).click();
        await mainHeading(page, exact(nl('funding.title')));
        await page
          .getByRole('table', { name: exact(nl('funding.dashboard.byInstrument')) })
          .waitFor();
        await checkA11y(page, 'funding dashboard');
        const before = (await summaryValue(page, 'funding.measure.flows').textContent()) ?? '';
        expect(before).toMatch(/^\d+$/);

        await pick(page, 'funding.form.funderSearch', 'funding.form.funder', '');
        await pick(page, 'funding.form.recipientSearch', 'funding.form.recipient', 'Lieke', LIEKE);
        await page.getByLabel(exact(nl('funding.form.titleField'))).fill(FLOW);
        await page.getByLabel(exact(nl('funding.form.amount'))).fill('12.500,50');
        await page.getByLabel(exact(nl('funding.form.startDate'))).fill(TODAY);
        await page.getByLabel(exact(nl('funding.form.endDate'))).fill(inYears(2));
        await page.getByLabel(exact(nl('funding.form.reportingHours'))).fill('6');
        await page.getByLabel(exact(nl('funding.form.reports'))).fill('2');
        await button(page, 'funding.form.submit').click();
        await page.getByText(nl('funding.form.saved')).waitFor();
        await expect
          .poll(async () => summaryValue(page, 'funding.measure.flows').textContent())
          .toBe(String(Number(before) + 1));
        const flows = page.getByRole('region', { name: exact(nl('funding.flows.title')) });
        const flow = flows.getByRole('row').filter({ hasText: FLOW });
        await flow.getByText(/€\s12\.500,50/).waitFor();
        await checkA11y(page, 'funding dashboard (flow recorded)');

        await page.getByLabel(exact(nl('funding.filter.area'))).selectOption({ index: 1 });
        await button(page, 'funding.filter.apply').click();
        await page.waitForURL(/gebied=/);
        await page.getByRole('table', { name: exact(nl('funding.dashboard.summary')) }).waitFor();
        await checkA11y(page, 'funding dashboard (one area)');
      },
    );
  });

  test('support and funding pages reflow at 320 px', async () => {
    await journey(
      app,
      'narrow screen (320 px)',
      async ({ page }) => {
        await signIn(app, page, 'coordinator');
        await open(page, `${WS}/geldstromen`, exact(nl('funding.title')));
        await checkReflow(page, 'funding dashboard at 320 px');
        await open(page, offerPath, exact(OFFER));
        await checkReflow(page, 'offer page at 320 px');
        await checkA11y(page, 'offer page at 320 px');
        await open(page, commitmentPath);
        await checkReflow(page, 'commitment page at 320 px');
      },
      { width: 320, height: 640 },
    );
  });

  test('the commitment and funding pages are complete in English', async () => {
    await journey(app, 'support and funding in English', async ({ page }) => {
      await signIn(app, page, 'coordinator');
      await open(page, commitmentPath);
      await page.getByRole('button', { name: exact(nl('language.switchTo')) }).click();
      await page.getByRole('heading', { name: exact(en('support.durability.title')) }).waitFor();
      await expectEnglish(page, 'commitment page', [
        DEMO_WORKSPACE,
        provider,
        LIEKE,
        'Eerste gesprek',
      ]);
      await checkA11y(page, 'commitment page (English)');

      // Notifications are rendered from their kind and parameters, so they follow the language.
      await page
        .getByRole('navigation', { name: exact(en('layout.userMenu')) })
        .getByRole('link', { name: new RegExp(`^\\s*${escapeRe(en('notifications.nav'))}`) })
        .click();
      await mainHeading(page, exact(en('notifications.title')));
      await page
        .getByRole('main')
        .getByRole('link', {
          name: exact(en('notifications.kinds.commitment_ending.title', { title: OFFER })),
        })
        .waitFor();
      await checkA11y(page, 'notifications (English)');

      const nav = page.getByRole('navigation', { name: exact(en('layout.primaryNav')) });
      await nav.getByRole('link', { name: exact(en('nav.funding')) }).click();
      await mainHeading(page, exact(en('funding.title')));
      const flows = page.getByRole('region', { name: exact(en('funding.flows.title')) });
      // Titles and names of flows are data (Dutch in the demo), not interface text.
      const data = await flows
        .locator('tbody tr')
        .evaluateAll((rows) =>
          rows.flatMap((r) => [0, 1, 2].map((i) => r.children[i]?.textContent ?? '')),
        );
      await expectEnglish(page, 'funding dashboard', [DEMO_WORKSPACE, ...data]);
      await checkA11y(page, 'funding dashboard (English)');
      await page.getByRole('button', { name: exact(en('language.switchTo')) }).click();
      await mainHeading(page, exact(nl('funding.title')));
    });
  });
});

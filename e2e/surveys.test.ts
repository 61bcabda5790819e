import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { DEMO_WORKSPACE, exact, logIn, nl, open } from './support/app.ts';
import { checkA11y, checkReflow, mainHeading } from './support/browser.ts';
import { journey, useApp } from './support/fixture.ts';
import { findLink } from './support/smtp-sink.ts';

const app = useApp();
const TITLE = 'Netwerkmeting journey';

/** Three organisations of the demo with an address (unique names), as name → address. */
async function organisations(page: Page): Promise<Map<string, string>> {
  const found = await page.evaluate(async () => {
    const base = '/api/v1/workspaces/demo/actors';
    const res = await fetch(`${base}?kind=organisation&pageSize=100`);
    const body = (await res.json()) as { items: { id: string; name: string }[] };
    const names = body.items.map((i) => i.name);
    const out: [string, string][] = [];
    for (const item of body.items) {
      if (names.indexOf(item.name) !== names.lastIndexOf(item.name)) continue;
      const one = (await (await fetch(`${base}/${item.id}`)).json()) as { email?: string | null };
      if (one.email) out.push([item.name, one.email.toLowerCase()]);
      if (out.length === 3) break;
    }
    return out;
  });
  return new Map(found);
}

/** Answers the questions about one chosen partner: intensity, frequency, six 1–4 items. */
async function rate(page: Page, partner: string, intensity: string, trust: number, value: number) {
  const section = page.getByRole('region', { name: exact(partner) });
  await section
    .getByRole('group', { name: exact(nl('surveys.q.intensity', { name: partner })) })
    .getByLabel(exact(nl(`surveys.intensity.${intensity}`)))
    .check();
  await section
    .getByRole('group', { name: exact(nl('surveys.q.frequency', { name: partner })) })
    .getByLabel(exact(nl('surveys.frequency.monthly')))
    .check();
  for (const [item, score] of [
    ['reliability', trust],
    ['mission', trust],
    ['openness', trust],
    ['power', value],
    ['involvement', value],
    ['resources', value],
  ] as const) {
    const kind = ['reliability', 'mission', 'openness'].includes(item) ? 'trust' : 'value';
    await section
      .getByRole('group', { name: exact(nl(`surveys.item.${item}`, { name: partner })) })
      .getByLabel(exact(nl(`surveys.scale.${kind}${score}`)))
      .check();
  }
}

const saved = (page: Page) =>
  page
    .getByRole('status')
    .getByText(/^Opgeslagen om/)
    .waitFor();

describe('journey: a network survey round from opening to its network', () => {
  test('two members answer by their emailed links; the coordinator closes and sees trust and value', async () => {
    let orgs: string[] = [];
    let addresses = new Map<string, string>();
    const links = new Map<string, string>();
    let roundUrl = '';

    await journey(app, 'surveys: coordinator opens a round', async ({ page }) => {
      await open(page, '/inloggen', exact(nl('login.title')));
      await logIn(page, app.server.login('coordinator'));
      await mainHeading(page, exact(DEMO_WORKSPACE));
      // The rounds are reached from the network page (not from the primary navigation).
      const nav = page.getByRole('navigation', { name: exact(nl('layout.primaryNav')) });
      await nav.getByRole('link', { name: exact(nl('network.title')) }).click();
      await mainHeading(page, exact(nl('network.title')));
      await page.getByRole('link', { name: exact(nl('network.surveysLink')) }).click();
      await mainHeading(page, exact(nl('surveys.title')));
      // The demo's two closed rounds are listed.
      await page.getByRole('rowheader', { name: 'Netwerkmeting Wijkhaven 2025' }).waitFor();
      await checkA11y(page, 'survey rounds');

      addresses = await organisations(page);
      orgs = [...addresses.keys()];
      expect(orgs).toHaveLength(3);
      await page.getByRole('link', { name: exact(nl('surveys.new')) }).click();
      await mainHeading(page, exact(nl('surveys.new')));
      await checkA11y(page, 'new survey round');
      await page.getByLabel(exact(nl('surveys.fields.title'))).fill(TITLE);
      for (const name of orgs) {
        await page.getByLabel(exact(nl('surveys.fields.memberFilter'))).fill(name);
        await page.getByRole('checkbox', { name: exact(name) }).check();
      }
      await page.getByRole('button', { name: exact(nl('surveys.create')) }).click();
      await mainHeading(page, exact(TITLE));
      roundUrl = page.url();
      await page.getByText(nl('surveys.round.lead.draft')).waitFor();
      await checkA11y(page, 'survey round (draft)');
      await page.getByRole('button', { name: exact(nl('surveys.round.open')) }).click();
      await page.getByRole('status').getByText(nl('surveys.round.done.opening')).waitFor();
      // The open button is gone: focus is on the page's heading, not on <body>.
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
      await checkA11y(page, 'survey round (open)');

      for (let i = 0; i < 3; i++) {
        const mail = await app.server.sink.waitFor(
          (m) => m.subject.includes(TITLE) && !links.has(m.to.join(',')),
        );
        links.set(mail.to.join(','), findLink(mail.text, `${app.server.url}/meting/`));
      }
    });

    /** The link mailed to the round member named `name`; its questionnaire names them. */
    const linkOf = async (page: Page, name: string) => {
      const link = links.get(addresses.get(name)!)!;
      await page.goto(link);
      await mainHeading(page, exact(TITLE));
      await page.getByText(nl('surveys.q.lead', { workspace: DEMO_WORKSPACE, name })).waitFor();
      return link;
    };
    const [a, b] = [orgs[0]!, orgs[1]!];
    let linkA = '';

    // Member A on a phone: chooses B, answers half, leaves.
    await journey(
      app,
      'surveys: member A saves halfway',
      async ({ page }) => {
        linkA = await linkOf(page, a);
        await checkA11y(page, 'questionnaire');
        await checkReflow(page, 'questionnaire on a phone');
        await page.getByRole('checkbox', { name: exact(b) }).check();
        await saved(page);
        const section = page.getByRole('region', { name: exact(b) });
        // Leaves only once this answer is stored.
        await Promise.all([
          page.waitForResponse(
            (r) => r.url().includes('/api/v1/survey-responses/answers/') && r.status() === 200,
          ),
          section
            .getByRole('group', { name: exact(nl('surveys.q.intensity', { name: b })) })
            .getByLabel(exact(nl('surveys.intensity.coordinated')))
            .check(),
        ]);
        await saved(page);
      },
      { width: 375, height: 800 },
    );

    // Member A comes back: the saved answers are there; completes and submits.
    await journey(app, 'surveys: member A comes back and submits', async ({ page }) => {
      await page.goto(linkA);
      await mainHeading(page, exact(TITLE));
      await expect
        .poll(() => page.getByRole('checkbox', { name: exact(b) }).isChecked())
        .toBe(true);
      const section = page.getByRole('region', { name: exact(b) });
      expect(await section.getByLabel(exact(nl('surveys.intensity.coordinated'))).isChecked()).toBe(
        true,
      );
      await rate(page, b, 'coordinated', 4, 3);
      await saved(page);
      await page.getByRole('button', { name: exact(nl('surveys.q.submit')) }).click();
      const dialog = page.getByRole('dialog', { name: exact(nl('surveys.q.confirmTitle')) });
      await dialog.waitFor();
      await checkA11y(page, 'questionnaire confirmation');
      await dialog.getByRole('button', { name: exact(nl('surveys.q.confirmSubmit')) }).click();
      await mainHeading(page, exact(nl('surveys.q.thanksTitle')));
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
      await checkA11y(page, 'questionnaire thanks');
      // Single use: after submitting the link explains it no longer works.
      await page.goto(linkA);
      await page.getByRole('alert').getByText(nl('surveys.q.alreadySubmitted')).waitFor();
      await checkA11y(page, 'spent survey link');
    });

    await journey(app, 'surveys: member B answers', async ({ page }) => {
      await linkOf(page, b);
      // A save fails (the server answers 409): submitting is refused until it is saved again.
      const answers = '**/api/v1/survey-responses/answers/**';
      await page.route(answers, (route) =>
        route.fulfill({
          status: 409,
          contentType: 'application/problem+json',
          body: JSON.stringify({ type: 'about:blank', title: 'Conflict', status: 409 }),
        }),
      );
      await page.getByRole('checkbox', { name: exact(a) }).check();
      const failed = nl('surveys.q.saveFailed', { message: nl('errors.conflict') });
      await page.getByRole('status').getByText(failed).waitFor();
      await page.getByRole('button', { name: exact(nl('surveys.q.submit')) }).click();
      const refusal = nl('surveys.q.unsaved', { message: nl('errors.conflict') });
      await page.getByRole('alert').getByText(refusal).waitFor();
      expect(await page.getByRole('dialog').count()).toBe(0);
      await checkA11y(page, 'questionnaire with an unsaved answer');
      await page.unroute(answers);
      await page.getByRole('button', { name: exact(nl('surveys.q.retry')) }).click();
      await saved(page);
      await expect.poll(() => page.getByRole('alert').count()).toBe(0);
      await rate(page, a, 'integrated', 2, 4);
      await saved(page);
      await page.getByRole('button', { name: exact(nl('surveys.q.submit')) }).click();
      await page
        .getByRole('dialog', { name: exact(nl('surveys.q.confirmTitle')) })
        .getByRole('button', { name: exact(nl('surveys.q.confirmSubmit')) })
        .click();
      await mainHeading(page, exact(nl('surveys.q.thanksTitle')));
    });

    await journey(app, 'surveys: coordinator closes and opens the network', async ({ page }) => {
      await open(page, '/inloggen', exact(nl('login.title')));
      await logIn(page, app.server.login('coordinator'));
      await mainHeading(page, exact(DEMO_WORKSPACE));
      await page.goto(roundUrl);
      await mainHeading(page, exact(TITLE));
      await page
        .getByText(
          nl('surveys.round.response', { submitted: 2, invited: 3, started: 2, rate: '67%' }),
        )
        .waitFor();
      await page.getByRole('button', { name: exact(nl('surveys.round.close')) }).click();
      const dialog = page.getByRole('dialog', { name: exact(nl('surveys.round.closeTitle')) });
      await checkA11y(page, 'close round confirmation');
      await dialog.getByRole('button', { name: exact(nl('surveys.round.close')) }).click();
      await page.getByRole('status').getByText(nl('surveys.round.done.closing')).waitFor();
      await page.getByText(nl('surveys.round.lead.closed')).waitFor();
      await checkA11y(page, 'survey round (closed)');

      await page.getByRole('link', { name: exact(nl('surveys.round.network')) }).click();
      await mainHeading(page, exact(nl('surveys.network.title', { title: TITLE })));
      // Trust and value need at least 5 raters per actor (small-cell suppression): with two
      // respondents no score is shown, so no one's answer can be read from the network.
      await page.getByText(nl('surveys.network.scores', { trust: '–', value: '–' })).waitFor();
      // Both answered ties, A → B and B → A, are the round's ties.
      const ties = page.getByRole('table', {
        name: exact(nl('network.ties.caption_other', { count: 2 })),
      });
      await ties.waitFor();
      expect(await ties.getByRole('row').filter({ hasText: a }).count()).toBe(2);
      await checkA11y(page, 'round network');

      const gexfLink = page.getByRole('link', { name: exact(nl('network.exports.gexf')) });
      const [file] = await Promise.all([page.waitForEvent('download'), gexfLink.click()]);
      const gexf = readFileSync(await file.path(), 'utf8');
      expect(gexf).toContain('<gexf');
      expect(gexf).toContain(a);
      expect(gexf).toContain(b);
    });
  });
});

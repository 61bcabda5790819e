import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { DEMO_WORKSPACE, exact, logIn, nl, open } from './support/app.ts';
import { checkA11y, checkReflow, mainHeading } from './support/browser.ts';
import { journey, useApp } from './support/fixture.ts';
import { findLink } from './support/smtp-sink.ts';

const app = useApp();
const startsWith = (s: string) => new RegExp(`^\\s*${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
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
  /** The journey's round, closed by the first test; the second compares it. */
  let roundUrl = '';

  test('two members answer by their emailed links; the coordinator closes and sees trust and value', async () => {
    let orgs: string[] = [];
    let addresses = new Map<string, string>();
    const links = new Map<string, string>();

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
      // The coordinator runs the round and sees every score (others need 5 raters per actor):
      // B's trust 4 and value 3 from A, A's trust 2 and value 4 from B; the network's trust and
      // value are the means over the rated actors, 3 and 3,5.
      await page.getByText(nl('surveys.network.scores', { trust: '3', value: '3,5' })).waitFor();
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

  test('the coordinator compares the closed round with another, and the demo rounds', async () => {
    expect(roundUrl, 'the first test closed a round').not.toBe('');
    await journey(app, 'surveys: coordinator compares two rounds', async ({ page }) => {
      await open(page, '/inloggen', exact(nl('login.title')));
      await logIn(page, app.server.login('coordinator'));
      await mainHeading(page, exact(DEMO_WORKSPACE));
      const roundId = new URL(roundUrl).pathname.split('/').pop()!;
      // The API's own numbers for each round's network (a different endpoint from the comparison).
      const api = await page.evaluate(async () => {
        const base = '/api/v1/workspaces/demo';
        const list = (await (
          await fetch(`${base}/survey-rounds?status=closed&pageSize=100`)
        ).json()) as { items: { id: string; title: string }[] };
        const out: Record<string, { id: string; nodes: number; trust: number | null }> = {};
        for (const r of list.items) {
          const net = (await (await fetch(`${base}/network?round=${r.id}`)).json()) as {
            network: { nodes: number; trust: number | null };
          };
          out[r.title] = { id: r.id, ...net.network };
        }
        return out;
      });
      const signed = new Intl.NumberFormat('nl-NL', {
        maximumFractionDigits: 3,
        signDisplay: 'exceptZero',
      });
      const metricRow = (caption: string, metric: string) =>
        page
          .getByRole('table', { name: startsWith(caption) })
          .getByRole('row')
          .filter({ has: page.getByRole('rowheader', { name: exact(nl(metric)) }) })
          .getByRole('cell');

      // From the closed round's page: compared with its neighbouring closed round.
      await page.goto(roundUrl);
      await mainHeading(page, exact(TITLE));
      await page.getByRole('link', { name: exact(nl('surveys.round.compare')) }).click();
      await mainHeading(page, exact(nl('network.comparison.rounds.title')));
      const from = page.getByLabel(exact(nl('network.comparison.rounds.from')));
      const to = page.getByLabel(exact(nl('network.comparison.rounds.to')));
      const chosen = [await from.inputValue(), await to.inputValue()];
      expect(chosen).toContain(roundId);
      const [earlier, later] = chosen.map((id) => Object.values(api).find((r) => r.id === id)!);
      const caption = nl('network.comparison.rounds.networkCaption', { from: '#' }).split('#')[0]!;
      const nodes = metricRow(caption, 'network.networkMetric.nodes');
      // Three members in the journey's round; the demo's rounds have more.
      expect(later!.nodes === 3 || earlier!.nodes === 3).toBe(true);
      await expect
        .poll(() => nodes.allTextContents())
        .toEqual([
          String(earlier!.nodes),
          String(later!.nodes),
          signed.format(later!.nodes - earlier!.nodes),
          expect.any(String),
        ]);
      await page
        .getByRole('img', {
          name: startsWith(
            nl('network.comparison.rounds.networkChart', { from: '#' }).split('#')[0]!,
          ),
        })
        .locator('svg')
        .waitFor();
      await checkA11y(page, 'comparison of two rounds');

      // The demo's two rounds a year apart: trust rose (the later round rates higher).
      const [y2025, y2026] = [
        api['Netwerkmeting Wijkhaven 2025']!,
        api['Netwerkmeting Wijkhaven 2026']!,
      ];
      await from.selectOption(y2025.id);
      await to.selectOption(y2026.id);
      await page
        .getByRole('button', { name: exact(nl('network.comparison.rounds.apply')) })
        .click();
      await expect.poll(() => page.url()).toContain(`totMeting=${y2026.id}`);
      expect(y2025.trust).not.toBeNull();
      expect(y2026.trust!).toBeGreaterThan(y2025.trust!);
      const trust = metricRow(caption, 'network.networkMetric.trust');
      await expect
        .poll(async () => (await trust.allTextContents()).slice(2, 3))
        .toEqual([signed.format(y2026.trust! - y2025.trust!)]);
      // Per actor: a trust chart and a table of every actor with a score.
      await page
        .getByRole('img', {
          name: new RegExp(
            nl('network.comparison.rounds.trustChart_other', { count: '#' })
              .split('#')
              .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
              .join('\\d+'),
          ),
        })
        .locator('svg')
        .waitFor();
      const partner = page.getByRole('table', {
        name: startsWith(
          nl('network.comparison.rounds.partnerCaption', { from: '#' }).split('#')[0]!,
        ),
      });
      expect(await partner.locator('tbody tr').count()).toBeGreaterThan(0);
      await checkA11y(page, 'comparison of the demo rounds');

      // The same round twice: said at the second select, nothing asked of the server.
      const url = page.url();
      await to.selectOption(y2025.id);
      await page
        .getByRole('button', { name: exact(nl('network.comparison.rounds.apply')) })
        .click();
      await expect.poll(() => to.getAttribute('aria-invalid')).toBe('true');
      await expect.poll(() => to.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.getByText(nl('network.comparison.rounds.toNotLater')).waitFor();
      expect(page.url()).toBe(url);
      await checkA11y(page, 'comparison of rounds (same round twice)');
    });
  });
});

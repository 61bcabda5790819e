import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { DEMO_WORKSPACE, en, exact, expectEnglish, logIn, nl, open } from './support/app.ts';
import { checkA11y, checkReflow, mainHeading } from './support/browser.ts';
import { journey, useApp, type App } from './support/fixture.ts';

/**
 * Issue 4's network view: a coordinator opens the network of the demo workspace (Sigma graph,
 * network metrics, tables of actors and ties), sizes the nodes by another metric, filters by tie
 * type, finds an actor in the table by keyboard and shows it in the graph, opens its page and
 * sees its ego network, compares two days (charts with tables) and downloads the GEXF export.
 * Also: the page in English, a browser without WebGL (a message; the tables still work), and a
 * member (no exports). Axe runs on every page and state visited.
 */

const app = useApp();
const WS = '/w/demo';

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const startsWith = (s: string) => new RegExp(`^\\s*${escapeRe(s)}`);

async function signIn(a: App, page: Page, role: string) {
  await open(page, '/inloggen', exact(nl('login.title')));
  await logIn(page, a.server.login(role));
  await page.waitForURL((url) => !url.pathname.startsWith('/inloggen'));
}

async function hasFocus(locator: Locator): Promise<boolean> {
  return locator.evaluate(
    (el) => el === document.activeElement || el.contains(document.activeElement),
  );
}

/** Clicks a download link and returns the file's name and text. */
async function download(page: Page, link: Locator) {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

/** Painted pixels on Sigma's label layer (a 2D canvas): > 0 once the graph has been drawn. */
const paintedLabels = (page: Page) =>
  page.locator('.wd-network-graph canvas.sigma-labels').evaluate((c: HTMLCanvasElement) => {
    const ctx = c.getContext('2d');
    if (!ctx) return 0;
    const { data } = ctx.getImageData(0, 0, c.width, c.height);
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted += 1;
    return painted;
  });

describe('journey: the collaboration network', () => {
  test('a coordinator explores the network, an ego network and a comparison, and exports GEXF', async () => {
    await journey(app, 'network as coordinator', async ({ page }) => {
      await signIn(app, page, 'coordinator');
      await open(page, WS, undefined);
      await page
        .getByRole('navigation', { name: exact(nl('layout.primaryNav')) })
        .getByRole('link', { name: exact(nl('network.title')) })
        .click();
      await mainHeading(page, exact(nl('network.title')));

      // The graph is one image for screen readers, named by what it shows; Sigma drew it.
      const graph = page.getByRole('img', {
        name: startsWith(nl('network.graph.summary', { nodes: '#' }).split('#')[0]!),
      });
      await graph.waitFor();
      await expect
        .poll(() => paintedLabels(page), { message: 'Sigma drew labels' })
        .toBeGreaterThan(0);
      const nodeRows = page.locator('section[aria-labelledby="network-nodes"] tbody tr');
      const nodeCount = await nodeRows.count();
      expect(nodeCount).toBeGreaterThan(10);
      await expect
        .poll(() => graph.getAttribute('aria-label'))
        .toContain(
          nl('network.graph.summary', { nodes: nodeCount, ties: '#', metric: '#' })
            .split('#')[0]!
            .trim(),
        );
      // The network's metrics are a definition list.
      const metrics = page.locator('dl.wd-network-metrics').first();
      await expect
        .poll(() => metrics.locator('dt').allTextContents())
        .toContain(nl('network.networkMetric.density'));
      await checkA11y(page, 'network page');

      // Size the nodes by betweenness: the image's name says so, and the drawing changes.
      const before = await page.locator('.wd-network-graph').screenshot();
      await page
        .getByLabel(exact(nl('network.graph.sizeBy')))
        .selectOption({ label: nl('network.nodeMetric.betweenness') });
      await expect
        .poll(() => graph.getAttribute('aria-label'))
        .toContain(nl('network.nodeMetric.betweenness'));
      await expect
        .poll(async () => (await page.locator('.wd-network-graph').screenshot()).equals(before), {
          message: 'the graph is redrawn with other node sizes',
        })
        .toBe(false);

      // Filter on collaboration ties: every tie listed is one.
      await page
        .getByLabel(exact(nl('network.filter.type')))
        .selectOption({ label: nl('network.tieType.collaboration') });
      await page.getByRole('button', { name: exact(nl('network.filter.apply')) }).click();
      await page.waitForURL(/relatie=collaboration/);
      const tieRows = page.locator('section[aria-labelledby="network-ties"] tbody tr');
      const tieTypes = async () =>
        new Set(await tieRows.evaluateAll((rows) => rows.map((r) => r.children[2]?.textContent)));
      await expect
        .poll(tieTypes, { message: 'only collaboration ties are listed' })
        .toEqual(new Set([nl('network.tieType.collaboration')]));
      await checkA11y(page, 'network page (collaboration ties)');

      // Back to every tie; by keyboard: the table's region, then Tab to the first actor's button.
      await open(page, `${WS}/netwerk`, exact(nl('network.title')));
      const region = page.getByRole('region', {
        name: exact(nl('network.table.nodesCaption_other', { count: nodeCount })),
      });
      await region.focus();
      const first = nodeRows.first();
      const name = (await first.locator('th').textContent())!.trim();
      const degree = (await first.locator('td').nth(1).textContent())!.trim();
      const show = first.getByRole('button', {
        name: exact(`${nl('network.table.show')} ${name}`),
      });
      for (let i = 0; i < 40 && !(await hasFocus(show)); i++) await page.keyboard.press('Tab');
      expect(await hasFocus(show), 'the show button is reachable by Tab').toBe(true);
      await page.keyboard.press('Enter');
      const details = page.locator('.wd-network-details');
      await expect.poll(() => hasFocus(details), { message: 'the details take focus' }).toBe(true);
      await details.getByRole('heading', { level: 3, name: exact(name) }).waitFor();
      expect(await show.getAttribute('aria-pressed')).toBe('true');
      await checkA11y(page, 'network page (actor selected)');
      // Closing the details returns focus to the table; Enter opens them again.
      await details.getByRole('button', { name: exact(nl('network.details.close')) }).focus();
      await page.keyboard.press('Enter');
      await expect
        .poll(() => hasFocus(show), { message: 'closing returns focus to the table' })
        .toBe(true);
      expect(await show.getAttribute('aria-pressed')).toBe('false');
      await page.keyboard.press('Enter');
      await expect.poll(() => hasFocus(details)).toBe(true);

      // Its page, by keyboard: the ego network with its ties, graph and metrics.
      await page.keyboard.press('Tab');
      expect(
        await hasFocus(
          details.getByRole('link', { name: exact(nl('network.details.open', { name })) }),
        ),
      ).toBe(true);
      await page.keyboard.press('Enter');
      await mainHeading(page, exact(name));
      const ego = page.getByRole('region', { name: exact(nl('network.ego.title')) });
      const egoTable = ego.getByRole('table', { name: /\d+/ });
      await egoTable.waitFor();
      expect(await egoTable.locator('tbody tr').count()).toBeGreaterThan(0);
      await ego
        .getByRole('img', {
          name: startsWith(nl('network.ego.summary_other', { count: '#' }).split('#')[0]!),
        })
        .or(
          ego.getByRole('img', {
            name: startsWith(nl('network.ego.summary_one', { count: '#' }).split('#')[0]!),
          }),
        )
        .waitFor();
      const egoDegree = ego
        .locator('.wd-network-metrics__item')
        .filter({ has: page.getByText(exact(nl('network.nodeMetric.degree'))) })
        .locator('dd');
      await expect.poll(() => egoDegree.textContent()).toBe(degree);
      await checkA11y(page, 'actor page with its network');

      // The comparison of two days: a chart and a table for the network and per actor.
      await open(page, `${WS}/netwerk`, exact(nl('network.title')));
      await page.getByRole('link', { name: exact(nl('network.compareLink')) }).click();
      await mainHeading(page, exact(nl('network.comparison.title')));
      const networkChart = page.getByRole('img', {
        name: startsWith(nl('network.comparison.networkChart', { from: '#' }).split('#')[0]!),
      });
      await networkChart.locator('svg').waitFor();
      await page
        .getByRole('table', {
          name: startsWith(nl('network.comparison.networkCaption', { from: '#' }).split('#')[0]!),
        })
        .waitFor();
      await page
        .getByLabel(exact(nl('network.comparison.metric')))
        .selectOption({ label: nl('network.nodeMetric.pageRank') });
      const metric = nl('network.nodeMetric.pageRank');
      await page
        .getByRole('img', { name: new RegExp(escapeRe(metric)) })
        .locator('svg')
        .waitFor();
      const perNode = page.getByRole('table', {
        name: startsWith(
          nl('network.comparison.nodesCaption', { metric, from: '#' }).split('#')[0]!,
        ),
      });
      expect(await perNode.locator('tbody tr').count()).toBeGreaterThan(0);
      await checkA11y(page, 'network comparison');
      // A second day before the first: said at the field, nothing asked of the server.
      const url = page.url();
      await page.getByLabel(exact(nl('network.filter.from'))).fill('2026-02-01');
      await page.getByLabel(exact(nl('network.filter.to'))).fill('2025-02-01');
      await page.getByRole('button', { name: exact(nl('network.filter.apply')) }).click();
      const to = page.getByLabel(exact(nl('network.filter.to')));
      await expect.poll(() => to.getAttribute('aria-invalid')).toBe('true');
      await expect.poll(() => hasFocus(to)).toBe(true);
      await page.getByText(nl('network.filter.toBeforeFrom')).waitFor();
      expect(page.url()).toBe(url);
      await checkA11y(page, 'network comparison (days in the wrong order)');

      // The GEXF export of the network shown.
      await open(page, `${WS}/netwerk`, exact(nl('network.title')));
      const gexf = await download(
        page,
        page.getByRole('link', { name: exact(nl('network.exports.gexf')) }),
      );
      expect(gexf.name).toMatch(/^wijkdragers-demo-network-\d{4}-\d{2}-\d{2}\.gexf$/);
      expect(gexf.text).toContain('<gexf xmlns="http://gexf.net/1.3"');
      expect(gexf.text).toContain(`<nodes count="${nodeCount}">`);
      expect(gexf.text).toContain(`label="${name}"`);
    });
  });

  test('the network page is complete in English', async () => {
    await journey(app, 'network in English', async ({ page }) => {
      await signIn(app, page, 'coordinator');
      await open(page, `${WS}/netwerk`, exact(nl('network.title')));
      await page.getByRole('button', { name: exact(nl('language.switchTo')) }).click();
      await mainHeading(page, exact(en('network.title')));
      await page
        .getByRole('heading', { level: 2, name: exact(en('network.graph.title')) })
        .waitFor();
      // Names of actors and areas are data, not interface text.
      const data = await page
        .getByRole('main')
        .locator('tbody th, tbody td a, #network-area option')
        .allTextContents();
      await expectEnglish(page, 'network page', [DEMO_WORKSPACE, ...data.map((d) => d.trim())]);
      await checkA11y(page, 'network page (English)');
      await page.getByRole('button', { name: exact(en('language.switchTo')) }).click();
      await mainHeading(page, exact(nl('network.title')));
    });
  });

  test('without WebGL the page says so and the tables still work', async () => {
    await journey(app, 'network without WebGL', async ({ context, page }) => {
      // A browser without WebGL: no WebGL context can be made (2D canvases still work).
      await context.addInitScript(() => {
        const original = HTMLCanvasElement.prototype.getContext;
        HTMLCanvasElement.prototype.getContext = function (
          this: HTMLCanvasElement,
          id: string,
          ...rest: unknown[]
        ) {
          if (/webgl/i.test(id)) return null;
          return (original as (...a: unknown[]) => RenderingContext | null).call(this, id, ...rest);
        } as typeof original;
      });
      await signIn(app, page, 'coordinator');
      await open(page, `${WS}/netwerk`, exact(nl('network.title')));
      await page.getByText(nl('network.graph.noWebGl')).waitFor();
      expect(await page.locator('.wd-network-graph canvas').count()).toBe(0);
      // The table carries the data: sorted by name, A–Z.
      const section = page.locator('section[aria-labelledby="network-nodes"]');
      await section.getByRole('button', { name: startsWith(nl('network.table.actor')) }).click();
      const names = (await section.locator('tbody th').allTextContents()).map((s) => s.trim());
      expect(names.length).toBeGreaterThan(10);
      expect(names).toEqual(
        [...names].sort(new Intl.Collator('nl', { numeric: true, sensitivity: 'base' }).compare),
      );
      await checkA11y(page, 'network page without WebGL');
    });
  });

  test('a member sees the network but no exports, on a 320 px screen too', async () => {
    await journey(
      app,
      'network as member',
      async ({ page }) => {
        await signIn(app, page, 'member');
        await open(page, `${WS}/netwerk`, exact(nl('network.title')));
        await page
          .getByRole('heading', { level: 2, name: exact(nl('network.table.nodesTitle')) })
          .waitFor();
        expect(
          await page.getByRole('heading', { name: exact(nl('network.exports.title')) }).count(),
        ).toBe(0);
        await checkA11y(page, 'network page (member)');
        await checkReflow(page, 'network page at 320 px');
      },
      { width: 320, height: 800 },
    );
  });
});

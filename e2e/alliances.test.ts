import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { DEMO_WORKSPACE, en, exact, expectEnglish, logIn, nl, open } from './support/app.ts';
import { checkA11y, checkReflow, mainHeading } from './support/browser.ts';
import { journey, useApp, type App } from './support/fixture.ts';

/**
 * Issue 5's journey, from competition to cooperation. Through the API a coordinator records a
 * carrier and a large organisation, each running an activity in the same buurt, domain and target
 * group for a year: an overlap signal between a small and a large party. The buurt's page and the
 * organisation's page list it in their "Overlap" section (the latter with ally suggestions); the
 * signal's page explains it in plain Dutch. Dismissing without a reason is refused (error
 * summary). The coordinator starts a dialogue (the state changes, the history says so) and adds a
 * note (an empty one first: the error summary), then forms an alliance from the signal: the form
 * comes prefilled with the two parties, and afterwards the signal reads "alliance formed". On the
 * alliance page the members' contributions are added (money and hours, valued in euros) and the
 * balance shows its index, its five parts and the trend per period (chart and table). The list
 * pages by filter, and the alliance page in English and at 320 px. Axe runs on every page and
 * state visited.
 */

const app = useApp();
const WS = '/w/demo';
const RUN = Date.now().toString(36);
const CARRIER = `Dirk Samenwerker ${RUN}`;
const LARGE = `Zorggroep Overal ${RUN}`;
const ALLIANCE = `Samen sterk in de buurt ${RUN}`;
const NOTE = 'Eerste kennismaking gepland bij het buurthuis.';

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const daysAgo = (n: number) => isoDay(new Date(Date.now() - n * 86_400_000));
const YEAR = new Date().getFullYear();

async function signIn(a: App, page: Page, role: string) {
  await open(page, '/inloggen', exact(nl('login.title')));
  await logIn(page, a.server.login(role));
  await page.waitForURL((url) => !url.pathname.startsWith('/inloggen'));
}

const button = (scope: Page | Locator, key: string, vars?: Record<string, string>) =>
  scope.getByRole('button', { name: exact(nl(key, vars)) });

/**
 * As the signed-in coordinator (session cookie + CSRF): a carrier and a large organisation, each
 * with an activity in the same buurt, domain and target group since a year or longer.
 */
async function overlappingParties(page: Page) {
  const answer = await page.evaluate(
    async ({ carrier, large, consentDay, start, earlier }) => {
      const me = (await (await fetch('/api/v1/me')).json()) as { csrfToken: string };
      const W = '/api/v1/workspaces/demo';
      const get = async <T>(path: string) => (await (await fetch(`${W}${path}`)).json()) as T;
      const post = async (path: string, body: unknown) => {
        const res = await fetch(`${W}${path}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrfToken },
          body: JSON.stringify(body),
        });
        const json = (await res.json()) as { id?: string };
        if (res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
        return json.id ?? '';
      };
      const areas = await get<{ items: { id: string; level: string }[] }>('/areas?pageSize=100');
      const terms = await get<{ items: { id: string; kind: string; archived: boolean }[] }>(
        '/taxonomy-terms',
      );
      const buurt = areas.items.find((a) => a.level === 'buurt')!.id;
      const live = terms.items.filter((t) => !t.archived);
      const domain = live.find((t) => t.kind === 'domain')!.id;
      const group = live.find((t) => t.kind === 'target_group')!.id;
      const carrierId = await post('/actors', {
        kind: 'person',
        name: carrier,
        visibility: 'workspace',
        areaIds: [buurt],
        consent: { givenOn: consentDay, textVersion: '2026-01' },
      });
      const largeId = await post('/actors', {
        kind: 'organisation',
        name: large,
        orgKind: 'zorgaanbieder',
        sizeClassOverride: 'large',
        visibility: 'public',
        areaIds: [buurt],
      });
      const links = { areaIds: [buurt], domainIds: [domain], targetGroupIds: [group] };
      await post('/activities', {
        actorId: carrierId,
        title: 'Buurtmaaltijd',
        ...links,
        startDate: start,
      });
      await post('/activities', {
        actorId: largeId,
        title: 'Ouderenwerk',
        ...links,
        startDate: earlier,
      });
      return { carrierId, largeId, buurt };
    },
    {
      carrier: CARRIER,
      large: LARGE,
      consentDay: daysAgo(1),
      start: daysAgo(365),
      earlier: daysAgo(500),
    },
  );
  return answer;
}

// The tests run in order and build on each other (signal → alliance → balance).
let largeId = '';
let signalPath = '';
let alliancePath = '';

describe('journey: overlap signals and alliances (issue 5)', () => {
  test('a coordinator sees the overlap, starts a dialogue and adds a note', async () => {
    await journey(app, 'overlap signal to dialogue', async ({ page }) => {
      await signIn(app, page, 'coordinator');
      const fixture = await overlappingParties(page);
      largeId = fixture.largeId;

      // The buurt's page lists the open signal between the two parties.
      await open(page, `${WS}/gebieden/${fixture.buurt}`);
      await page
        .getByRole('region', { name: exact(nl('signals.section.caption')) })
        .getByRole('row')
        .filter({ hasText: CARRIER })
        .filter({ hasText: LARGE })
        .waitFor();
      await checkA11y(page, 'area page with its overlap');

      // The organisation's page: its open signals and its possible allies.
      await open(page, `${WS}/actoren/${largeId}`, exact(LARGE));
      const overlap = page.getByRole('region', { name: exact(nl('signals.section.caption')) });
      const row = overlap.getByRole('row').filter({ hasText: CARRIER });
      await row.waitFor();
      await expect.poll(() => row.textContent()).toContain(nl('signals.state.open'));
      await page.getByRole('heading', { name: exact(nl('signals.allies.title')) }).waitFor();
      await checkA11y(page, 'actor page with overlap and ally suggestions');

      await row.getByRole('link').click();
      await mainHeading(page, new RegExp(`^Overlap: .*${CARRIER}`));
      signalPath = new URL(page.url()).pathname;
      // Explained in plain Dutch: a small party next to a large one, in the same place and time.
      await page.getByText(nl('signals.why.disparity'), { exact: true }).waitFor();
      await page.getByText(new RegExp(`^${nl('signals.why.domains_one')}`)).waitFor();
      await checkA11y(page, 'signal page (new)');

      // Dismissing needs a reason: without one, nothing moves and the error summary says so.
      await button(page, 'signals.actions.dismiss').click();
      const actions = page.getByRole('region', { name: exact(nl('signals.actions.title')) });
      await actions.getByRole('alert').getByText(nl('form.summaryTitle')).waitFor();
      const reason = page.getByLabel(exact(nl('signals.actions.reason')));
      expect(await reason.getAttribute('aria-invalid')).toBe('true');

      await button(page, 'signals.actions.to.in_dialogue').click();
      const moved = nl('signals.actions.moved', { state: nl('signals.state.in_dialogue') });
      await page.getByRole('status').getByText(moved).waitFor();
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.id))
        .toBe('signal-actions');
      const history = page.getByRole('region', { name: exact(nl('signals.history.title')) });
      const step = nl('signals.history.event.transition', {
        from: nl('signals.state.open'),
        to: nl('signals.state.in_dialogue'),
      });
      await history.getByText(step, { exact: false }).waitFor();

      // A note: empty first (the error summary takes focus), then with text.
      const notes = page.getByRole('region', { name: exact(nl('signals.notes.title')) });
      await button(page, 'signals.notes.add').click();
      await notes.getByRole('alert').getByText(nl('form.summaryTitle')).waitFor();
      await checkA11y(page, 'signal page (note error summary)');
      await page.getByLabel(exact(nl('signals.notes.text'))).fill(NOTE);
      await button(page, 'signals.notes.add').click();
      await page.getByText(NOTE).waitFor();
      await checkA11y(page, 'signal page (in dialogue, with a note)');
    });
    expect(signalPath).toMatch(/\/overlapsignalen\/[0-9a-f-]{36}$/);
  });

  test('the coordinator forms an alliance from the signal', async () => {
    await journey(app, 'alliance from the signal', async ({ page }) => {
      await signIn(app, page, 'coordinator');
      await open(page, signalPath);
      await page.getByRole('link', { name: exact(nl('signals.actions.formAlliance')) }).click();
      await mainHeading(page, exact(nl('alliances.new')));
      const name = page.getByLabel(exact(nl('alliances.fields.name')));
      await expect.poll(() => name.inputValue()).toContain(CARRIER);
      await expect.poll(() => name.inputValue()).toContain(LARGE);
      const parties = page.getByRole('checkbox', { name: new RegExp(CARRIER) });
      expect(await parties.isChecked()).toBe(true);
      await checkA11y(page, 'new alliance form (from the signal)');

      await name.fill('');
      await button(page, 'alliances.form.create').click();
      await page.getByRole('alert').getByText(nl('form.summaryTitle')).waitFor();
      await checkA11y(page, 'new alliance form (error summary)');
      await name.fill(ALLIANCE);
      await button(page, 'alliances.form.create').click();
      await mainHeading(page, exact(ALLIANCE));
      alliancePath = new URL(page.url()).pathname;
      const members = page.getByRole('region', {
        name: exact(nl('alliances.members.caption', { name: ALLIANCE })),
      });
      await members.getByRole('row').filter({ hasText: CARRIER }).waitFor();
      await members.getByRole('row').filter({ hasText: LARGE }).waitFor();

      // The signal now names the alliance and reads "alliance formed".
      await page.getByRole('link', { name: exact(nl('alliances.fields.signalLink')) }).click();
      await mainHeading(page, new RegExp(`^Overlap: .*${CARRIER}`));
      await page.getByText(nl('signals.state.alliance_formed'), { exact: true }).first().waitFor();
      await page.getByRole('link', { name: exact(nl('signals.detail.allianceLink')) }).waitFor();
      await checkA11y(page, 'signal page (alliance formed)');
    });
    expect(alliancePath).toMatch(/\/bondgenootschappen\/[0-9a-f-]{36}$/);
  });

  test('contributions are added and the balance shows its index, parts and trend', async () => {
    await journey(app, 'contributions and balance', async ({ page }) => {
      await signIn(app, page, 'coordinator');
      await open(page, alliancePath, exact(ALLIANCE));

      const contributions = page.getByRole('region', {
        name: exact(nl('alliances.contributions.caption', { name: ALLIANCE })),
      });
      const add = async (
        member: string,
        period: string,
        kind: string,
        euros: string,
        quantity?: string,
      ) => {
        await page
          .getByLabel(exact(nl('alliances.contributions.member')))
          .selectOption({ label: member });
        await page.getByLabel(exact(nl('alliances.contributions.period'))).fill(period);
        await page
          .getByLabel(exact(nl('alliances.contributions.kind')))
          .selectOption({ label: nl(`alliances.contributions.kinds.${kind}`) });
        if (quantity)
          await page
            .getByLabel(exact(nl(`alliances.contributions.quantityLabel.${kind}`)))
            .fill(quantity);
        await page.getByLabel(exact(nl('alliances.contributions.value'))).fill(euros);
        const before = await contributions.locator('tbody tr').count();
        await button(page, 'alliances.contributions.submit').click();
        await expect.poll(() => contributions.locator('tbody tr').count()).toBe(before + 1);
        // The form empties itself once saved; only then is it ready for the next one.
        await expect
          .poll(() => page.getByLabel(exact(nl('alliances.contributions.value'))).inputValue())
          .toBe('');
      };
      await add(LARGE, `${YEAR}-Q3`, 'money', '5.000');
      await add(CARRIER, `${YEAR}-Q3`, 'hours', '1.200', '40');
      await add(LARGE, `${YEAR}-Q4`, 'money', '3.000,50');
      await page.getByRole('status').getByText(nl('alliances.contributions.added')).waitFor();
      await contributions
        .getByRole('row')
        .filter({ hasText: /€\s3\.000,50/ })
        .waitFor();
      expect(await contributions.locator('tbody tr').count()).toBe(3);

      // The balance: the index with its verdict, the five parts in words, the trend per quarter.
      const balance = page.getByRole('region', {
        name: exact(nl('alliances.balance.partsCaption')),
      });
      await balance.waitFor();
      await page
        .getByText(new RegExp(`^${nl('alliances.balance.index', { index: '#' }).split('#')[0]}`))
        .waitFor();
      for (const part of [
        'representation',
        'voteConcentration',
        'contributionConcentration',
        'majority',
        'perceivedPower',
      ])
        await balance
          .getByRole('rowheader', { name: exact(nl(`alliances.balance.part.${part}`)) })
          .waitFor();
      const trend = page.getByRole('region', { name: exact(nl('alliances.balance.trendCaption')) });
      await trend.getByRole('rowheader', { name: exact(`${YEAR}-Q4`) }).waitFor();
      expect(await trend.locator('tbody tr').count()).toBe(2);
      await expect
        .poll(() =>
          trend
            .getByRole('row')
            .filter({ hasText: `${YEAR}-Q3` })
            .textContent(),
        )
        .toMatch(/€\s6\.200,00/);
      await page
        .getByRole('img', { name: new RegExp(`${YEAR}-Q3.*${YEAR}-Q4`) })
        .locator('svg')
        .waitFor();
      await checkA11y(page, 'alliance page with contributions and balance');

      // Removing a contribution asks first; afterwards focus is on the section's heading.
      await add(CARRIER, `${YEAR}-Q4`, 'hours', '10', '1');
      const remove = button(contributions, 'alliances.contributions.delete', {
        name: CARRIER,
        period: `${YEAR}-Q4`,
      });
      await remove.click();
      const confirm = page.getByRole('dialog', {
        name: exact(nl('alliances.contributions.deleteTitle')),
      });
      await confirm.waitFor();
      await checkA11y(page, 'delete contribution confirmation');
      await button(confirm, 'common.cancel').click();
      await confirm.waitFor({ state: 'hidden' });
      expect(await contributions.locator('tbody tr').count()).toBe(4);
      await remove.click();
      await button(confirm, 'alliances.contributions.deleteConfirm').click();
      await page.getByRole('status').getByText(nl('alliances.contributions.deleted')).waitFor();
      await expect.poll(() => contributions.locator('tbody tr').count()).toBe(3);
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.id))
        .toBe('alliance-contributions');
    });
  });

  test('the lists filter, and the alliance page is complete in English', async () => {
    await journey(app, 'lists and English', async ({ page }) => {
      await signIn(app, page, 'coordinator');
      await open(page, WS);
      const nav = page.getByRole('navigation', { name: exact(nl('layout.primaryNav')) });
      await nav.getByRole('link', { name: exact(nl('alliances.title')) }).click();
      await mainHeading(page, exact(nl('alliances.title')));
      await page
        .getByLabel(exact(nl('alliances.filter.status')))
        .selectOption({ label: nl('alliances.status.exploring') });
      await button(page, 'alliances.filter.apply').click();
      await page.getByRole('link', { name: exact(ALLIANCE) }).waitFor();
      await checkA11y(page, 'alliances list (exploring)');

      await nav.getByRole('link', { name: exact(nl('signals.title')) }).click();
      await mainHeading(page, exact(nl('signals.title')));
      await page
        .getByLabel(exact(nl('signals.filter.state')))
        .selectOption({ label: nl('signals.state.alliance_formed') });
      await button(page, 'signals.filter.apply').click();
      await page.getByRole('row').filter({ hasText: CARRIER }).waitFor();
      await checkA11y(page, 'signals list (alliance formed)');

      await open(page, alliancePath, exact(ALLIANCE));
      await page.getByRole('button', { name: exact(nl('language.switchTo')) }).click();
      await page.getByRole('heading', { name: exact(en('alliances.balance.title')) }).waitFor();
      await page
        .getByRole('region', { name: exact(en('alliances.balance.trendCaption')) })
        .waitFor();
      // Names of areas and actors in the forms' choices are data (Dutch names), not interface text.
      const areaNames = [
        ...(await page
          .getByRole('group', { name: exact(en('alliances.agreement.areas')) })
          .locator('label')
          .allTextContents()),
        ...(await page.getByRole('main').locator('option').allTextContents()),
      ];
      await expectEnglish(page, 'alliance page', [
        DEMO_WORKSPACE,
        CARRIER,
        LARGE,
        ALLIANCE,
        ...areaNames,
      ]);
      await checkA11y(page, 'alliance page (English)');
      await page.getByRole('button', { name: exact(en('language.switchTo')) }).click();
      await page.getByRole('heading', { name: exact(nl('alliances.balance.title')) }).waitFor();

      // 320 CSS px (400 % zoom): nothing scrolls sideways but the tables' own containers.
      await page.setViewportSize({ width: 320, height: 640 });
      await checkReflow(page, 'alliance page (320 px)');

      // Ending a membership asks first; afterwards focus is on the members' heading.
      await button(page, 'alliances.members.end', { name: CARRIER }).click();
      const confirm = page.getByRole('dialog', { name: exact(nl('alliances.members.endTitle')) });
      await confirm.waitFor();
      await checkA11y(page, 'end membership confirmation');
      await button(confirm, 'alliances.members.endConfirm').click();
      await page
        .getByRole('status')
        .getByText(nl('alliances.members.endedMessage', { name: CARRIER }))
        .waitFor();
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.id))
        .toBe('alliance-members');
      expect(await button(page, 'alliances.members.end', { name: CARRIER }).count()).toBe(0);
    });
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { DEMO_WORKSPACE, exact, logIn, nl, open } from './support/app.ts';
import { checkA11y, mainHeading } from './support/browser.ts';
import { journey, useApp } from './support/fixture.ts';
import { ROOT } from './support/server.ts';

/**
 * Activities, initiatives and results (issue 3): a coordinator records what a carrier does, starts
 * an initiative with that carrier and an organisation as partner, and credits a result to the
 * carrier; the result shows on the initiative page and in the carrier's track record.
 */

const app = useApp();
const WS = '/w/demo';

// The shared helper reads web/src/i18n/nl.json; these texts live in the feature catalogues
// (web/src/i18n/nl/<feature>.json, keys `<feature>.…`).
type Catalogue = { [key: string]: string | Catalogue };
const features: Record<string, Catalogue> = {};
function t(key: string, vars: Record<string, string | number> = {}): string {
  const [feature, ...rest] = key.split('.');
  if (feature !== 'actors' && feature !== 'activities') return nl(key, vars);
  features[feature] ??= JSON.parse(
    readFileSync(join(ROOT, `web/src/i18n/nl/${feature}.json`), 'utf8'),
  ) as Catalogue;
  let node: string | Catalogue | undefined = features[feature];
  for (const part of rest) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'string')
    throw new Error(`No text "${key}" in web/src/i18n/nl/${feature}.json`);
  return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, name: string) =>
    String(vars[name] ?? `{{${name}}}`),
  );
}

const carrier = { name: 'Fenna Fietsdraagster', search: 'fenna fiets' };
const organisation = { name: 'Stichting Buurtfiets Wijkhaven', search: 'buurtfiets' };
const activity = 'Fietsles voor nieuwe buren';
const initiative = 'Heel de wijk op de fiets';
const result = { title: '40 buren leerden fietsen', evidence: 'Presentielijsten van 12 lessen' };

/** Records an actor through the API, as the signed-in coordinator (session cookie + CSRF). */
async function createActor(page: Page, body: Record<string, unknown>): Promise<string> {
  const answer = await page.evaluate(async (input) => {
    const me = (await (await fetch('/api/v1/me')).json()) as { csrfToken: string };
    const response = await fetch('/api/v1/workspaces/demo/actors', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrfToken },
      body: JSON.stringify(input),
    });
    return { status: response.status, body: (await response.json()) as { id?: string } };
  }, body);
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body.id ?? '';
}

/** Narrows a record picker by typing, then chooses the match in its select. */
async function pick(scope: Page | Locator, query: string, option: string) {
  await scope.getByLabel(exact(t('activities.fields.actorSearch'))).fill(query);
  const list = scope.getByLabel(exact(t('activities.fields.actor')));
  await expect.poll(() => list.locator('option', { hasText: option }).count()).toBeGreaterThan(0);
  await list.selectOption({ label: option });
}

describe('journey: activities, initiatives and results ("wie doet wat")', () => {
  test('a coordinator records an activity, an initiative with its carrier and a credited result', async () => {
    await journey(app, 'initiatives: coordinator', async ({ page }) => {
      await open(page, '/inloggen', exact(nl('login.title')));
      await logIn(page, app.server.login('coordinator'));
      await mainHeading(page, exact(DEMO_WORKSPACE));

      const carrierId = await createActor(page, { kind: 'person', name: carrier.name });
      await createActor(page, {
        kind: 'organisation',
        name: organisation.name,
        orgKind: 'stichting_vereniging',
      });
      const personOption = `${carrier.name} (${t('actors.kind.person')})`;
      const organisationOption = `${organisation.name} (${t('actors.kind.organisation')})`;

      // 1. An activity for the carrier; first without a title: the form says what is missing.
      await open(page, `${WS}/activiteiten/nieuw`, exact(t('activities.newTitle')));
      await checkA11y(page, 'new activity form');
      await pick(page, carrier.search, personOption);
      await page.getByRole('button', { name: exact(t('activities.create')) }).click();
      const summary = page.getByRole('alert');
      await summary
        .getByText(nl('errors.field.required', { field: t('activities.fields.title') }))
        .waitFor();
      await expect.poll(() => summary.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(
        await page.getByLabel(exact(t('activities.fields.title'))).getAttribute('aria-invalid'),
      ).toBe('true');
      await checkA11y(page, 'new activity form with errors');

      await page.getByLabel(exact(t('activities.fields.title'))).fill(activity);
      await page
        .getByRole('group', { name: exact(t('actors.fields.domains')) })
        .getByRole('checkbox')
        .first()
        .check();
      await page.getByLabel(exact(t('activities.fields.hoursPerWeek'))).fill('2,5');
      expect(await page.getByLabel(exact(t('activities.fields.ongoing'))).isChecked()).toBe(true);
      await page.getByRole('button', { name: exact(t('activities.create')) }).click();
      await page.waitForURL(`**${WS}/actoren/${carrierId}`);
      await mainHeading(page, exact(carrier.name));
      await page.getByRole('main').getByText(activity).first().waitFor();
      await checkA11y(page, 'carrier page with the activity');

      // 2. The initiatives list, then a new initiative with the carrier and a partner.
      await open(page, `${WS}/initiatieven`, exact(t('activities.initiatives.title')));
      await checkA11y(page, 'initiatives list');
      await page.getByRole('link', { name: exact(t('activities.initiatives.new')) }).click();
      await mainHeading(page, exact(t('activities.initiatives.newTitle')));
      await checkA11y(page, 'new initiative form');

      await page.getByLabel(exact(t('activities.initiatives.fields.name'))).fill(initiative);
      await page
        .getByLabel(exact(t('activities.initiatives.fields.status')))
        .selectOption({ label: t('activities.initiatives.status.active') });
      const adder = page.getByRole('group', {
        name: exact(t('activities.initiatives.addParticipant')),
      });
      const addButton = adder.getByRole('button', {
        name: exact(t('activities.initiatives.addParticipantButton')),
      });
      await pick(adder, carrier.search, personOption);
      await adder
        .getByLabel(exact(t('activities.initiatives.newRole')))
        .selectOption({ label: t('activities.initiatives.role.carrier') });
      await addButton.click();
      // Focus moves to the new participant's role.
      const carrierRole = page.getByLabel(
        exact(t('activities.initiatives.fields.participantRole', { name: carrier.name })),
      );
      await expect
        .poll(() => carrierRole.evaluate((el) => el === document.activeElement))
        .toBe(true);
      await pick(adder, organisation.search, organisationOption);
      await adder
        .getByLabel(exact(t('activities.initiatives.newRole')))
        .selectOption({ label: t('activities.initiatives.role.partner') });
      await addButton.click();
      await page
        .getByLabel(
          exact(t('activities.initiatives.fields.participantRole', { name: organisation.name })),
        )
        .waitFor();
      await checkA11y(page, 'new initiative form with participants');
      await page.getByRole('button', { name: exact(t('activities.create')) }).click();

      await page.waitForURL(/\/w\/demo\/initiatieven\/[0-9a-f-]{36}$/);
      await mainHeading(page, exact(initiative));
      const initiativeUrl = new URL(page.url()).pathname;
      const participants = page.getByRole('region', {
        name: exact(t('activities.initiatives.participantsTitle')),
      });
      await participants
        .getByRole('list', { name: exact(t('activities.initiatives.carriers')) })
        .getByRole('link', { name: exact(carrier.name) })
        .waitFor();
      await participants
        .getByRole('list', { name: exact(t('activities.initiatives.partners')) })
        .getByRole('link', { name: exact(organisation.name) })
        .waitFor();
      await checkA11y(page, 'initiative page');

      // 3. A result credited to the carrier.
      const form = page.getByRole('region', {
        name: exact(t('activities.achievements.addTitle')),
      });
      await form
        .getByLabel(exact(t('activities.achievements.fields.type')))
        .selectOption({ label: t('activities.achievements.type.result') });
      await form.getByLabel(exact(t('activities.achievements.fields.title'))).fill(result.title);
      await form
        .getByLabel(exact(t('activities.achievements.fields.evidence')))
        .fill(result.evidence);
      await form
        .getByLabel(
          exact(
            t('activities.achievements.creditOption', {
              name: carrier.name,
              role: t('activities.initiatives.role.carrier').toLowerCase(),
            }),
          ),
        )
        .check();
      await form.getByRole('button', { name: exact(t('activities.achievements.add')) }).click();
      await page
        .getByRole('status')
        .getByText(t('activities.achievements.added', { title: result.title }))
        .waitFor();

      const results = page.getByRole('list', { name: exact(t('activities.achievements.results')) });
      const item = results.getByRole('listitem').filter({ hasText: result.title });
      await item.getByRole('heading', { name: exact(result.title) }).waitFor();
      await item.getByText(result.evidence).waitFor();
      await item.getByRole('link', { name: exact(carrier.name) }).waitFor();
      await checkA11y(page, 'initiative page with a result');

      // The list shows the initiative with its carrier, filtered by status.
      await open(page, `${WS}/initiatieven`, exact(t('activities.initiatives.title')));
      await page
        .getByLabel(exact(t('activities.initiatives.fields.status')))
        .selectOption({ label: t('activities.initiatives.status.active') });
      await page.getByRole('button', { name: exact(t('activities.initiatives.filter')) }).click();
      await page.waitForURL((url) => url.searchParams.get('status') === 'active');
      const row = page.getByRole('row').filter({ hasText: initiative });
      await row.getByRole('link', { name: exact(carrier.name) }).waitFor();
      await checkA11y(page, 'initiatives list filtered by status');

      // The carrier's page keeps the result in the track record (a project ends, history stays).
      await open(page, initiativeUrl, exact(initiative));
      await item.getByRole('link', { name: exact(carrier.name) }).click();
      await mainHeading(page, exact(carrier.name));
      await page.getByRole('main').getByText(result.title).first().waitFor();
      await page.getByRole('main').getByText(initiative).first().waitFor();
    });
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { DEMO_WORKSPACE, exact, logIn, nl, open } from './support/app.ts';
import { checkA11y, mainHeading } from './support/browser.ts';
import { journey, useApp } from './support/fixture.ts';
import { ROOT } from './support/server.ts';

/**
 * Directory and carriers (issue 3): a coordinator records a carrier with consent, finds it by a
 * prefix typed without diacritics, links it to an organisation (affiliation: add, edit, delete,
 * from either page), and a member never sees a private carrier — not in search and not by its
 * address — and cannot change affiliations.
 */

const app = useApp();
const WS = '/w/demo';

// The shared helper reads web/src/i18n/nl.json; the directory and actor texts live in their
// feature catalogues (web/src/i18n/nl/<feature>.json, keys `<feature>.…`).
type Catalogue = { [key: string]: string | Catalogue };
const features: Record<string, Catalogue> = {};
function t(key: string, vars: Record<string, string | number> = {}): string {
  const [feature, ...rest] = key.split('.');
  if (feature !== 'actors' && feature !== 'directory' && feature !== 'activities')
    return nl(key, vars);
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

/** Yesterday as YYYY-MM-DD: a consent date that is never in the future for the server. */
function yesterday(): string {
  return new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
}

const visible = { name: 'Anaïs Çelikbaş-Wijkdraagster', query: 'anais celikbas' };
const hidden = { name: 'Zoë Geheimhoudster', query: 'zoe geheimhoud' };
const organisation = { name: 'Stichting Wijkkracht Verbindt', query: 'wijkkracht verb' };

/** Is this element the one with keyboard focus? */
const hasFocus = (locator: Locator) => locator.evaluate((el) => el === document.activeElement);

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

/** The table of an actor's affiliations (its caption names the actor). */
const affiliationTable = (page: Page, actorName: string) =>
  page.getByRole('region', { name: exact(t('actors.affiliations.caption', { name: actorName })) });

/** The row of an affiliation, found by the other party's link. */
const affiliationRow = (page: Page, actorName: string, other: string) =>
  affiliationTable(page, actorName)
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: exact(other) }) });

/**
 * Fills the "add a connection" form: search for the other party, pick it, role and start date;
 * then checks the confirmation and that focus moved to the new row.
 */
async function addAffiliation(
  page: Page,
  actorName: string,
  other: { name: string; query: string; kind: 'organisation' | 'person' },
  role: string,
): Promise<void> {
  const form = page.getByRole('region', { name: exact(t('actors.affiliations.addTitle')) });
  const org = other.kind === 'organisation';
  await form
    .getByLabel(
      exact(t(org ? 'actors.affiliations.searchOrganisation' : 'actors.affiliations.searchPerson')),
    )
    .fill(other.query);
  const select = form.getByLabel(
    exact(t(org ? 'actors.affiliations.organisation' : 'actors.affiliations.person')),
  );
  await expect.poll(() => select.locator('option', { hasText: other.name }).count()).toBe(1);
  await select.selectOption({ label: other.name });
  await form.getByLabel(exact(t('actors.affiliations.role'))).fill(role);
  await form.getByLabel(exact(t('actors.affiliations.startDate'))).fill('2024-01-15');
  await form.getByRole('button', { name: exact(t('actors.affiliations.add')) }).click();
  await page
    .getByRole('status')
    .getByText(t('actors.affiliations.added', { name: other.name }))
    .waitFor();
  const row = affiliationRow(page, actorName, other.name);
  await row.getByRole('cell', { name: exact(role) }).waitFor();
  await expect.poll(() => hasFocus(row.getByRole('link', { name: exact(other.name) }))).toBe(true);
}

/**
 * A coordinator links the carrier to an organisation from the carrier's page, sees it on both
 * pages, ends it and deletes it from the organisation's page, and links them again from there.
 */
async function affiliationSteps(page: Page, carrierPath: string): Promise<void> {
  await createActor(page, {
    kind: 'organisation',
    name: organisation.name,
    orgKind: 'stichting_vereniging',
    visibility: 'workspace',
  });
  await open(page, carrierPath, exact(visible.name));

  // Nothing picked, no role: the error summary takes focus and names both fields.
  const form = page.getByRole('region', { name: exact(t('actors.affiliations.addTitle')) });
  await form.getByRole('button', { name: exact(t('actors.affiliations.add')) }).click();
  const summary = form.getByRole('alert');
  await summary
    .getByText(nl('errors.field.required', { field: t('actors.affiliations.organisation') }))
    .waitFor();
  await summary
    .getByText(nl('errors.field.required', { field: t('actors.affiliations.role') }))
    .waitFor();
  await expect.poll(() => hasFocus(summary)).toBe(true);
  expect(
    await form.getByLabel(exact(t('actors.affiliations.role'))).getAttribute('aria-invalid'),
  ).toBe('true');
  await checkA11y(page, 'affiliation form with errors');

  await addAffiliation(
    page,
    visible.name,
    { ...organisation, kind: 'organisation' },
    'Bestuurslid',
  );
  await checkA11y(page, 'carrier page with an affiliation');

  // The organisation's page lists the carrier among its people.
  await affiliationRow(page, visible.name, organisation.name)
    .getByRole('link', { name: exact(organisation.name) })
    .click();
  await mainHeading(page, exact(organisation.name));
  const row = affiliationRow(page, organisation.name, visible.name);
  await row.getByRole('cell', { name: exact('Bestuurslid') }).waitFor();
  await page.getByRole('heading', { level: 2, name: exact(t('activities.listTitle')) }).waitFor();
  await checkA11y(page, 'organisation page with a person');

  // End it: the edit form opens with focus on the role; saving returns focus to the row.
  const withName = t('actors.affiliations.withName', { name: visible.name });
  const edit = row.getByRole('button', {
    name: exact(`${t('actors.affiliations.edit')} ${withName}`),
  });
  await edit.click();
  const editForm = page.getByRole('region', {
    name: exact(t('actors.affiliations.editTitle', { name: visible.name })),
  });
  await expect
    .poll(() => hasFocus(editForm.getByLabel(exact(t('actors.affiliations.role')))))
    .toBe(true);
  await checkA11y(page, 'affiliation edit form');
  await editForm.getByLabel(exact(t('actors.affiliations.endDate'))).fill('2025-06-30');
  await editForm.getByRole('button', { name: exact(t('actors.affiliations.save')) }).click();
  await page
    .getByRole('status')
    .getByText(t('actors.affiliations.saved', { name: visible.name }))
    .waitFor();
  await row.getByText(t('actors.affiliations.ended')).waitFor();
  await expect.poll(() => hasFocus(edit)).toBe(true);

  // Delete it, after a confirmation; focus goes to the section's heading.
  await row
    .getByRole('button', { name: exact(`${t('actors.affiliations.delete')} ${withName}`) })
    .click();
  const dialog = page.getByRole('dialog', { name: exact(t('actors.affiliations.deleteTitle')) });
  await dialog.waitFor();
  await checkA11y(page, 'delete affiliation dialog');
  await dialog.getByRole('button', { name: exact(t('actors.affiliations.deleteConfirm')) }).click();
  await page
    .getByRole('status')
    .getByText(t('actors.affiliations.deleted', { name: visible.name }))
    .waitFor();
  await page.getByText(t('actors.affiliations.empty')).waitFor();
  const people = page.getByRole('heading', {
    level: 2,
    name: exact(t('actors.affiliations.people')),
  });
  await expect.poll(() => hasFocus(people)).toBe(true);

  // Linked again, now from the organisation's side (the picker offers carriers here).
  await addAffiliation(page, organisation.name, { ...visible, kind: 'person' }, 'Vrijwilliger');
  await checkA11y(page, 'organisation page with a person again');
  await affiliationRow(page, organisation.name, visible.name)
    .getByRole('link', { name: exact(visible.name) })
    .click();
  await mainHeading(page, exact(visible.name));
  await affiliationRow(page, visible.name, organisation.name)
    .getByRole('cell', { name: exact('Vrijwilliger') })
    .waitFor();
}

/** The results region of the directory, and its polite count. */
const results = (page: Page) =>
  page.getByRole('region', { name: exact(t('directory.resultsTitle')) });

async function search(page: Page, q: string): Promise<void> {
  const form = page.getByRole('search', { name: exact(t('directory.formLabel')) });
  await form.getByLabel(exact(t('directory.query'))).fill(q);
  await form.getByRole('button', { name: exact(t('directory.submit')) }).click();
  await page.waitForURL((url) => url.searchParams.get('q') === q);
}

describe('journey: carriers in the directory ("wie doet wat")', () => {
  test('a coordinator records a carrier with consent and finds it; a member never sees a private one', async () => {
    let hiddenUrl = '';

    await journey(app, 'directory: coordinator', async ({ page }) => {
      await open(page, '/inloggen', exact(nl('login.title')));
      await logIn(page, app.server.login('coordinator'));
      await mainHeading(page, exact(DEMO_WORKSPACE));

      await open(page, `${WS}/zoeken`, exact(t('directory.title')));
      await checkA11y(page, 'directory (coordinator)');

      // A carrier made visible to the workspace, first without consent: the form refuses.
      await page.getByRole('link', { name: exact(t('actors.newPerson')) }).click();
      await mainHeading(page, exact(t('actors.newPerson')));
      await checkA11y(page, 'new carrier form');
      await page.getByLabel(exact(t('actors.fields.name'))).fill(visible.name);
      await page
        .getByLabel(exact(t('actors.fields.carries')))
        .fill('De buurtmoestuin en het taalcafé');
      await page.getByRole('button', { name: exact(t('actors.addRole')) }).click();
      const role = page.getByLabel(exact(t('actors.fields.role', { n: 1 })));
      await expect.poll(() => role.evaluate((el) => el === document.activeElement)).toBe(true);
      await role.selectOption({ label: t('actors.role.vrijwilliger') });
      await page
        .getByRole('group', { name: exact(t('actors.fields.domains')) })
        .getByRole('checkbox')
        .first()
        .check();
      const visibility = page.getByLabel(exact(t('actors.fields.visibility')));
      await visibility.selectOption({ label: t('actors.visibility.workspace') });
      await page.getByRole('button', { name: exact(t('actors.create')) }).click();

      const summary = page.getByRole('alert');
      await summary.getByText(t('actors.errors.consentRequired')).waitFor();
      await expect.poll(() => summary.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await visibility.getAttribute('aria-invalid')).toBe('true');
      expect(page.url()).toContain('/actoren/nieuw');
      await checkA11y(page, 'new carrier form with errors');

      // With consent recorded (day and text version) it is saved, and its page opens.
      await page.getByLabel(exact(t('actors.fields.consent'))).check();
      await page.getByLabel(exact(t('actors.fields.consentDate'))).fill(yesterday());
      await page.getByLabel(exact(t('actors.fields.consentTextVersion'))).fill('2026-1');
      await page.getByRole('button', { name: exact(t('actors.create')) }).click();
      await page.waitForURL(/\/w\/demo\/actoren\/[0-9a-f-]{36}$/);
      await mainHeading(page, exact(visible.name));
      const main = page.getByRole('main');
      await main.getByText('De buurtmoestuin en het taalcafé').waitFor();
      await main.getByText(t('actors.role.vrijwilliger')).first().waitFor();
      await main.getByText(t('actors.visibilityHelp.workspace')).waitFor();
      await main.getByText(/2026-1/).waitFor();
      await main.getByRole('heading', { level: 2, name: exact(t('actors.track.title')) }).waitFor();
      await checkA11y(page, 'carrier page (coordinator)');
      const carrierPath = new URL(page.url()).pathname;

      // The carrier's activities, with a link to add one for this carrier.
      await main
        .getByRole('heading', { level: 2, name: exact(t('activities.listTitle')) })
        .waitFor();
      const addActivity = main.getByRole('link', { name: exact(t('activities.add')) });
      expect(await addActivity.getAttribute('href')).toBe(
        `${WS}/activiteiten/nieuw?actorId=${carrierPath.split('/').pop()}`,
      );

      await affiliationSteps(page, carrierPath);

      // A second carrier stays private: no consent, default visibility.
      await open(page, `${WS}/actoren/nieuw?kind=person`, exact(t('actors.newPerson')));
      await page.getByLabel(exact(t('actors.fields.name'))).fill(hidden.name);
      expect(await page.getByLabel(exact(t('actors.fields.visibility'))).inputValue()).toBe(
        'private',
      );
      await page.getByRole('button', { name: exact(t('actors.create')) }).click();
      await page.waitForURL(/\/w\/demo\/actoren\/[0-9a-f-]{36}$/);
      await mainHeading(page, exact(hidden.name));
      await page.getByText(t('actors.consentNone')).waitFor();
      hiddenUrl = new URL(page.url()).pathname;

      // Search by a prefix typed without diacritics finds the carrier; the count is announced.
      await open(page, `${WS}/zoeken`, exact(t('directory.title')));
      await search(page, visible.query);
      const status = results(page).getByRole('status');
      await expect
        .poll(() => status.textContent())
        .toBe(t('directory.countFor_one', { count: 1, q: visible.query }));
      await checkA11y(page, 'directory results (coordinator)');
      await results(page)
        .getByRole('link', { name: exact(visible.name) })
        .click();
      await mainHeading(page, exact(visible.name));

      // The coordinator sees the private carrier in search.
      await open(page, `${WS}/zoeken?q=${encodeURIComponent(hidden.query)}`);
      await results(page)
        .getByRole('link', { name: exact(hidden.name) })
        .waitFor();
    });

    await journey(app, 'directory: member', async ({ page }) => {
      await open(page, '/inloggen', exact(nl('login.title')));
      await logIn(page, app.server.login('member'));
      await mainHeading(page, exact(DEMO_WORKSPACE));

      // The workspace carrier is found, and the shared link (state in the URL) works.
      await open(page, `${WS}/zoeken?q=${encodeURIComponent(visible.query)}`);
      await results(page)
        .getByRole('link', { name: exact(visible.name) })
        .waitFor();
      await checkA11y(page, 'directory results (member)');

      // The private carrier is not: not in search ...
      await search(page, hidden.query);
      await expect
        .poll(() => results(page).getByRole('status').textContent())
        .toBe(t('directory.countFor_other', { count: 0, q: hidden.query }));
      expect(
        await results(page)
          .getByRole('link', { name: exact(hidden.name) })
          .count(),
      ).toBe(0);
      await checkA11y(page, 'directory without results (member)');

      // ... and not by its address.
      await open(page, hiddenUrl, exact(nl('notFound.title')));
      expect(await page.getByText(hidden.name).count()).toBe(0);
      await checkA11y(page, 'private carrier (member)');

      // The visible carrier's page: no edit or delete for a member, no contact or consent.
      await open(page, `${WS}/zoeken?q=${encodeURIComponent(visible.query)}`);
      await results(page)
        .getByRole('link', { name: exact(visible.name) })
        .click();
      await mainHeading(page, exact(visible.name));
      expect(await page.getByRole('link', { name: new RegExp(t('actors.edit')) }).count()).toBe(0);
      expect(await page.getByRole('button', { name: new RegExp(t('actors.delete')) }).count()).toBe(
        0,
      );
      expect(
        await page.getByRole('heading', { name: exact(t('actors.consentTitle')) }).count(),
      ).toBe(0);
      // The affiliation shows, without the means to change it.
      await affiliationRow(page, visible.name, organisation.name)
        .getByRole('cell', { name: exact('Vrijwilliger') })
        .waitFor();
      expect(
        await page.getByRole('region', { name: exact(t('actors.affiliations.addTitle')) }).count(),
      ).toBe(0);
      expect(
        await page
          .getByRole('button', {
            name: new RegExp(t('actors.affiliations.withName', { name: '' })),
          })
          .count(),
      ).toBe(0);
      expect(await page.getByRole('link', { name: exact(t('activities.add')) }).count()).toBe(0);
      await checkA11y(page, 'carrier page (member)');
    });
  });
});

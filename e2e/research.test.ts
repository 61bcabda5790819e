import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { DEMO_WORKSPACE, exact, logIn, nl, open } from './support/app.ts';
import { checkA11y, mainHeading } from './support/browser.ts';
import { journey, useApp } from './support/fixture.ts';
import { findLink } from './support/smtp-sink.ts';

// Issue 8's journey: an admin creates a study and appoints the demo researcher as its steward;
// she adds an external participant with consent, builds a wave (Likert + open text), opens it
// and invites; the participant answers through the emailed link without an account; back in
// the study she sees the response, records an interview and codes a fragment of it; she compares
// the demo study's two waves ten years apart (chart and table) and downloads a pseudonymised
// export. axe on every page and state; no console errors anywhere.

const app = useApp();
const TITLE = 'Dragers in beeld (journey)';
const DEMO_STUDY = 'Beste personen in Wijkhaven — tienjarige follow-up';
const WAVE = 'Meting journey';
const PERSON = { name: 'Wilma Journeyman', email: 'wilma.journeyman@example.org' };
const LIKERT = 'Ik vertrouw de instellingen in mijn buurt.';
const OPEN = 'Wat wilt u de onderzoekers nog vertellen?';
const ANSWER = 'De buurtkamer is mijn tweede huis.';
const INTERVIEW = 'Gesprek over de buurtkamer';
const TRANSCRIPT =
  'I: Wat betekent de buurtkamer voor u?\nR: Daar vind ik steun van de buren, elke dinsdag.';
const CODE = 'Steun van buren';

const login = async (page: Page, role: 'admin' | 'researcher') => {
  await open(page, '/inloggen', exact(nl('login.title')));
  await logIn(page, app.server.login(role));
  await mainHeading(page, exact(DEMO_WORKSPACE));
};
const status = (page: Page, text: string) => page.getByRole('status').getByText(text).waitFor();
const studyPage = async (page: Page, url: string, title: string) => {
  await page.goto(url);
  await mainHeading(page, exact(title));
};
const part = async (page: Page, key: string, heading: string) => {
  await page.getByRole('link', { name: exact(nl(`research.study.page.${key}`)) }).click();
  await mainHeading(page, exact(heading));
};

describe('journey: a longitudinal study from its creation to an export', () => {
  test('a study, a participant with consent, a wave answered by link, an interview coded, the demo waves compared, an export', async () => {
    const researcher = app.server.login('researcher');
    let studyUrl = '';
    let waveUrl = '';
    let pseudonym = '';
    let link = '';

    await journey(
      app,
      'research: admin creates a study and appoints a steward',
      async ({ page }) => {
        await login(page, 'admin');
        const nav = page.getByRole('navigation', { name: exact(nl('layout.primaryNav')) });
        await nav.getByRole('link', { name: exact(nl('research.nav')) }).click();
        await mainHeading(page, exact(nl('research.studies.title')));
        // The demo study is listed (with its steward); the admin sees every study.
        await page.getByRole('rowheader', { name: exact(DEMO_STUDY) }).waitFor();
        await checkA11y(page, 'research studies');
        await page.getByLabel(exact(nl('research.studies.fields.title'))).fill(TITLE);
        await page.getByRole('button', { name: exact(nl('research.studies.create')) }).click();
        await mainHeading(page, exact(TITLE));
        studyUrl = page.url();
        await checkA11y(page, 'new study');
        await page
          .getByRole('button', { name: exact(nl('research.study.toStatus.active')) })
          .click();
        await status(page, nl('research.study.statusChanged.active'));
        await page.getByLabel(exact(nl('research.team.stewardEmail'))).fill(researcher.email);
        await page.getByRole('button', { name: exact(nl('research.team.appoint')) }).click();
        await status(page, nl('research.team.appointed', { name: 'Olga Onderzoek' }));
        await page
          .getByRole('table', { name: exact(nl('research.team.caption')) })
          .getByRole('row')
          .filter({ hasText: 'Olga Onderzoek' })
          .getByText(exact(nl('research.role.steward')))
          .waitFor();
        await checkA11y(page, 'study with a steward');
      },
    );

    await journey(
      app,
      'research: the steward adds a participant and builds a wave',
      async ({ page }) => {
        await login(page, 'researcher');
        await studyPage(page, studyUrl, TITLE);
        await checkA11y(page, 'study (steward)');
        await part(page, 'participants', nl('research.participants.title'));
        await checkA11y(page, 'participants (empty)');
        await page.getByLabel(exact(nl('research.participants.kind.external'))).check();
        await page.getByLabel(exact(nl('research.participants.fields.name'))).fill(PERSON.name);
        await page.getByLabel(exact(nl('research.participants.fields.email'))).fill(PERSON.email);
        await page.getByRole('button', { name: exact(nl('research.participants.add')) }).click();
        const added = page.getByRole('status').getByText(/^Deelnemer P-[A-Z2-7]+ is toegevoegd\.$/);
        await added.waitFor();
        pseudonym = /P-[A-Z2-7]+/.exec((await added.textContent()) ?? '')![0];
        // The new participant's consent opens: no consent yet, so nothing may be collected.
        await mainHeading(page, exact(nl('research.participants.title')));
        await page.getByText(nl('research.consent.mayNotCollect')).waitFor();
        await checkA11y(page, 'participant consent (none yet)');
        await page
          .getByLabel(exact(nl('research.consent.fields.purpose')))
          .selectOption('participation');
        await page.getByLabel(exact(nl('research.consent.fields.letterVersion'))).fill('2026-1');
        await page.getByRole('button', { name: exact(nl('research.consent.recordGiven')) }).click();
        await status(
          page,
          nl('research.consent.recorded.given', {
            purpose: nl('research.purpose.participation'),
            pseudonym,
          }),
        );
        await page.getByText(nl('research.consent.mayCollect')).waitFor();
        const row = page
          .getByRole('row')
          .filter({ has: page.getByRole('rowheader', { name: pseudonym }) });
        await row
          .getByRole('cell', { name: exact(nl('research.consentState.given')) })
          .first()
          .waitFor();
        await checkA11y(page, 'participant with consent');

        await studyPage(page, studyUrl, TITLE);
        await part(page, 'waves', nl('research.waves.title'));
        await checkA11y(page, 'waves (empty)');
        await page.getByLabel(exact(nl('research.waves.fields.title'))).fill(WAVE);
        await page.getByLabel(exact(nl('research.waves.fields.startsOn'))).fill('2026-11-01');
        await page.getByRole('button', { name: exact(nl('research.waves.create')) }).click();
        await mainHeading(page, exact(WAVE));
        waveUrl = page.url();
        await checkA11y(page, 'wave (draft, no items)');
        await page.getByRole('button', { name: exact(nl('research.builder.addOpen')) }).click();
        const code = page.getByLabel(exact(nl('research.item.fields.code')));
        await code.fill('vertrouwen');
        await page.getByLabel(exact(nl('research.item.fields.promptNl'))).fill(LIKERT);
        await page.getByRole('button', { name: exact(nl('research.builder.add')) }).click();
        await status(page, nl('research.builder.added', { code: 'vertrouwen' }));
        // The builder lists the item and offers an empty editor for the next one.
        await page
          .getByRole('heading', { name: exact(nl('research.builder.title_one', { count: 1 })) })
          .waitFor();
        await expect.poll(() => code.inputValue()).toBe('');
        await checkA11y(page, 'item editor');
        await code.fill('toelichting');
        await page.getByLabel(exact(nl('research.item.fields.kind'))).selectOption('text');
        await page.getByLabel(exact(nl('research.item.fields.promptNl'))).fill(OPEN);
        await page.getByRole('button', { name: exact(nl('research.builder.add')) }).click();
        await status(page, nl('research.builder.added', { code: 'toelichting' }));
        await page
          .getByRole('heading', { name: exact(nl('research.builder.title_other', { count: 2 })) })
          .waitFor();
        await checkA11y(page, 'wave with two items');

        await page.getByRole('button', { name: exact(nl('research.wave.open')) }).click();
        await status(page, nl('research.wave.done.open'));
        await checkA11y(page, 'wave (open)');
        await page.getByRole('button', { name: exact(nl('research.invite.send')) }).click();
        // The result is a heading that takes focus, then the invitation is listed.
        const result = page.getByRole('heading', {
          name: exact(nl('research.invite.created_one', { count: 1 })),
        });
        await result.waitFor();
        await expect.poll(() => result.evaluate((el) => el === document.activeElement)).toBe(true);
        await page.getByRole('rowheader', { name: pseudonym }).waitFor();
        await checkA11y(page, 'wave with an invitation');
        const mail = await app.server.sink.waitFor((m) => m.to.includes(PERSON.email));
        expect(mail.subject).toContain(TITLE);
        expect(mail.text).not.toContain(pseudonym);
        link = findLink(mail.text, `${app.server.url}/onderzoek/vragenlijst/`);
      },
    );

    await journey(
      app,
      'research: the participant answers by the emailed link',
      async ({ page }) => {
        await page.goto(link);
        await mainHeading(page, exact(WAVE));
        await page.getByText(nl('research.q.lead', { study: TITLE })).waitFor();
        await checkA11y(page, 'research questionnaire');
        await page
          .getByRole('group', { name: exact(LIKERT) })
          .getByLabel(exact('4'))
          .check();
        await page.getByText(/^Opgeslagen om/).waitFor();
        const open = page.getByLabel(exact(OPEN));
        await open.fill(ANSWER);
        await Promise.all([
          page.waitForResponse(
            (r) =>
              r.url().includes('/api/v1/') && r.request().method() !== 'GET' && r.status() === 200,
          ),
          open.blur(),
        ]);
        await page.getByRole('button', { name: exact(nl('research.q.submit')) }).click();
        await mainHeading(page, exact(nl('research.q.thanksTitle')));
        await checkA11y(page, 'research questionnaire thanks');
        // Single use: the link now says it was submitted.
        await page.goto(link);
        await page.getByRole('alert').getByText(nl('research.q.refusal.submitted')).waitFor();
        await checkA11y(page, 'spent research link');
      },
    );

    await journey(
      app,
      'research: the steward sees the response, records and codes an interview',
      async ({ page }) => {
        await login(page, 'researcher');
        await studyPage(page, waveUrl, WAVE);
        await page
          .getByText(
            nl('research.wave.counts', { invited: 1, started: 1, submitted: 1, respondents: 1 }),
          )
          .waitFor();
        await page
          .getByRole('row')
          .filter({ has: page.getByRole('rowheader', { name: pseudonym }) })
          .getByText(exact(nl('research.invitationStatus.submitted')))
          .waitFor();
        await checkA11y(page, 'wave with a response');

        await studyPage(page, studyUrl, TITLE);
        await part(page, 'codebook', nl('researchAnalysis.codebook.title'));
        await checkA11y(page, 'codebook (empty)');
        await page.getByLabel(exact(nl('researchAnalysis.codebook.name'))).fill(CODE);
        await page
          .getByRole('button', { name: exact(nl('researchAnalysis.codebook.add')) })
          .click();
        await status(page, nl('researchAnalysis.codebook.added', { name: CODE }));
        await checkA11y(page, 'codebook with a code');

        await studyPage(page, studyUrl, TITLE);
        await part(page, 'interviews', nl('researchAnalysis.interviews.title'));
        await checkA11y(page, 'interviews (empty)');
        const form = page.getByRole('region', {
          name: exact(nl('researchAnalysis.interviews.newTitle')),
        });
        await form
          .getByLabel(exact(nl('researchAnalysis.fields.participant')))
          .selectOption({ label: pseudonym });
        await form.getByLabel(exact(nl('researchAnalysis.fields.heldOn'))).fill('2026-11-20');
        await form.getByLabel(exact(nl('researchAnalysis.fields.title'))).fill(INTERVIEW);
        await form.getByLabel(exact(nl('researchAnalysis.fields.transcriptText'))).fill(TRANSCRIPT);
        await form
          .getByRole('button', { name: exact(nl('researchAnalysis.interviews.create')) })
          .click();
        await mainHeading(page, exact(INTERVIEW));
        await page.getByText(nl('researchAnalysis.interview.lead', { pseudonym })).waitFor();
        await checkA11y(page, 'interview');
        const quote = 'steun van de buren';
        const start = TRANSCRIPT.indexOf(quote);
        await page
          .getByLabel(exact(nl('researchAnalysis.coding.code')))
          .selectOption({ label: CODE });
        await page.getByLabel(exact(nl('researchAnalysis.coding.start'))).fill(String(start));
        await page
          .getByLabel(exact(nl('researchAnalysis.coding.end')))
          .fill(String(start + quote.length));
        await page
          .getByRole('button', { name: exact(nl('researchAnalysis.coding.submit')) })
          .click();
        await page
          .getByRole('status')
          .getByText(nl('researchAnalysis.coding.coded', { code: CODE, text: quote }))
          .waitFor();
        await page
          .getByRole('table', { name: exact(nl('researchAnalysis.coding.segmentsCaption')) })
          .getByRole('row')
          .filter({ hasText: quote })
          .waitFor();
        await checkA11y(page, 'interview with a coded fragment');
      },
    );

    await journey(
      app,
      'research: the demo waves compared, and a pseudonymised export',
      async ({ page }) => {
        await login(page, 'researcher');
        const nav = page.getByRole('navigation', { name: exact(nl('layout.primaryNav')) });
        await nav.getByRole('link', { name: exact(nl('research.nav')) }).click();
        await mainHeading(page, exact(nl('research.studies.title')));
        await page.getByRole('link', { name: exact(DEMO_STUDY) }).click();
        await mainHeading(page, exact(DEMO_STUDY));
        await checkA11y(page, 'demo study (researcher)');
        await part(page, 'comparison', nl('researchAnalysis.comparison.title'));
        // Support from institutions, 2016 against 2026: a chart and its table for the same numbers.
        const code = 'steun_instellingen';
        const chart = page.getByRole('img', {
          name: exact(nl('researchAnalysis.comparison.distributionChart', { code })),
        });
        await chart.locator('svg.wd-plot').waitFor();
        expect(await chart.locator('svg.wd-plot rect').count()).toBeGreaterThan(2);
        const table = page.getByRole('table', {
          name: exact(nl('researchAnalysis.comparison.distributionCaption', { code })),
        });
        await table
          .getByRole('columnheader', {
            name: exact(nl('researchAnalysis.comparison.count', { wave: 'Meting 2016' })),
          })
          .waitFor();
        await table
          .getByRole('columnheader', {
            name: exact(nl('researchAnalysis.comparison.count', { wave: 'Meting 2026' })),
          })
          .waitFor();
        expect(await table.locator('tbody tr').count()).toBeGreaterThan(1);
        await page
          .getByRole('heading', {
            name: exact(
              nl('researchAnalysis.comparison.pairedTitle', {
                from: 'Meting 2016',
                to: 'Meting 2026',
              }),
            ),
          })
          .first()
          .waitFor();
        // Seven answered both waves: two dropped out and one joined in 2026.
        const attrition = page.getByRole('table', {
          name: exact(nl('researchAnalysis.comparison.attritionCaption')),
        });
        const later = attrition.getByRole('row').filter({ hasText: 'Meting 2026' });
        await expect
          .poll(() => later.getByRole('cell').allTextContents())
          .toEqual(['8', '7', '2', '1']);
        await checkA11y(page, 'comparison of the demo waves');

        // The journey's study: answers.csv carries the pseudonym and the answer, never who it is.
        await studyPage(page, studyUrl, TITLE);
        await part(page, 'export', nl('researchAnalysis.export.title'));
        await checkA11y(page, 'export');
        const [file] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('link', { name: exact('answers.csv') }).click(),
        ]);
        const csv = readFileSync((await file.path())!, 'utf8');
        expect(csv).toContain(pseudonym);
        expect(csv).toContain('vertrouwen');
        expect(csv).not.toContain(PERSON.email);
        expect(csv).not.toContain('Journeyman');
        expect(csv).not.toMatch(/@/);
      },
    );
  });
});

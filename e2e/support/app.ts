import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { mainHeading } from './browser.ts';
import { ROOT, type DemoLogin } from './server.ts';

/**
 * Texts come from the web app's own catalogues (web/src/i18n), so the journeys find elements by the
 * accessible names people actually see, in the language under test, without copying every string.
 */

export type Lang = 'nl' | 'en';
type Catalogue = { [key: string]: string | Catalogue };

const catalogues: Partial<Record<Lang, Catalogue>> = {};

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Catalogue;

/** The shared catalogue plus each feature's file (web/src/i18n/<lang>/<feature>.json → `<feature>.…`). */
function catalogue(lang: Lang): Catalogue {
  if (!catalogues[lang]) {
    const all = readJson(join(ROOT, `web/src/i18n/${lang}.json`));
    const dir = join(ROOT, `web/src/i18n/${lang}`);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      all[file.replace(/\.json$/, '')] = readJson(join(dir, file));
    }
    catalogues[lang] = all;
  }
  return catalogues[lang];
}

/** A catalogue text with `{{name}}` placeholders filled; throws on a key the app does not have. */
export function text(lang: Lang, key: string, vars: Record<string, string | number> = {}): string {
  let node: string | Catalogue | undefined = catalogue(lang);
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'string')
    throw new Error(`No text "${key}" in web/src/i18n/${lang}(/*).json`);
  return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, name: string) =>
    String(vars[name] ?? `{{${name}}}`),
  );
}

export const nl = (key: string, vars?: Record<string, string | number>) => text('nl', key, vars);
export const en = (key: string, vars?: Record<string, string | number>) => text('en', key, vars);

/** Exact, whole-string match for getByRole/getByLabel names. */
export const exact = (s: string): RegExp =>
  new RegExp(`^\\s*${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);

export const DEMO_WORKSPACE = 'Gemeente Wijkhaven (demo)';

/** Fills the login form with labels and submits with the button, as a sighted mouse user would. */
export async function logIn(
  page: Page,
  login: Pick<DemoLogin, 'email' | 'password'>,
  lang: Lang = 'nl',
): Promise<void> {
  await page.getByLabel(exact(text(lang, 'fields.email'))).fill(login.email);
  await page.getByLabel(exact(text(lang, 'fields.password'))).fill(login.password);
  await page.getByRole('button', { name: exact(text(lang, 'login.submit')) }).click();
}

/** Opens a path and waits for the page's main heading; returns it. */
export async function open(page: Page, path: string, heading?: string | RegExp) {
  await page.goto(path);
  return mainHeading(page, heading);
}

export async function htmlLang(page: Page): Promise<string | null> {
  return page.evaluate(() => document.documentElement.getAttribute('lang'));
}

export async function expectHtmlLang(page: Page, lang: Lang): Promise<void> {
  await expect.poll(() => htmlLang(page), { timeout: 5_000 }).toBe(lang);
}

/** Describes the focused element: tag, id, text and href, for focus-order assertions. */
export async function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName.toLowerCase() ?? null,
      id: el?.id ?? '',
      text: el?.textContent?.trim() ?? '',
      href: el?.getAttribute('href') ?? null,
      role: el?.getAttribute('role') ?? null,
    };
  });
}

/** The text an assistive technology reads as the element's description (aria-describedby). */
export async function accessibleDescription(page: Page, selector: string): Promise<string> {
  return page.locator(selector).evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent?.trim() ?? `(missing #${id})`)
      .join(' '),
  );
}

function leaves(node: string | Catalogue, out: string[] = []): string[] {
  if (typeof node === 'string') out.push(node);
  else for (const value of Object.values(node)) leaves(value, out);
  return out;
}

/**
 * Dutch catalogue texts visible on a page that is meant to be English: a component that did not
 * follow the language switch. Texts that also occur in the English catalogue ("Nederlands" on the
 * switch, "Privacy") and texts with placeholders are left out, and so are `data` texts shown on the
 * page (names of workspaces, people and organisations are not translated: "Gemeente Wijkhaven").
 */
export async function dutchLeftovers(page: Page, data: string[] = []): Promise<string[]> {
  const english = new Set(leaves(catalogue('en')));
  const dutchOnly = [...new Set(leaves(catalogue('nl')))].filter(
    (s) => !english.has(s) && !s.includes('{{') && s.length >= 4,
  );
  const withoutData = (text: string) => data.reduce((t, d) => t.split(d).join(' '), text);
  const visible = withoutData(await page.evaluate(() => document.body.innerText));
  const title = withoutData(await page.title());
  // Whole words only: the Dutch "Start" must not match the English "Started".
  const shown = (s: string) =>
    new RegExp(`(^|[^\\p{L}])${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u');
  return dutchOnly.filter((s) => shown(s).test(visible) || shown(s).test(title));
}

export async function expectEnglish(page: Page, label: string, data: string[] = []): Promise<void> {
  await expectHtmlLang(page, 'en');
  expect
    .soft(
      await dutchLeftovers(page, data),
      `Dutch texts left on ${label} after switching to English`,
    )
    .toEqual([]);
}

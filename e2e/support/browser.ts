import { AxeBuilder } from '@axe-core/playwright';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type ConsoleMessage,
  type Page,
} from 'playwright-core';
import { expect } from 'vitest';

/** Debian's Chromium, driven by playwright-core (never a downloaded browser build). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // WebGL (the network graph, Sigma) through SwiftShader: today's Chromium falls back to it by
  // itself with --disable-gpu; this keeps it when that automatic fallback goes away.
  '--enable-unsafe-swiftshader',
];

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Playwright gives every launch its own fresh temporary profile (user data dir). */
export async function launchBrowser(): Promise<Browser> {
  try {
    return await chromium.launch({
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
      timeout: 60_000,
    });
  } catch (err) {
    throw new Error(
      `Could not start Chromium at ${CHROMIUM} (install it with \`apt-get install -y chromium\`): ${String(err)}`,
      { cause: err },
    );
  }
}

/**
 * Everything a page must not produce: console errors, uncaught exceptions, CSP violations and
 * server errors. API answers of 4xx are expected (the UI handles them: 401 on /api/v1/me when
 * signed out, 400 on a too-short password), so the browser's "Failed to load resource" line for
 * those is not a problem; any other console error is.
 */
export interface PageProblems {
  list: string[];
  /** Fails (softly, so the journey goes on and every problem is reported) when any was seen. */
  assertNone(label: string): void;
}

function watch(page: Page, problems: string[]): void {
  page.on('console', (msg: ConsoleMessage) => {
    if (msg.type() !== 'error') return;
    const text = msg.text();
    const where = msg.location().url;
    const apiPath = where ? new URL(where, 'http://x').pathname : '';
    if (
      /^Failed to load resource: the server responded with a status of 4\d\d/.test(text) &&
      apiPath.startsWith('/api/')
    ) {
      return;
    }
    problems.push(`console error on ${page.url()}: ${text}${where ? ` (${where})` : ''}`);
  });
  page.on('pageerror', (err) =>
    problems.push(`uncaught exception on ${page.url()}: ${err.message}`),
  );
  page.on('response', (res) => {
    if (res.status() >= 500)
      problems.push(`HTTP ${res.status()} for ${res.request().method()} ${res.url()}`);
  });
}

export interface Session {
  context: BrowserContext;
  page: Page;
  problems: PageProblems;
  close(): Promise<void>;
}

/** A fresh context (no cookies, no storage) with one page, watched for errors and CSP violations. */
export async function newSession(
  browser: Browser,
  baseURL: string,
  viewport = { width: 1280, height: 900 },
): Promise<Session> {
  const context = await browser.newContext({ baseURL, locale: 'nl-NL', viewport });
  // Report CSP violations explicitly too (Chromium also logs them as console errors).
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`);
    });
  });
  const list: string[] = [];
  const watched = new WeakSet<Page>();
  const watchOnce = (p: Page) => {
    if (watched.has(p)) return;
    watched.add(p);
    watch(p, list);
  };
  context.on('page', watchOnce);
  const page = await context.newPage();
  watchOnce(page);
  const problems: PageProblems = {
    list,
    assertNone(label) {
      expect.soft(list, `console errors, exceptions or CSP violations (${label})`).toEqual([]);
    },
  };
  return { context, page, problems, close: () => context.close() };
}

/** Waits until the page has rendered its main heading (h1 inside main), then returns it. */
export async function mainHeading(page: Page, name?: string | RegExp) {
  const heading = page
    .getByRole('main')
    .getByRole('heading', { level: 1, ...(name ? { name } : {}) });
  await heading.waitFor({ state: 'visible', timeout: 15_000 });
  return heading;
}

export interface Violation {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/**
 * WCAG 1.4.10 (reflow): at 320 CSS px wide the page must not scroll sideways. Data tables may
 * scroll inside their own container, but not drag the whole page with them.
 */
export async function checkReflow(page: Page, label: string): Promise<void> {
  const { scrollWidth, clientWidth, culprits } = await page.evaluate(() => {
    const root = document.documentElement;
    const limit = root.clientWidth + 1;
    const culprits: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      const right = el.getBoundingClientRect().right;
      const parentRight = el.parentElement?.getBoundingClientRect().right ?? 0;
      if (right > limit && parentRight <= limit && culprits.length < 5) {
        culprits.push(
          `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} (${Math.round(right)}px)`,
        );
      }
    }
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, culprits };
  });
  expect
    .soft(
      scrollWidth <= clientWidth
        ? []
        : [`document is ${scrollWidth}px wide in a ${clientWidth}px viewport`, ...culprits],
      `horizontal scrolling on ${label} (WCAG 1.4.10)`,
    )
    .toEqual([]);
}

/** Runs axe (WCAG 2.0/2.1 A and AA) on the page as it is now and returns every violation. */
export async function axeViolations(page: Page): Promise<Violation[]> {
  // Only violations need node details; skipping them for passes keeps a run under a second.
  const results = await new AxeBuilder({ page })
    .withTags(AXE_TAGS)
    .options({ resultTypes: ['violations'] })
    .analyze();
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.map(String).join(' ')),
  }));
}

export function formatViolations(violations: Violation[]): string[] {
  return violations.map(
    (v) => `[${v.impact ?? 'n/a'}] ${v.id}: ${v.help}\n      ${v.targets.join('\n      ')}`,
  );
}

/**
 * Waits until the page has rendered its main heading, then runs axe. Fails softly with every
 * violation listed (id, impact, help, target), so one journey reports all its pages at once.
 */
export async function checkA11y(page: Page, label: string): Promise<Violation[]> {
  const heading = (await (await mainHeading(page)).textContent())?.trim() ?? '';
  // WCAG 2.4.2: the document title names the page (axe only checks that a title exists).
  await expect
    .poll(() => page.title(), {
      timeout: 2_000,
      message: `document title of ${label} names the page`,
    })
    .toContain(heading);
  const violations = await axeViolations(page);
  expect
    .soft(formatViolations(violations), `axe violations on ${label} (${page.url()})`)
    .toEqual([]);
  return violations;
}

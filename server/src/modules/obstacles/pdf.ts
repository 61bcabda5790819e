import { existsSync } from 'node:fs';
import type { Browser, BrowserType } from 'playwright-core';

// The report as PDF, printed from its HTML by Debian's Chromium through playwright-core (a
// development dependency, loaded only when a PDF is asked for). The API and the CLI share this.
//
// One render runs at a time per process (Chromium takes a core and ~150 MB), a few more wait, the
// rest are turned away. The Chromium stays open between renders and closes itself after a quiet
// half minute: starting it costs about a second of the five a report may take. It is closed
// with the app (onClose) and by the CLI when done, and exits by itself when this process dies
// (its control pipe closes). Each render gets a fresh browser context, closed after it.

export const CHROMIUM_PATH = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];
const TIMEOUT_MS = 30_000;
const IDLE_MS = 30_000;
/** Renders queued or running at once; one more is refused as busy. */
export const MAX_PENDING = 4;

/** No Chromium (or no playwright-core) on this machine: PDF cannot be made here at all. */
export class PdfUnavailable extends Error {}
/** Too many renders are waiting already; try again shortly. */
export class PdfBusy extends Error {}

let current: Promise<Browser> | undefined;
let currentPath = '';
let idle: NodeJS.Timeout | undefined;
let rendering = false;

/** The open Chromium at `executablePath`, started when there is none (or it crashed). */
function browserAt(executablePath: string): Promise<Browser> {
  if (current && currentPath === executablePath) return current;
  void closePdfBrowser();
  currentPath = executablePath;
  const started = (async () => {
    if (!existsSync(executablePath))
      throw new PdfUnavailable(`PDF needs Chromium at ${executablePath}, which is not installed.`);
    let chromium: BrowserType;
    try {
      ({ chromium } = await import('playwright-core'));
    } catch {
      throw new PdfUnavailable('PDF needs playwright-core, which is not installed.');
    }
    const browser = await chromium
      .launch({ executablePath, args: ARGS, timeout: TIMEOUT_MS })
      .catch((err: unknown) => {
        const first = (err as Error).message.split('\n')[0] ?? '';
        throw new PdfUnavailable(`Chromium at ${executablePath} did not start: ${first}`);
      });
    browser.on('disconnected', () => {
      if (current === started) current = undefined;
    });
    return browser;
  })();
  current = started;
  // A failed start is tried again by the next render.
  started.catch(() => {
    if (current === started) current = undefined;
  });
  return started;
}

/** Starts Chromium ahead of a render (while its data is read); never throws. Closes when idle. */
export function warmUpPdf(executablePath = CHROMIUM_PATH): void {
  browserAt(executablePath).then(idleLater, () => undefined);
}

/** Closes the open Chromium after a quiet spell; a render in between postpones it. */
function idleLater(): void {
  clearTimeout(idle);
  idle = setTimeout(() => {
    if (!rendering) void closePdfBrowser();
  }, IDLE_MS);
  idle.unref();
}

/** Closes the open Chromium, if any. */
export async function closePdfBrowser(): Promise<void> {
  clearTimeout(idle);
  const open = current;
  current = undefined;
  if (open) await open.then((b) => b.close()).catch(() => undefined);
}

let pending = 0;
let queue: Promise<unknown> = Promise.resolve();

export function htmlToPdf(html: string, executablePath = CHROMIUM_PATH): Promise<Buffer> {
  if (pending >= MAX_PENDING)
    return Promise.reject(new PdfBusy('Other PDF reports are being printed; try again shortly.'));
  pending++;
  const job = queue.then(() => render(html, executablePath));
  queue = job.catch(() => undefined);
  return job.finally(() => pending--);
}

async function render(html: string, executablePath: string): Promise<Buffer> {
  clearTimeout(idle);
  rendering = true;
  try {
    return await print(await browserAt(executablePath), html);
  } finally {
    rendering = false;
    idleLater();
  }
}

async function print(browser: Browser, html: string): Promise<Buffer> {
  // Closing the browser fails whatever still waits on it: a hung render cannot hold the queue.
  const watchdog = setTimeout(() => void closePdfBrowser(), TIMEOUT_MS);
  // The report is self-contained and has no scripts: nothing runs and nothing is fetched.
  const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
  try {
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load', timeout: TIMEOUT_MS });
    // Tagged (headings, tables and lists for screen readers) with an outline of the headings.
    return await page.pdf({
      format: 'A4',
      margin: { top: '2cm', bottom: '2cm', left: '1.5cm', right: '1.5cm' },
      tagged: true,
      outline: true,
    });
  } finally {
    clearTimeout(watchdog);
    await context.close().catch(() => undefined);
  }
}

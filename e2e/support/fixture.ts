import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, newSession, type Session } from './browser.ts';
import { startServer, type TestServer } from './server.ts';

export interface App {
  server: TestServer;
  browser: Browser;
  /** A fresh browser context (no cookies, no storage) on the server. */
  session(viewport?: { width: number; height: number }): Promise<Session>;
}

/**
 * One real server (with its SMTP sink) and one Chromium for the whole test file; every journey
 * gets a new context, so journeys share nothing but the database.
 */
export function useApp(): App {
  const app = {
    session: (viewport?: { width: number; height: number }) =>
      newSession(app.browser, app.server.url, viewport),
  } as App;
  beforeAll(async () => {
    const [server, browser] = await Promise.allSettled([startServer(), launchBrowser()]);
    if (server.status === 'fulfilled') app.server = server.value;
    if (browser.status === 'fulfilled') app.browser = browser.value;
    if (server.status === 'rejected') throw server.reason;
    if (browser.status === 'rejected') throw browser.reason;
  });
  afterAll(async () => {
    await app.browser?.close();
    await app.server?.stop();
  });
  return app;
}

/** Runs a journey in a fresh session; afterwards the pages must have logged no errors. */
export async function journey(
  app: App,
  label: string,
  run: (s: Session) => Promise<void>,
  viewport?: { width: number; height: number },
): Promise<void> {
  const s = await app.session(viewport);
  try {
    await run(s);
  } finally {
    s.problems.assertNone(label);
    await s.close();
  }
}

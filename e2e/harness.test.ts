import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations, launchBrowser, newSession } from './support/browser.ts';
import { parseDemoLogins } from './support/server.ts';
import { findLink, startSmtpSink } from './support/smtp-sink.ts';
import { createTransport } from 'nodemailer';

/**
 * The journeys pass only if their checks can fail: this file proves that axe, the console/CSP
 * watcher, the SMTP sink and the login parser see what they are meant to see.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('e2e harness', () => {
  test('axe reports violations on a page that has them', async () => {
    const s = await newSession(browser, 'http://127.0.0.1:9');
    await s.page.setContent(
      '<html><head><title>x</title></head><body><main><h1>x</h1>' +
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input type="text"></main></body></html>',
    );
    const ids = (await axeViolations(s.page)).map((v) => v.id);
    expect(ids).toEqual(expect.arrayContaining(['html-has-lang', 'image-alt', 'label']));
    await s.close();
  });

  test('the watcher records console errors, exceptions and CSP violations', async () => {
    const s = await newSession(browser, 'http://127.0.0.1:9');
    await s.page.setContent(
      `<html lang="nl"><head><meta http-equiv="Content-Security-Policy" content="script-src 'none'"></head>` +
        '<body><script>console.log("inline ran")</script></body></html>',
    );
    await s.page.evaluate(() => {
      console.error('boom');
      setTimeout(() => {
        throw new Error('uncaught');
      });
    });
    await expect.poll(() => s.problems.list.length).toBeGreaterThanOrEqual(3);
    const all = s.problems.list.join('\n');
    expect(all).toMatch(/console error .*boom/);
    expect(all).toMatch(/uncaught exception .*uncaught/);
    expect(all).toMatch(/Content Security Policy|CSP violation/);
    await s.close();
  });

  test('the SMTP sink records and decodes a message sent over SMTP', async () => {
    const sink = await startSmtpSink();
    const transport = createTransport(`smtp://127.0.0.1:${sink.port}`);
    await transport.sendMail({
      from: 'a@example.org',
      to: 'b@example.org',
      subject: 'Één uitnodiging',
      text: 'Geldig voor één keer:\nhttp://localhost:1/uitnodiging#token=abc_-123\n\nGroet',
    });
    const mail = await sink.waitFor((m) => m.to.includes('b@example.org'));
    expect(mail.subject).toBe('Één uitnodiging');
    expect(mail.text).toContain('één keer');
    expect(findLink(mail.text, 'http://localhost:1/uitnodiging#token=')).toBe(
      'http://localhost:1/uitnodiging#token=abc_-123',
    );
    transport.close();
    await sink.close();
  });

  test('demo logins are read from the server output', () => {
    const out =
      'Demo logins (werkruimte "demo"):\n' +
      '  admin           beheerder@demo.wijkdragers.nl      demo-beheerder-2026\n' +
      '  policy_officer  beleid@demo.wijkdragers.nl         demo-beleid-2026!\n' +
      'Wijkdragers draait op http://localhost:3000\n';
    expect(parseDemoLogins(out)).toEqual({
      admin: {
        role: 'admin',
        email: 'beheerder@demo.wijkdragers.nl',
        password: 'demo-beheerder-2026',
      },
      policy_officer: {
        role: 'policy_officer',
        email: 'beleid@demo.wijkdragers.nl',
        password: 'demo-beleid-2026!',
      },
    });
  });
});

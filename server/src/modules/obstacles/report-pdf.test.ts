import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CI, describeEachDialect, useTestApp } from '../../../test/harness.ts';
import type * as pdfModule from './pdf.ts';
import { CHROMIUM_PATH, MAX_PENDING, PdfBusy, PdfUnavailable } from './pdf.ts';

type PdfModule = typeof pdfModule;
import { obstacleFixture, type ObstacleFixture } from './test-fixture.ts';

// The yearly report as PDF through the API (pdf.ts, shared with the CLI). Printing needs Debian's
// Chromium: without it these tests are skipped loudly, except when CI=true, where they fail.

const state = vi.hoisted(() => ({ missing: false }));
vi.mock('./pdf.ts', async (importOriginal) => {
  const real = await importOriginal<PdfModule>();
  // The real printer, pointed at a Chromium that does not exist when a test asks for that.
  return {
    ...real,
    htmlToPdf: (html: string) =>
      real.htmlToPdf(html, state.missing ? '/nonexistent/chromium' : real.CHROMIUM_PATH),
  };
});

const HAVE_CHROMIUM = existsSync(CHROMIUM_PATH);
const SKIP_PDF = !HAVE_CHROMIUM && !CI;
if (SKIP_PDF)
  console.warn(
    `\n*** No Chromium at ${CHROMIUM_PATH}: SKIPPING the PDF report tests (required when CI=true) ***\n`,
  );

/** Every /Title in the PDF (document information and outline), decoded. */
const titlesOf = (pdf: Buffer) =>
  [...pdf.toString('latin1').matchAll(/\/Title (?:<FEFF([0-9A-F]*)>|\(((?:[^)\\]|\\.)*)\))/g)].map(
    ([, hex, literal]) =>
      hex === undefined ? (literal ?? '') : Buffer.from(hex, 'hex').swap16().toString('utf16le'),
  );

describe('pdf printer', () => {
  it('refuses without Chromium, and turns away renders beyond the queue', async () => {
    const { htmlToPdf: real } = await vi.importActual<PdfModule>('./pdf.ts');
    const settled = (p: Promise<Buffer>) =>
      p.then(
        () => 'printed',
        (err: unknown) => err,
      );
    const queued = Array.from({ length: MAX_PENDING }, () =>
      settled(real('<p>x</p>', '/nonexistent')),
    );
    expect(await settled(real('<p>x</p>', '/nonexistent'))).toBeInstanceOf(PdfBusy);
    for (const p of queued) expect(await p).toBeInstanceOf(PdfUnavailable);
    // The queue drains: the next render is accepted again (and fails for the missing Chromium).
    await new Promise((resolve) => setTimeout(resolve, 10));
    await expect(real('<p>x</p>', '/nonexistent')).rejects.toBeInstanceOf(PdfUnavailable);
  });
});

describeEachDialect('obstacles: yearly report as PDF', (dialect) => {
  const t = useTestApp(dialect);
  let f: ObstacleFixture;
  beforeAll(async () => {
    f = await obstacleFixture(t);
    for (let i = 0; i < 5; i++)
      await f.report(f.member2, { title: `Knelpunt ${i} <i>schuin</i>`, anonymous: i % 2 === 0 });
  });
  const get = (query: string) =>
    f.member.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${f.slug}/obstacle-reports/2026${query}`,
    });

  it.skipIf(SKIP_PDF)('prints the report as an A4 PDF attachment naming nobody', async () => {
    state.missing = false;
    const res = await get('?format=pdf');
    expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('attachment; filename="systeemleren-2026.pdf"');
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-1024).toString('latin1')).toContain('%%EOF');
    // The document information names the report, not who asked for it or who reported.
    expect(titlesOf(pdf)).toContain(`Systeemleren 2026 — ${f.ws.name}`);
    const text = pdf.toString('latin1');
    expect(text).not.toContain('/Author');
    expect(text).toContain('/Lang (nl)');
    for (const secret of [
      f.users.member2.email,
      f.users.member2.id,
      f.users.member.email,
      'Tweede lid',
      f.member.cookie.split('=')[1]!,
    ])
      expect(text).not.toContain(secret);
    // Nothing active or linked: no scripts, launch actions, embedded files or web links.
    for (const key of ['/JavaScript', '/JS ', '/Launch', '/EmbeddedFile', '/URI', '/SubmitForm'])
      expect(text).not.toContain(key);
    // Tagged for screen readers.
    expect(text).toContain('/StructTreeRoot');
  });

  it('answers 503 problem+json when this server has no Chromium', async () => {
    state.missing = true;
    try {
      const res = await get('?format=pdf');
      expect(res.statusCode).toBe(503);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({
        status: 503,
        code: 'pdf_unavailable',
        detail: expect.stringContaining('format=html'),
      });
      // The other formats do not need it.
      expect((await get('?format=html')).statusCode).toBe(200);
      expect((await get('?format=docx')).statusCode).toBe(400);
    } finally {
      state.missing = false;
    }
  });
});

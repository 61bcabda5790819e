import { existsSync } from 'node:fs';
import { expect, it } from 'vitest';
import { CI, describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { seedWorkspace } from '../../../test/session.ts';
import { runReportObstacles } from './cli.ts';
import { CHROMIUM_PATH } from './pdf.ts';
import { reportObstacle } from './service.ts';

// PDF needs Debian's Chromium: without it that part is skipped loudly, except when CI=true.
const SKIP_PDF = !existsSync(CHROMIUM_PATH) && !CI;
if (SKIP_PDF)
  console.warn(
    `\n*** No Chromium at ${CHROMIUM_PATH}: SKIPPING the CLI's PDF report (required when CI=true) ***\n`,
  );

describeEachDialect('cli: report obstacles', (dialect) => {
  const t = useTestApp(dialect);

  it('writes the year’s report as CSV, HTML and PDF to standard output', async () => {
    const { ws } = await seedWorkspace(t().ctx, ['admin']);
    for (let i = 0; i < 5; i++)
      await reportObstacle(t().ctx, { kind: 'system' }, ws.id, {
        category: 'bureaucracy',
        subcategory: 'staff_turnover',
        severity: 'medium',
        title: `Weer een nieuwe contactpersoon ${i}`,
        description: 'Elke paar maanden een ander aanspreekpunt.',
        areaIds: [],
        domainIds: [],
        anonymous: true,
      });
    const outputs: string[] = [];
    const write = (d: string | Buffer) => outputs.push(String(d));
    expect(
      await runReportObstacles(t().ctx, { workspace: ws.slug, year: 2026, format: 'csv' }, write),
    ).toBe(0);
    expect(outputs[0]!.trim().split('\r\n')).toHaveLength(6);
    await runReportObstacles(t().ctx, { workspace: ws.slug, year: 2026, format: 'html' }, write);
    expect(outputs[1]).toContain('<td>5</td>');
    await runReportObstacles(t().ctx, { workspace: ws.slug, year: 2025, format: 'csv' }, write);
    expect(outputs[2]!.trim().split('\r\n')).toHaveLength(1);
    if (SKIP_PDF) return;
    const pdf: Buffer[] = [];
    await runReportObstacles(t().ctx, { workspace: ws.slug, year: 2026, format: 'pdf' }, (d) =>
      pdf.push(Buffer.from(d)),
    );
    expect(pdf[0]!.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});

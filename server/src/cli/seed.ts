import { seedDemo, scales, type Scale } from '../demo/seed.ts';
import { oneOf, UsageError, type Run } from './args.ts';
import { out, printLogins } from './output.ts';
import { withContext } from './runtime.ts';

/** `seed --demo [--scale …]`: the demo workspace, never in production. */
export const seedCommand: Run = (v) =>
  withContext(async (ctx, _h, config) => {
    if (!v.demo) throw new UsageError('Only --demo seeding exists.');
    if (config.env === 'production')
      throw new UsageError('Demo data is never seeded in production.');
    const scale = oneOf<Scale>(String(v.scale ?? 'demo'), scales, 'scale');
    const r = await seedDemo(ctx, { scale });
    out(
      r.created
        ? `Created workspace "${r.workspaceSlug}" with ${r.members} members (${scale}).`
        : 'The demo workspace exists already.',
    );
    if (r.counts) {
      const c = r.counts;
      out(
        `Wijkhaven: ${c.wijken} wijken, ${c.buurten} buurten, ${c.persons} carriers, ` +
          `${c.organisations} organisations, ${c.rows.initiatives} initiatives, ` +
          `${c.rows.activities} activities, ${c.rows.achievements} results/recognitions ` +
          `(${r.directoryMs} ms).`,
      );
    }
    printLogins(r.logins);
    return 0;
  });

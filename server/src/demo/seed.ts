import { bumpDirectoryVersion } from '../modules/records/version.ts';
import { hashPassword } from '../auth/crypto.ts';
import { nowIso, type AppContext } from '../context.ts';
import { analyze } from '../db/dialect.ts';
import type { Role } from '../db/types.ts';
import { findUserByEmail, insertUser } from '../modules/auth/repo.ts';
import { upsertMembership, findWorkspaceBySlug } from '../modules/workspaces/repo.ts';
import { createWorkspace } from '../modules/workspaces/service.ts';
import { seedDirectory, type DemoCounts } from './directory.ts';
import { seedObstacles } from './obstacles.ts';
import { seedSupport } from './support.ts';
import { seedFunding } from './funding.ts';
import { seedCheckIns } from './check-ins.ts';
import { seedTies } from './ties.ts';
import { seedSurveys } from './surveys.ts';
import { seedAlliances } from './alliances.ts';
import { seedAllianceSupport } from './alliance-support.ts';
import { seedSignals } from './signals.ts';
import { seedResearch } from './research.ts';
import { createRandom } from './random.ts';

export const scales = ['demo', 'municipality', 'national'] as const;
export type Scale = (typeof scales)[number];

/** Extra members per scale (on top of one login per role); later modules scale their data too. */
const extraMembers: Record<Scale, number> = { demo: 12, municipality: 2000, national: 20000 };
const obstacleCount: Record<Scale, number> = { demo: 36, municipality: 3000, national: 3000 };

export const demoLogins: { role: Role; email: string; name: string; password: string }[] = [
  {
    role: 'admin',
    email: 'beheerder@demo.wijkdragers.nl',
    name: 'Anouk Beheer',
    password: 'demo-beheerder-2026',
  },
  {
    role: 'coordinator',
    email: 'coordinator@demo.wijkdragers.nl',
    name: 'Cor Dinator',
    password: 'demo-coordinator-2026',
  },
  {
    role: 'member',
    email: 'lid@demo.wijkdragers.nl',
    name: 'Lieke de Drager',
    password: 'demo-lid-wijk-2026',
  },
  {
    role: 'policy_officer',
    email: 'beleid@demo.wijkdragers.nl',
    name: 'Bas Beleid',
    password: 'demo-beleid-2026!',
  },
  {
    role: 'researcher',
    email: 'onderzoek@demo.wijkdragers.nl',
    name: 'Olga Onderzoek',
    password: 'demo-onderzoek-2026',
  },
];

const firstNames = [
  'Fatima',
  'Jan',
  'Sanne',
  'Mohamed',
  'Priya',
  'Kees',
  'Ayşe',
  'Daan',
  'Noor',
  'Romano',
  'Esther',
  'Yusuf',
  'Mila',
  'Henk',
  'Chantal',
  'Said',
];
const lastNames = [
  'de Vries',
  'El Amrani',
  'Jansen',
  'Bakker',
  'Yılmaz',
  'Visser',
  'Smit',
  'Kartosen',
  'de Boer',
  'Mulder',
  'Pinas',
  'Bouzid',
  'Meijer',
  'van Dijk',
];
const roleMix: Role[] = [
  'member',
  'member',
  'member',
  'member',
  'coordinator',
  'policy_officer',
  'researcher',
];

export interface SeedResult {
  workspaceSlug: string;
  created: boolean;
  members: number;
  logins: typeof demoLogins;
  /** What the generator wrote (areas, actors, activities, …); null when the workspace existed. */
  counts: DemoCounts | null;
  /** Milliseconds spent on the directory (areas, actors, activities, search index). */
  directoryMs: number | null;
}

/**
 * Builds the fictional municipality "Wijkhaven" (slug `demo`). Deterministic for a seed; running it
 * again leaves an existing demo workspace as it is.
 */
export async function seedDemo(
  ctx: AppContext,
  options: { scale?: Scale; seed?: number } = {},
): Promise<SeedResult> {
  const scale = options.scale ?? 'demo';
  const existing = await findWorkspaceBySlug(ctx.db, 'demo');
  if (existing)
    return {
      workspaceSlug: 'demo',
      created: false,
      members: 0,
      logins: demoLogins,
      counts: null,
      directoryMs: null,
    };
  const seed = options.seed ?? 20261129;
  const random = createRandom(seed);
  const workspace = await createWorkspace(ctx, {
    name: 'Gemeente Wijkhaven (demo)',
    gemeentecode: 'GM9999',
    slug: 'demo',
  });
  const now = nowIso(ctx);
  for (const login of demoLogins) {
    if (await findUserByEmail(ctx.db, login.email)) continue;
    const id = random.uuid();
    await insertUser(ctx.db, {
      id,
      email: login.email,
      display_name: login.name,
      language: 'nl',
      password_hash: await hashPassword(login.password),
      password_changed_at: now,
      deactivated_at: null,
      created_at: now,
    });
    await upsertMembership(ctx.db, {
      workspace_id: workspace.id,
      user_id: id,
      role: login.role,
      created_at: now,
    });
  }
  // Extra members cannot log in (no password): they exist to give lists and benchmarks real size.
  const count = extraMembers[scale];
  await ctx.db.transaction().execute(async (trx) => {
    for (let i = 0; i < count; i++) {
      const id = random.uuid();
      const name = `${random.pick(firstNames)} ${random.pick(lastNames)}`;
      await insertUser(trx, {
        id,
        email: `bewoner${i + 1}@demo.wijkdragers.nl`,
        display_name: name,
        language: random.next() < 0.85 ? 'nl' : 'en',
        password_hash: null,
        password_changed_at: null,
        deactivated_at: null,
        created_at: now,
      });
      await upsertMembership(trx, {
        workspace_id: workspace.id,
        user_id: id,
        role: random.pick(roleMix),
        created_at: now,
      });
    }
  });
  // The directory draws from its own stream, so adding members never reshuffles Wijkhaven.
  const started = performance.now();
  const counts = await seedDirectory(ctx, workspace, createRandom(seed ^ 0x5eed), scale);
  // Bulk writes skip the per-record bookkeeping: tell read caches of running servers once.
  await bumpDirectoryVersion(ctx.db, workspace.id);
  const directoryMs = Math.round(performance.now() - started);
  // The obstacle register (issue 7) draws from its own stream too.
  await seedObstacles(ctx, workspace.id, createRandom(seed ^ 0x0b57ac1e), obstacleCount[scale]);
  await seedSupport(ctx, workspace.id, createRandom(seed ^ 0x5099047), scale === 'demo' ? 1 : 25);
  await seedFunding(ctx, workspace.id, createRandom(seed ^ 0xf0d5), scale === 'demo' ? 1 : 25);
  await seedCheckIns(ctx, workspace.id, createRandom(seed ^ 0xc4ec1));
  // Ties after support: providers and requesters of support matches get collaboration ties.
  await seedTies(ctx, workspace.id, createRandom(seed ^ 0x7135), scale === 'demo' ? 1 : 25);
  // Two closed survey rounds a year apart (netwerkmetingen), with their survey ties.
  await seedSurveys(ctx, workspace.id, createRandom(seed ^ 0x5a7e));
  await seedAlliances(ctx, workspace.id, createRandom(seed ^ 0xa111a));
  // A commitment and a funding flow to the first alliance (issue 6), once alliances exist.
  await seedAllianceSupport(ctx, workspace.id, createRandom(seed ^ 0xa115));
  // Overlap signals (issue 5) last: detection reads activities, ties and funding. Larger scales
  // detect on their first read (or the overlap-detection job), so benchmarks time it themselves.
  if (scale === 'demo') await seedSignals(ctx, workspace.id);
  // The longitudinal demo study (issue 8): two waves ten years apart, interviews and a codebook.
  if (scale === 'demo') await seedResearch(ctx, workspace.id, createRandom(seed ^ 0x2e5ea2c));
  await analyze(ctx.db);
  ctx.log.info({ scale, counts: counts.rows, directoryMs }, 'demo directory seeded');
  return {
    workspaceSlug: workspace.slug,
    created: true,
    members: count + demoLogins.length,
    logins: demoLogins,
    counts,
    directoryMs,
  };
}

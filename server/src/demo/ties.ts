import type { AppContext } from '../context.ts';
import type { TieIntensity, TieType } from '../db/types.ts';
import { insertTies, tieParties, type NewTie } from '../modules/ties/repo.ts';
import type { Random } from './random.ts';

// Demo ties (relaties) for Wijkhaven (issue 4): institutions that support carriers they already
// work with (a collaboration tie for pairs of the demo's support matches, so matching shows
// existing trust), a few tensions between small and large organisations, and a spread of support,
// referral, information exchange, funding and the odd obstruction. Deterministic for the seed;
// every tie obeys the API's rules (two different actors of the workspace, end not before start,
// never two ties of one type between the same pair).

const STAMP = '2026-02-01T09:00:00.000Z';
const intensities: TieIntensity[] = ['awareness', 'cooperative', 'coordinated', 'integrated'];

/** Other ties: type, weight, directed. */
const mix: [TieType, number, boolean][] = [
  ['collaboration', 30, false],
  ['support', 20, true],
  ['referral', 15, true],
  ['information_exchange', 20, false],
  ['funding', 10, true],
  ['obstruction', 5, true],
];

export async function seedTies(
  ctx: AppContext,
  workspaceId: string,
  random: Random,
  scale = 1,
): Promise<{ ties: number }> {
  const db = ctx.db;
  const { actors, pairs } = await tieParties(db, workspaceId);
  if (actors.length < 2) return { ties: 0 };
  const small = actors.filter((a) => a.kind === 'organisation' && a.size_class === 'small');
  const large = actors.filter((a) => a.kind === 'organisation' && a.size_class === 'large');
  const organisations = actors.filter((a) => a.kind === 'organisation');
  const rows: NewTie[] = [];
  const taken = new Set<string>();
  const add = (
    from: string,
    to: string,
    type: TieType,
    directed: boolean,
    intensity: TieIntensity,
  ) => {
    const key = `${type}|${[from, to].sort().join('|')}`;
    if (from === to || taken.has(key)) return;
    taken.add(key);
    const year = random.int(2022, 2025);
    const start = `${year}-${String(random.int(1, 12)).padStart(2, '0')}-01`;
    rows.push({
      id: random.uuid(),
      workspace_id: workspaceId,
      from_actor_id: from,
      to_actor_id: to,
      type,
      directed: directed ? 1 : 0,
      intensity,
      start_date: start,
      // Most ties still run; some ended (always after they began).
      end_date: random.chance(0.2) ? `${year + random.int(0, 1)}-12-31` : null,
      source: 'recorded',
      survey_round_id: null,
      note: null,
      created_by: null,
      created_at: STAMP,
      updated_at: STAMP,
    });
  };
  // Providers already working with a requester of their support: a current collaboration.
  for (const [i, p] of pairs.entries()) {
    if (i % 4 === 3) continue; // not every pair knew each other before
    const before = rows.length;
    add(p.provider_id, p.requester_id, 'collaboration', false, random.pick(intensities.slice(1)));
    if (rows.length > before) rows[rows.length - 1]!.end_date = null;
  }
  // Small organisations that compete with (or feel overrun by) a large one.
  if (small.length && large.length)
    for (let i = 0; i < 4 * scale; i++)
      add(random.pick(small).id, random.pick(large).id, 'tension', false, 'cooperative');
  const weights = mix.map(([, w]) => w);
  for (let i = 0; i < 40 * scale; i++) {
    const [type, , directed] = mix[random.weighted(weights)]!;
    // Funding and support come from organisations; anyone collaborates or exchanges information.
    const from =
      type === 'funding' || type === 'support'
        ? random.pick(organisations.length ? organisations : actors)
        : random.pick(actors);
    add(from.id, random.pick(actors).id, type, directed, random.pick(intensities));
  }
  await db.transaction().execute((trx) => insertTies(trx, rows));
  return { ties: rows.length };
}

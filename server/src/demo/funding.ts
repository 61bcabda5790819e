import type { AppContext } from '../context.ts';
import type { FundingInstrument, Visibility } from '../db/types.ts';
import { fundingParties, insertFlow, setFlowLinks, type NewFlow } from '../modules/funding/repo.ts';
import { activeTermsOf, areaParents } from '../modules/support/repo.ts';
import type { Random } from './random.ts';

// Demo funding flows (geldstromen) for Wijkhaven (issue 6): the gemeente, funds and housing
// corporations fund carriers, small organisations and initiatives through the six instruments,
// with the amounts, periods and accountability burden each instrument typically has: short
// project grants with relatively heavy reporting, longer core funding with light reporting,
// small budgets and vouchers for carriers. Deterministic for the seed; every flow obeys the rules
// the API enforces (integer cents ≥ 1, end not before start, records of the workspace).

interface Profile {
  weight: number;
  /** Amount in whole euros, as [min, max, step]. */
  euros: [number, number, number];
  months: [number, number];
  hours: [number, number];
  reports: [number, number];
  /** Who typically receives it. */
  to: ('person' | 'small' | 'large' | 'initiative')[];
  titles: string[];
}

const profiles: Record<FundingInstrument, Profile> = {
  project_grant: {
    weight: 40,
    euros: [2_500, 25_000, 250],
    months: [3, 12],
    hours: [8, 40],
    reports: [1, 4],
    to: ['small', 'small', 'person', 'initiative'],
    titles: ['Projectsubsidie buurtactiviteiten', 'Subsidie zomerprogramma', 'Pilot ontmoeting'],
  },
  core_funding: {
    weight: 15,
    euros: [20_000, 250_000, 1_000],
    months: [24, 48],
    hours: [20, 60],
    reports: [1, 4],
    to: ['small', 'large', 'small'],
    titles: ['Structurele subsidie', 'Meerjarige kernfinanciering'],
  },
  in_kind: {
    weight: 10,
    euros: [500, 5_000, 50],
    months: [1, 12],
    hours: [0, 4],
    reports: [0, 1],
    to: ['person', 'small', 'initiative'],
    titles: ['Ruimte in het wijkcentrum', 'Inzet opbouwwerker'],
  },
  procurement: {
    weight: 10,
    euros: [10_000, 200_000, 1_000],
    months: [12, 36],
    hours: [40, 120],
    reports: [4, 12],
    to: ['large', 'small'],
    titles: ['Opdracht welzijnswerk', 'Aanbesteding buurtbeheer'],
  },
  budget_voucher: {
    weight: 15,
    euros: [250, 2_500, 50],
    months: [12, 12],
    hours: [1, 6],
    reports: [0, 1],
    to: ['person', 'person', 'initiative'],
    titles: ['Buurtbudget', 'Vrijwilligersvoucher'],
  },
  right_to_challenge: {
    weight: 10,
    euros: [25_000, 300_000, 1_000],
    months: [24, 36],
    hours: [30, 80],
    reports: [2, 6],
    to: ['small', 'initiative'],
    titles: ['Right to Challenge: groenonderhoud', 'Right to Challenge: buurthuis'],
  },
};
const instruments = Object.keys(profiles) as FundingInstrument[];
const funderKinds = ['gemeentelijke_afdeling', 'fonds', 'woningcorporatie', 'zorgaanbieder'];
const STAMP = '2026-02-01T09:00:00.000Z';

/** The last day of the month `months` after the first day `start` (YYYY-MM-01). */
function endAfter(start: string, months: number): string {
  const y = Number(start.slice(0, 4));
  const m = Number(start.slice(5, 7));
  return new Date(Date.UTC(y, m - 1 + months, 0)).toISOString().slice(0, 10);
}

export async function seedFunding(
  ctx: AppContext,
  workspaceId: string,
  random: Random,
  scale = 1,
): Promise<{ flows: number }> {
  const db = ctx.db;
  const { actors, initiatives } = await fundingParties(db, workspaceId);
  const orgs = actors.filter((a) => a.kind === 'organisation');
  const funders = orgs.filter((a) => a.org_kind !== null && funderKinds.includes(a.org_kind));
  const pools = {
    person: actors.filter((a) => a.kind === 'person').map((a) => a.id),
    small: orgs.filter((a) => a.size_class !== 'large').map((a) => a.id),
    large: orgs.filter((a) => a.size_class === 'large').map((a) => a.id),
    initiative: initiatives,
  };
  const areaIds = [...(await areaParents(db, workspaceId)).keys()].sort();
  const domains = (await activeTermsOf(db, workspaceId))
    .filter((t) => t.kind === 'domain')
    .map((t) => t.id);
  const funderPool = (funders.length ? funders : orgs).map((a) => a.id);
  if (!funderPool.length) return { flows: 0 };
  let flows = 0;
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < 40 * scale; i++) {
      const instrument = instruments[random.weighted(instruments.map((k) => profiles[k].weight))]!;
      const p = profiles[instrument];
      const first = random.int(0, p.to.length - 1);
      const kind = [...p.to.slice(first), ...p.to.slice(0, first)].find((k) => pools[k].length);
      if (!kind) continue;
      const funderId = random.pick(funderPool);
      const recipientId = random.pick(pools[kind].filter((id) => id !== funderId));
      if (!recipientId) continue;
      const start = `${random.int(2024, 2026)}-${String(random.int(1, 12)).padStart(2, '0')}-01`;
      const steps = (p.euros[1] - p.euros[0]) / p.euros[2];
      const euros = p.euros[0] + random.int(0, steps) * p.euros[2];
      const isInitiative = kind === 'initiative';
      const visibility: Visibility =
        kind === 'person'
          ? 'private'
          : random.pick(['workspace', 'workspace', 'workspace', 'public', 'private'] as const);
      const row: NewFlow = {
        id: random.uuid(),
        workspace_id: workspaceId,
        funder_id: funderId,
        recipient_type: isInitiative ? 'initiative' : 'actor',
        recipient_actor_id: isInitiative ? null : recipientId,
        recipient_initiative_id: isInitiative ? recipientId : null,
        recipient_alliance_id: null,
        initiative_id: isInitiative
          ? recipientId
          : initiatives.length && random.chance(0.3)
            ? random.pick(initiatives)
            : null,
        title: random.pick(p.titles),
        amount_cents: euros * 100,
        start_date: start,
        end_date: endAfter(start, random.int(p.months[0], p.months[1])),
        instrument,
        reporting_hours: random.int(p.hours[0], p.hours[1]),
        report_count: random.int(p.reports[0], p.reports[1]),
        visibility,
        created_by: null,
        created_at: STAMP,
        updated_at: STAMP,
      };
      await insertFlow(trx, row);
      await setFlowLinks(
        trx,
        workspaceId,
        row.id,
        areaIds.length && random.chance(0.7) ? random.sample(areaIds, random.int(1, 2)) : [],
        domains.length && random.chance(0.6) ? random.sample(domains, random.int(1, 2)) : [],
      );
      flows++;
    }
  });
  return { flows };
}

import type { AppContext } from '../context.ts';
import type {
  SupportCommitmentsTable,
  SupportMatchesTable,
  SupportNeedsTable,
  SupportOffersTable,
  SupportType,
  Urgency,
} from '../db/types.ts';
import { insertCommitment, insertMatch } from '../modules/support/match-repo.ts';
import {
  activeTermsOf,
  areaParents,
  insertOffer,
  partiesOf,
  setOfferLinks,
} from '../modules/support/repo.ts';
import { insertNeed, setNeedTerms } from '../modules/support/need-repo.ts';
import { firstGroups } from '../modules/support/recipient-repo.ts';
import { recipientColumns } from '../modules/support/recipients.ts';
import type { Db } from '../db/dialect.ts';
import type { Random } from './random.ts';

// Demo support for Wijkhaven (issue 6): offers of institutions, needs of carriers and small
// organisations, open proposals and commitments. Deterministic for the seed. Each offer commits
// at most a third of its capacity per commitment and at most two commitments, each to another
// recipient, so the data obey the rules the API enforces (capacity, no overlapping duplicates).

const offerTexts: { type: SupportType; title: string; capacity: number; persons: boolean }[] = [
  {
    type: 'money',
    title: 'Buurtbudget voor bewonersinitiatieven',
    capacity: 500_000,
    persons: false,
  },
  {
    type: 'space',
    title: 'Zaal in het wijkcentrum, twee dagdelen per week',
    capacity: 8,
    persons: true,
  },
  { type: 'staff_hours', title: 'Uren van de opbouwwerker', capacity: 40, persons: true },
  { type: 'coaching', title: 'Coaching voor startende dragers', capacity: 24, persons: true },
  { type: 'backoffice', title: 'Administratie en subsidieaanvragen', capacity: 30, persons: false },
  {
    type: 'material',
    title: 'Uitleen van partytent, geluid en gereedschap',
    capacity: 12,
    persons: true,
  },
  { type: 'network', title: 'Introducties bij fondsen en bedrijven', capacity: 10, persons: true },
  {
    type: 'money',
    title: 'Kleine bijdragen voor vrijwilligerskosten',
    capacity: 150_000,
    persons: true,
  },
];

const needTexts: Record<SupportType, string> = {
  money: 'Geld voor materiaal en een vrijwilligersvergoeding',
  space: 'Een ruimte voor de wekelijkse inloop',
  staff_hours: 'Iemand die meedenkt over de opzet van de activiteit',
  coaching: 'Coaching bij het overdragen van het werk aan nieuwe vrijwilligers',
  backoffice: 'Hulp bij de boekhouding en de jaarlijkse verantwoording',
  material: 'Tafels, stoelen en een geluidsinstallatie voor het buurtfeest',
  network: 'Contact met een fonds dat meerjarig wil bijdragen',
};

const urgencies: Urgency[] = ['low', 'normal', 'normal', 'high'];
const STAMP = '2026-02-01T09:00:00.000Z';

export interface SupportCounts {
  offers: number;
  needs: number;
  matches: number;
  commitments: number;
}

/**
 * One commitment recorded directly to an initiative (the first by name): a third of the first
 * money offer for projects and organisations, from March 2026 to the offer's end, so the initiative
 * page and the initiative's durability have data. Its other commitments use at most two thirds.
 */
async function commitToInitiative(
  db: Db,
  workspaceId: string,
  offers: SupportOffersTable[],
  random: Random,
) {
  const [initiative] = await firstGroups(db, workspaceId, 'initiatives', 1);
  const offer = offers.find((o) => o.type === 'money' && o.persons_eligible === 0);
  if (!initiative || !offer) return 0;
  await insertCommitment(db, {
    id: random.uuid(),
    workspace_id: workspaceId,
    match_id: null,
    offer_id: offer.id,
    need_id: null,
    provider_id: offer.provider_id,
    ...recipientColumns('initiative', initiative.id),
    type: offer.type,
    amount_per_month: Math.floor(offer.capacity_per_month / 3),
    start_date: offer.start_date > '2026-03-01' ? offer.start_date : '2026-03-01',
    end_date: offer.end_date ?? '2027-12-31',
    renewal: 'on_request',
    renewal_note: 'Verlenging bespreken na de evaluatie van het eerste jaar.',
    renewed_from_id: null,
    status: 'active',
    ended_at: null,
    end_reason: null,
    created_at: STAMP,
    updated_at: STAMP,
  });
  return 1;
}

export async function seedSupport(
  ctx: AppContext,
  workspaceId: string,
  random: Random,
  scale = 1,
): Promise<SupportCounts> {
  const db = ctx.db;
  const parties = await partiesOf(db, workspaceId);
  const providers = parties.filter((p) => p.kind === 'organisation');
  const requesters = parties.filter(
    (p) => p.kind === 'person' || (p.kind === 'organisation' && p.size_class === 'small'),
  );
  const areaIds = [...(await areaParents(db, workspaceId)).keys()].sort();
  const terms = await activeTermsOf(db, workspaceId);
  const domains = terms.filter((t) => t.kind === 'domain').map((t) => t.id);
  if (!providers.length || !requesters.length || !areaIds.length)
    return { offers: 0, needs: 0, matches: 0, commitments: 0 };
  const offers: SupportOffersTable[] = [];
  const needs: { row: SupportNeedsTable; kind: string }[] = [];
  let matches = 0;
  let commitments = 0;
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < offerTexts.length * scale; i++) {
      const text = offerTexts[i % offerTexts.length]!;
      const row: SupportOffersTable = {
        id: random.uuid(),
        workspace_id: workspaceId,
        provider_id: random.pick(providers).id,
        type: text.type,
        title: text.title,
        capacity_per_month: text.capacity,
        start_date: random.pick(['2025-01-01', '2026-01-01']),
        end_date: random.pick([null, '2027-12-31', '2028-12-31']),
        conditions: random.chance(0.5) ? 'Aanvragen via de wijkcoördinator.' : null,
        persons_eligible: text.persons ? 1 : 0,
        visibility: random.chance(0.8) ? 'workspace' : 'private',
        created_by: null,
        created_at: STAMP,
        updated_at: STAMP,
      };
      await insertOffer(trx, row);
      await setOfferLinks(
        trx,
        workspaceId,
        row.id,
        random.chance(0.5) ? random.sample(areaIds, random.int(1, 3)) : [],
        random.chance(0.5) && domains.length ? random.sample(domains, random.int(1, 2)) : [],
      );
      offers.push(row);
    }
    for (let i = 0; i < 14 * scale; i++) {
      const requester = random.pick(requesters);
      const type = offerTexts[i % offerTexts.length]!.type;
      const unitsOf = offers.find((o) => o.type === type)!.capacity_per_month;
      const row: SupportNeedsTable = {
        id: random.uuid(),
        workspace_id: workspaceId,
        requester_id: requester.id,
        type,
        description: needTexts[type],
        amount_per_month: Math.max(1, Math.floor(unitsOf / random.int(4, 8))),
        start_date: random.pick(['2026-03-01', '2026-04-01', '2026-06-01']),
        end_date: random.pick([null, '2026-12-31', '2027-06-30']),
        urgency: random.pick(urgencies),
        area_id: random.pick(areaIds),
        status: 'open',
        visibility: requester.kind === 'person' ? 'private' : 'workspace',
        created_by: null,
        created_at: STAMP,
        updated_at: STAMP,
      };
      await insertNeed(trx, row);
      await setNeedTerms(trx, workspaceId, row.id, domains.length ? random.sample(domains, 1) : []);
      needs.push({ row, kind: requester.kind });
    }
    // Pair needs with an offer of their type: the first two per offer become commitments
    // (to different recipients), the next one stays an open proposal.
    const used = new Map<string, string[]>();
    for (const { row: need, kind } of needs) {
      const offer = offers.find(
        (o) =>
          o.type === need.type &&
          (kind !== 'person' || o.persons_eligible === 1) &&
          !(used.get(o.id) ?? []).includes(need.requester_id) &&
          (used.get(o.id) ?? []).length < 3,
      );
      if (!offer) continue;
      const taken = used.get(offer.id) ?? [];
      used.set(offer.id, [...taken, need.requester_id]);
      const committed = taken.length < 2;
      const start = need.start_date > offer.start_date ? need.start_date : offer.start_date;
      const end =
        need.end_date === null
          ? offer.end_date
          : offer.end_date === null || need.end_date < offer.end_date
            ? need.end_date
            : offer.end_date;
      const amount = Math.min(need.amount_per_month, Math.floor(offer.capacity_per_month / 3));
      const match: SupportMatchesTable = {
        id: random.uuid(),
        workspace_id: workspaceId,
        offer_id: offer.id,
        need_id: need.id,
        amount_per_month: amount,
        start_date: start,
        end_date: end,
        renewal: random.pick(['none', 'on_request', 'automatic'] as const),
        renewal_note: null,
        status: committed ? 'committed' : 'proposed',
        proposed_by: null,
        provider_accepted_at: committed ? STAMP : null,
        provider_accepted_by: null,
        recipient_accepted_at: committed ? STAMP : null,
        recipient_accepted_by: null,
        decided_at: committed ? STAMP : null,
        created_at: STAMP,
        updated_at: STAMP,
      };
      await insertMatch(trx, match);
      matches++;
      if (!committed) continue;
      const commitment: SupportCommitmentsTable = {
        id: random.uuid(),
        workspace_id: workspaceId,
        match_id: match.id,
        offer_id: offer.id,
        need_id: need.id,
        provider_id: offer.provider_id,
        ...recipientColumns('actor', need.requester_id),
        type: offer.type,
        amount_per_month: amount,
        start_date: start,
        end_date: end,
        renewal: match.renewal,
        renewal_note: null,
        renewed_from_id: null,
        status: 'active',
        ended_at: null,
        end_reason: null,
        created_at: STAMP,
        updated_at: STAMP,
      };
      await insertCommitment(trx, commitment);
      commitments++;
    }
    commitments += await commitToInitiative(trx, workspaceId, offers, random);
  });
  return { offers: offers.length, needs: needs.length, matches, commitments };
}

import type { AppContext } from '../context.ts';
import type {
  AllianceContributionKind,
  AllianceDecisionRule,
  AllianceMemberRole,
} from '../db/types.ts';
import {
  insertAgreement,
  insertContributions,
  insertLogEntries,
  type NewContribution,
} from '../modules/alliances/records-repo.ts';
import {
  allianceParties,
  insertAlliance,
  insertMembers,
  type NewMember,
} from '../modules/alliances/repo.ts';
import type { Random } from './random.ts';

// Demo alliances (bondgenootschappen, issue 5) for Wijkhaven: one balanced — carriers and small
// organisations hold seats and votes in proportion and contributions are spread — and one
// unbalanced — a large organisation holds most votes and gives most of the money. Each has a
// charter in two versions, contributions over the four quarters of 2025 (so the trend shows) and
// a few log entries. Deterministic for the seed; every row obeys the API's rules (actors of the
// workspace, no overlapping memberships, seats in an active alliance, nothing negative).

const STAMP = '2026-02-01T09:00:00.000Z';
const QUARTERS = ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'];

interface Seat {
  actorId: string;
  role: AllianceMemberRole;
  seats: number;
  votes: number;
  /** Value per quarter in whole euros, as [min, max]. */
  euros: [number, number];
  kind: AllianceContributionKind;
}

interface Plan {
  name: string;
  description: string;
  decisionRule: AllianceDecisionRule;
  members: Seat[];
  charters: [string, string][];
  log: [string, 'meeting' | 'decision', string][];
}

/** Quantity in the kind's unit for a value (money in cents, hours at € 30, dagdelen at € 50). */
const quantityOf = (kind: AllianceContributionKind, cents: number) =>
  kind === 'money'
    ? cents
    : kind === 'hours'
      ? Math.max(1, Math.round(cents / 3_000))
      : kind === 'space'
        ? Math.max(1, Math.round(cents / 5_000))
        : 1;

export async function seedAlliances(
  ctx: AppContext,
  workspaceId: string,
  random: Random,
): Promise<{ alliances: number; balancedId: string | null; unbalancedId: string | null }> {
  const db = ctx.db;
  const { actors, areaIds, domainIds } = await allianceParties(db, workspaceId);
  const persons = actors.filter((a) => a.kind === 'person');
  const small = actors.filter((a) => a.kind === 'organisation' && a.size_class !== 'large');
  const large = actors.filter((a) => a.kind === 'organisation' && a.size_class === 'large');
  if (persons.length < 4 || small.length < 3 || large.length < 2)
    return { alliances: 0, balancedId: null, unbalancedId: null };
  const [p1, p2, p3, p4] = random.sample(persons, 4);
  const [s1, s2, s3] = random.sample(small, 3);
  const [l1, l2] = random.sample(large, 2);
  const seat = (
    actorId: string,
    role: AllianceMemberRole,
    seats: number,
    votes: number,
    euros: [number, number],
    kind: AllianceContributionKind,
  ): Seat => ({ actorId, role, seats, votes, euros, kind });
  const plans: Plan[] = [
    {
      name: 'Buurtalliantie Samen Sterk',
      description:
        'Dragers, buurtorganisaties en het welzijnswerk werken samen aan ontmoeting en buurtzorg, met gelijke stemmen.',
      decisionRule: 'consensus',
      members: [
        seat(p1!.id, 'lead', 1, 1, [250, 400], 'hours'),
        seat(p2!.id, 'member', 1, 1, [200, 350], 'hours'),
        seat(s1!.id, 'member', 1, 1, [250, 400], 'space'),
        seat(s2!.id, 'member', 1, 1, [250, 400], 'in_kind'),
        seat(l1!.id, 'member', 1, 1, [300, 450], 'money'),
      ],
      charters: [
        [
          'Elkaar vinden in de buurt',
          'Wij besluiten bij consensus; iedere partij heeft één zetel.',
        ],
        [
          'Elkaar vinden en samen buurtzorg organiseren',
          'Wij besluiten bij consensus; iedere partij heeft één zetel; de trekker rouleert jaarlijks.',
        ],
      ],
      log: [
        ['2025-01-15', 'meeting', 'Startbijeenkomst'],
        ['2025-03-10', 'decision', 'Gelijke zetels voor alle partijen'],
        ['2025-09-22', 'meeting', 'Halfjaarlijkse evaluatie'],
      ],
    },
    {
      name: 'Programma Wijkkracht',
      description:
        'Een grote welzijnsorganisatie trekt het programma en brengt het meeste geld in; dragers en een buurthuis denken mee.',
      decisionRule: 'majority',
      members: [
        seat(l2!.id, 'lead', 3, 6, [4_000, 6_000], 'money'),
        seat(p3!.id, 'member', 1, 1, [50, 120], 'hours'),
        seat(p4!.id, 'supporter', 0, 0, [30, 80], 'hours'),
        seat(s3!.id, 'member', 1, 1, [100, 200], 'space'),
      ],
      charters: [
        ['Meer bewoners bereiken', 'Besluiten bij meerderheid van stemmen.'],
        [
          'Meer bewoners bereiken met één loket',
          'Besluiten bij meerderheid van stemmen; de trekker beheert het budget.',
        ],
      ],
      log: [
        ['2025-02-03', 'meeting', 'Kick-off programma'],
        ['2025-06-16', 'decision', 'Budgetverdeling vastgesteld'],
      ],
    },
  ];
  const ids: string[] = [];
  await db.transaction().execute(async (trx) => {
    for (const [k, plan] of plans.entries()) {
      const allianceId = random.uuid();
      ids.push(allianceId);
      await insertAlliance(trx, {
        id: allianceId,
        workspace_id: workspaceId,
        name: plan.name,
        description: plan.description,
        status: 'active',
        decision_rule: plan.decisionRule,
        signal_id: null,
        visibility: 'workspace',
        created_by: null,
        created_at: STAMP,
        updated_at: STAMP,
      });
      const members: NewMember[] = plan.members.map((m) => ({
        id: random.uuid(),
        workspace_id: workspaceId,
        alliance_id: allianceId,
        actor_id: m.actorId,
        role: m.role,
        seats: m.seats,
        votes: m.votes,
        start_date: '2025-01-01',
        end_date: null,
        created_at: STAMP,
        updated_at: STAMP,
      }));
      await insertMembers(trx, members);
      for (const [v, [aims, charter]] of plan.charters.entries())
        await insertAgreement(
          trx,
          {
            id: random.uuid(),
            workspace_id: workspaceId,
            alliance_id: allianceId,
            version: v + 1,
            aims,
            charter,
            created_by: null,
            created_at: v === 0 ? '2025-01-20T10:00:00.000Z' : '2025-10-01T10:00:00.000Z',
          },
          areaIds.slice(k, k + 1),
          domainIds.slice(k, k + 2),
        );
      const contributions: NewContribution[] = [];
      for (const period of QUARTERS)
        plan.members.forEach((m, i) => {
          const cents = random.int(m.euros[0], m.euros[1]) * 100;
          contributions.push({
            id: random.uuid(),
            workspace_id: workspaceId,
            alliance_id: allianceId,
            member_id: members[i]!.id,
            period,
            kind: m.kind,
            quantity: quantityOf(m.kind, cents),
            value_cents: cents,
            note: null,
            created_by: null,
            created_at: STAMP,
          });
        });
      await insertContributions(trx, contributions);
      await insertLogEntries(
        trx,
        plan.log.map(([date, kind, title]) => ({
          id: random.uuid(),
          workspace_id: workspaceId,
          alliance_id: allianceId,
          date,
          kind,
          title,
          body: null,
          created_by: null,
          created_at: STAMP,
        })),
      );
    }
  });
  return { alliances: plans.length, balancedId: ids[0]!, unbalancedId: ids[1]! };
}

import { dayRange, overlapDays, peakLoad } from '../../analytics/support/index.ts';
import type { Db } from '../../db/dialect.ts';
import type {
  CommitmentRecipientType,
  SupportNeedsTable,
  SupportOffersTable,
} from '../../db/types.ts';
import { fieldError, type FieldError } from '../../http/problem.ts';
import type { ActorRef } from '../activities/refs-repo.ts';
import { checkAmount } from './checks.ts';
import { activeCommitmentsOfOffers, activeCommitmentsOfPair, proposalsOf } from './match-repo.ts';
import { toLoads } from './matching-service.ts';

// The rules a commitment must meet, checked when it is proposed and again, inside the same
// transaction as the write, when the last side accepts. Each returns field errors (all at once).

/** Who a commitment goes to; `person` when it is a carrier (the offer's persons rule). */
export interface CommitmentRecipient {
  type: CommitmentRecipientType;
  id: string;
  person: boolean;
}

export interface Terms {
  amountPerMonth: number;
  startDate: string;
  endDate: string | null;
}

const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string | null, b: string | null) =>
  a === null ? b : b === null ? a : a < b ? a : b;

/** What a proposal defaults to: the need's amount over the overlap of both periods. */
export const defaultTerms = (offer: SupportOffersTable, need: SupportNeedsTable): Terms => ({
  amountPerMonth: Number(need.amount_per_month),
  startDate: later(offer.start_date, need.start_date),
  endDate: earlier(offer.end_date, need.end_date),
});

/** The offer's type, the need still open, then the commitment rules and no other open proposal. */
export async function termErrors(
  db: Db,
  offer: SupportOffersTable,
  need: SupportNeedsTable,
  requester: Pick<ActorRef, 'kind'>,
  t: Terms,
  ignoreProposalId?: string,
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (offer.type !== need.type)
    errors.push(
      fieldError(
        '/needId',
        'type_mismatch',
        `The offer gives ${offer.type}, the need asks ${need.type}.`,
      ),
    );
  if (need.status !== 'open')
    errors.push(fieldError('/needId', 'need_closed', 'The need is closed.'));
  const rules = await commitmentErrors(
    db,
    offer,
    { type: 'actor', id: need.requester_id, person: requester.kind === 'person' },
    t,
  );
  errors.push(...rules);
  if (rules.some((e) => e.code === 'end_before_start')) return errors;
  const open = await proposalsOf(db, offer.workspace_id, offer.id, need.id);
  if (open.some((m) => m.id !== ignoreProposalId))
    errors.push(
      fieldError(
        '/needId',
        'duplicate_proposal',
        'This offer and need already have an open proposal.',
      ),
    );
  return errors;
}

/** The rules of the terms that need no record: the amount and the period's order. */
export function termShapeErrors(t: Terms): FieldError[] {
  const errors = checkAmount(t.amountPerMonth, '/amountPerMonth');
  if (t.endDate !== null && t.endDate < t.startDate)
    errors.push(
      fieldError(
        '/endDate',
        'end_before_start',
        `The end date ${t.endDate} is before ${t.startDate}.`,
      ),
    );
  return errors;
}

/**
 * What every commitment must meet, whether it comes from a match, renews another or is recorded
 * directly: the persons rule, the amount, period order, the offer's period, remaining capacity
 * and no overlapping commitment of the same offer to the same recipient (of any kind). Errors
 * about the recipient point at `recipientPointer`.
 */
export async function commitmentErrors(
  db: Db,
  offer: SupportOffersTable,
  recipient: CommitmentRecipient,
  t: Terms,
  recipientPointer = '/needId',
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const ws = offer.workspace_id;
  if (recipient.person && Number(offer.persons_eligible) !== 1)
    errors.push(
      fieldError(recipientPointer, 'persons_not_eligible', 'This offer is for organisations only.'),
    );
  const shape = termShapeErrors(t);
  errors.push(...shape);
  if (shape.some((e) => e.code === 'end_before_start')) return errors;
  if (t.startDate < offer.start_date)
    errors.push(
      fieldError('/startDate', 'outside_offer_period', `The offer starts on ${offer.start_date}.`),
    );
  if (offer.end_date !== null && (t.endDate === null || t.endDate > offer.end_date))
    errors.push(
      fieldError('/endDate', 'outside_offer_period', `The offer ends on ${offer.end_date}.`),
    );
  const window = dayRange(t.startDate, t.endDate);
  const loads = toLoads(await activeCommitmentsOfOffers(db, ws, [offer.id])).map((c) => ({
    range: dayRange(c.start, c.end),
    amount: c.amountPerMonth,
  }));
  const remaining = Number(offer.capacity_per_month) - peakLoad(loads, window);
  if (t.amountPerMonth > remaining)
    errors.push(
      fieldError(
        '/amountPerMonth',
        'beyond_capacity',
        `The offer has ${Math.max(0, remaining)} per month left in this period.`,
      ),
    );
  const pair = await activeCommitmentsOfPair(db, ws, offer.id, recipient);
  if (pair.some((c) => overlapDays(dayRange(c.start_date, c.end_date), window) > 0))
    errors.push(
      fieldError(
        recipientPointer,
        'overlapping_commitment',
        'This offer already supports this recipient in an overlapping period.',
      ),
    );
  return errors;
}

/** A changed offer must still carry its active commitments: capacity and period. */
export async function offerChangeErrors(
  db: Db,
  offer: SupportOffersTable,
  next: { capacityPerMonth: number; startDate: string; endDate: string | null },
): Promise<FieldError[]> {
  if (next.endDate !== null && next.endDate < next.startDate) return [];
  const active = await activeCommitmentsOfOffers(db, offer.workspace_id, [offer.id]);
  if (active.length === 0) return [];
  const errors: FieldError[] = [];
  const loads = toLoads(active).map((c) => ({
    range: dayRange(c.start, c.end),
    amount: c.amountPerMonth,
  }));
  const peak = peakLoad(loads, { start: -Infinity, end: Infinity });
  if (next.capacityPerMonth < peak)
    errors.push(
      fieldError(
        '/capacityPerMonth',
        'below_commitments',
        `Active commitments use ${peak} per month of this offer.`,
      ),
    );
  const first = active.reduce(
    (m, c) => (c.start_date < m ? c.start_date : m),
    active[0]!.start_date,
  );
  const open = active.some((c) => c.end_date === null);
  const last = active.reduce((m, c) => (c.end_date && c.end_date > m ? c.end_date : m), first);
  if (next.startDate > first)
    errors.push(
      fieldError('/startDate', 'commitments_outside_period', `A commitment starts on ${first}.`),
    );
  if (next.endDate !== null && (open || next.endDate < last))
    errors.push(
      fieldError(
        '/endDate',
        'commitments_outside_period',
        open ? 'An open-ended commitment rests on this offer.' : `A commitment runs until ${last}.`,
      ),
    );
  return errors;
}

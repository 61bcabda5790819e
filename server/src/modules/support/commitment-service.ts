import { newId } from '../../auth/crypto.ts';
import { assertCan } from '../../auth/policy.ts';
import { nowIso, type Actor, type AppContext } from '../../context.ts';
import type { Db } from '../../db/dialect.ts';
import type { CommitmentRecipientType, SupportCommitmentsTable } from '../../db/types.ts';
import { fieldError, type FieldError } from '../../http/problem.ts';
import { invalid } from '../activities/checks.ts';
import { findActor } from '../activities/refs-repo.ts';
import { findInitiative } from '../initiatives/repo.ts';
import { commitmentDtos } from './commitment-dto.ts';
import { commitmentErrors, termShapeErrors } from './commitment-rules.ts';
import type { CommitmentCreate } from './commitment-schema.ts';
import { insertCommitment } from './match-repo.ts';
import { findAlliance } from './recipient-repo.ts';
import { recipientColumns } from './recipients.ts';
import { findOffer, lockOffer } from './repo.ts';

// A commitment the provider side (coordinators and admins, who act for the offering
// organisations) records directly, without a need and a match: to a carrier or organisation, an
// initiative or an alliance of the workspace. The rules of an accepted match apply (capacity,
// the offer's period, the persons rule, no overlapping commitment of the offer to the same
// recipient); every error in one 400 and nothing written. A record of another workspace is
// reported exactly like one that does not exist.

const POINTER: Record<CommitmentRecipientType, string> = {
  actor: '/recipientId',
  initiative: '/recipientInitiativeId',
  alliance: '/recipientAllianceId',
};
const FIELD = {
  actor: 'recipientId',
  initiative: 'recipientInitiativeId',
  alliance: 'recipientAllianceId',
} as const satisfies Record<CommitmentRecipientType, keyof CommitmentCreate>;

/** The recipient's id, with errors when it is missing, unknown or another kind's id is given. */
async function recipientErrors(
  db: Db,
  workspaceId: string,
  input: CommitmentCreate,
  providerId: string | undefined,
): Promise<{ id: string; person: boolean; errors: FieldError[] }> {
  const type = input.recipientType;
  const errors: FieldError[] = [];
  for (const other of Object.keys(FIELD) as CommitmentRecipientType[])
    if (other !== type && input[FIELD[other]] !== undefined)
      errors.push(
        fieldError(
          POINTER[other],
          'conflicting_recipient',
          `The recipient is of type ${type}: give only ${FIELD[type]}.`,
        ),
      );
  const id = input[FIELD[type]];
  const pointer = POINTER[type];
  if (id === undefined) {
    errors.push(
      fieldError(pointer, 'required', `Give ${FIELD[type]} for a recipient of type ${type}.`),
    );
    return { id: '', person: false, errors };
  }
  let person = false;
  if (type === 'actor') {
    const a = await findActor(db, workspaceId, id);
    if (!a) errors.push(fieldError(pointer, 'unknown_actor', 'No such actor in this workspace.'));
    else if (a.id === providerId)
      errors.push(fieldError(pointer, 'same_as_provider', 'A provider does not support itself.'));
    person = a?.kind === 'person';
  } else if (type === 'initiative') {
    if (!(await findInitiative(db, workspaceId, id)))
      errors.push(
        fieldError(pointer, 'unknown_initiative', 'No such initiative in this workspace.'),
      );
  } else if (!(await findAlliance(db, workspaceId, id)))
    errors.push(fieldError(pointer, 'unknown_alliance', 'No such alliance in this workspace.'));
  return { id, person, errors };
}

export async function recordCommitment(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  input: CommitmentCreate,
) {
  assertCan(actor, 'support.manage', workspaceId);
  const row = await ctx.db.transaction().execute(async (trx) => {
    const offer = await findOffer(trx, workspaceId, input.offerId);
    const errors: FieldError[] = [];
    if (!offer)
      errors.push(fieldError('/offerId', 'unknown_offer', 'No such offer in this workspace.'));
    const recipient = await recipientErrors(trx, workspaceId, input, offer?.provider_id);
    errors.push(...recipient.errors);
    const terms = {
      amountPerMonth: input.amountPerMonth,
      startDate: input.startDate,
      endDate: input.endDate,
    };
    // The amount and the period need no record: listed with an unknown offer or recipient too.
    if (errors.length) throw invalid([...errors, ...termShapeErrors(terms)]);
    await lockOffer(trx, workspaceId, offer!.id);
    const to = { type: input.recipientType, id: recipient.id, person: recipient.person };
    errors.push(...(await commitmentErrors(trx, offer!, to, terms, POINTER[input.recipientType])));
    if (errors.length) throw invalid(errors);
    const now = nowIso(ctx);
    const next: SupportCommitmentsTable = {
      id: newId(),
      workspace_id: workspaceId,
      match_id: null,
      offer_id: offer!.id,
      need_id: null,
      provider_id: offer!.provider_id,
      ...recipientColumns(to.type, to.id),
      type: offer!.type,
      amount_per_month: terms.amountPerMonth,
      start_date: terms.startDate,
      end_date: terms.endDate,
      renewal: input.renewal ?? 'none',
      renewal_note: input.renewalNote || null,
      renewed_from_id: null,
      status: 'active',
      ended_at: null,
      end_reason: null,
      created_at: now,
      updated_at: now,
    };
    await insertCommitment(trx, next);
    return next;
  });
  return (await commitmentDtos(ctx.db, workspaceId, [row]))[0]!;
}

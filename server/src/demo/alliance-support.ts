import type { AppContext } from '../context.ts';
import { fundingParties, insertFlow } from '../modules/funding/repo.ts';
import { commitmentErrors } from '../modules/support/commitment-rules.ts';
import { insertCommitment } from '../modules/support/match-repo.ts';
import { firstGroups } from '../modules/support/recipient-repo.ts';
import { recipientColumns } from '../modules/support/recipients.ts';
import { offersOfType } from '../modules/support/repo.ts';
import type { Random } from './random.ts';

// Support for a demo alliance (issue 6 meets issue 5), seeded after the alliances: one commitment
// from the first money offer that still has the capacity (checked with the API's own rules) and
// one two-year core funding flow from the first funding organisation, both to the first alliance
// by name. Deterministic for the seed; nothing when the workspace has no alliance.

const STAMP = '2026-02-01T09:00:00.000Z';
const funderKinds = ['gemeentelijke_afdeling', 'fonds', 'woningcorporatie'];

export async function seedAllianceSupport(
  ctx: AppContext,
  workspaceId: string,
  random: Random,
): Promise<{ commitments: number; flows: number }> {
  const db = ctx.db;
  const [alliance] = await firstGroups(db, workspaceId, 'alliances', 1);
  if (!alliance) return { commitments: 0, flows: 0 };
  let commitments = 0;
  let flows = 0;
  await db.transaction().execute(async (trx) => {
    const to = { type: 'alliance' as const, id: alliance.id, person: false };
    for (const offer of await offersOfType(trx, workspaceId, 'money', [
      'private',
      'workspace',
      'public',
    ])) {
      const terms = {
        amountPerMonth: Math.floor(Number(offer.capacity_per_month) / 4),
        startDate: offer.start_date > '2026-03-01' ? offer.start_date : '2026-03-01',
        endDate: offer.end_date ?? '2027-12-31',
      };
      if (terms.amountPerMonth < 1) continue;
      if ((await commitmentErrors(trx, offer, to, terms)).length) continue;
      await insertCommitment(trx, {
        id: random.uuid(),
        workspace_id: workspaceId,
        match_id: null,
        offer_id: offer.id,
        need_id: null,
        provider_id: offer.provider_id,
        ...recipientColumns('alliance', alliance.id),
        type: offer.type,
        amount_per_month: terms.amountPerMonth,
        start_date: terms.startDate,
        end_date: terms.endDate,
        renewal: 'on_request',
        renewal_note: 'Verlengen als het bondgenootschap zijn jaarplan haalt.',
        renewed_from_id: null,
        status: 'active',
        ended_at: null,
        end_reason: null,
        created_at: STAMP,
        updated_at: STAMP,
      });
      commitments++;
      break;
    }
    const funder = (await fundingParties(trx, workspaceId)).actors.find(
      (p) => p.kind === 'organisation' && p.org_kind !== null && funderKinds.includes(p.org_kind),
    );
    if (!funder) return;
    await insertFlow(trx, {
      id: random.uuid(),
      workspace_id: workspaceId,
      funder_id: funder.id,
      recipient_type: 'alliance',
      recipient_actor_id: null,
      recipient_initiative_id: null,
      recipient_alliance_id: alliance.id,
      initiative_id: null,
      title: `Meerjarige bijdrage ${alliance.name}`,
      amount_cents: 4_800_000,
      start_date: '2026-01-01',
      end_date: '2027-12-31',
      instrument: 'core_funding',
      reporting_hours: 12,
      report_count: 2,
      visibility: 'workspace',
      created_by: null,
      created_at: STAMP,
      updated_at: STAMP,
    });
    flows++;
  });
  return { commitments, flows };
}

import type { AppContext } from '../context.ts';
import type { SurveyResource, TieIntensity } from '../db/types.ts';
import { insertTies } from '../modules/ties/repo.ts';
import {
  insertAnswers,
  insertMembers,
  insertRound,
  surveyCandidates,
  type AnswerRow,
} from '../modules/surveys/repo.ts';
import type { Random } from './random.ts';

// Demo survey rounds (netwerkmetingen, issue 4) for Wijkhaven: two closed rounds a year apart
// among the same organisations (and a few carriers), answered by most members. The later round
// has more ties, closer ones and higher trust, so comparing the two shows the network grow.
// Written as closing a round would: the submitted chosen answers are survey ties dated on the
// snapshot day, and the answers stay as the round's ratings. Deterministic for the seed. Enough
// partners are named that many actors have the 5 raters their trust and value need to be shown.

const intensities: TieIntensity[] = ['awareness', 'cooperative', 'coordinated', 'integrated'];
const resources: SurveyResource[] = ['money', 'space', 'staff', 'expertise', 'network', 'data'];

interface RoundPlan {
  title: string;
  opensOn: string;
  snapshotOn: string;
  /** Share of members who submit. */
  response: number;
  /** Partners each respondent names, at most. */
  partners: number;
  /** Added to every 1–4 rating before clamping (the later round trusts more). */
  lift: number;
}

const plans: RoundPlan[] = [
  {
    title: 'Netwerkmeting Wijkhaven 2025',
    opensOn: '2025-03-01',
    snapshotOn: '2025-03-31',
    response: 0.75,
    partners: 10,
    lift: 0,
  },
  {
    title: 'Netwerkmeting Wijkhaven 2026',
    opensOn: '2026-03-01',
    snapshotOn: '2026-03-31',
    response: 0.85,
    partners: 12,
    lift: 1,
  },
];

const clamp = (x: number) => Math.max(1, Math.min(4, x));

export async function seedSurveys(
  ctx: AppContext,
  workspaceId: string,
  random: Random,
  maxMembers = 24,
): Promise<{ rounds: number; ties: number }> {
  const db = ctx.db;
  const candidates = (await surveyCandidates(db, workspaceId)).slice(0, maxMembers);
  if (candidates.length < 3) return { rounds: 0, ties: 0 };
  let ties = 0;
  for (const [n, plan] of plans.entries()) {
    const id = random.uuid();
    const stamp = (day: string) => `${day}T09:00:00.000Z`;
    await insertRound(db, {
      id,
      workspace_id: workspaceId,
      title: plan.title,
      intro: 'Met wie werkt u samen in Wijkhaven, en hoe?',
      opens_on: plan.opensOn,
      closes_on: plan.snapshotOn,
      status: 'closed',
      reminder_days: 7,
      opened_at: stamp(plan.opensOn),
      closed_at: stamp(plan.snapshotOn),
      snapshot_on: plan.snapshotOn,
      created_by: null,
      created_at: stamp(plan.opensOn),
      updated_at: stamp(plan.snapshotOn),
    });
    const submitted = new Set(
      candidates.filter(() => random.chance(plan.response)).map((c) => c.id),
    );
    await insertMembers(
      db,
      candidates.map((c, i) => ({
        round_id: id,
        workspace_id: workspaceId,
        actor_id: c.id,
        email: c.email ?? `meting${n + 1}-deelnemer${i + 1}@demo.wijkdragers.nl`,
        token_nonce: null,
        token_hash: null,
        invited_at: stamp(plan.opensOn),
        started_at: submitted.has(c.id) ? stamp(plan.opensOn) : null,
        submitted_at: submitted.has(c.id) ? stamp(plan.opensOn) : null,
        reminded_at: null,
      })),
    );
    const answers: AnswerRow[] = [];
    for (const rater of candidates) {
      if (!submitted.has(rater.id)) continue;
      const others = candidates.filter((c) => c.id !== rater.id);
      const k = random.int(1, Math.min(plan.partners, others.length));
      for (const alter of random.sample(others, k)) {
        const rate = () => clamp(random.int(1, 3) + plan.lift);
        answers.push({
          round_id: id,
          workspace_id: workspaceId,
          rater_id: rater.id,
          alter_id: alter.id,
          chosen: 1,
          frequency: random.pick(['yearly', 'quarterly', 'monthly', 'weekly'] as const),
          intensity: intensities[clamp(random.int(1, 3) + plan.lift) - 1]!,
          reliability: rate(),
          mission: rate(),
          openness: rate(),
          power: rate(),
          involvement: rate(),
          resources: rate(),
          brings: JSON.stringify(random.sample(resources, random.int(0, 2)).sort()),
          updated_at: stamp(plan.opensOn),
        });
      }
    }
    await insertAnswers(db, answers);
    await insertTies(
      db,
      answers.map((a) => ({
        id: random.uuid(),
        workspace_id: workspaceId,
        from_actor_id: a.rater_id,
        to_actor_id: a.alter_id,
        type: 'collaboration' as const,
        directed: 1,
        intensity: a.intensity!,
        start_date: plan.snapshotOn,
        end_date: plan.snapshotOn,
        source: 'survey' as const,
        survey_round_id: id,
        note: null,
        created_by: null,
        created_at: stamp(plan.snapshotOn),
        updated_at: stamp(plan.snapshotOn),
      })),
    );
    ties += answers.length;
  }
  return { rounds: plans.length, ties };
}

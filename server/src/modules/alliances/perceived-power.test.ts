import { beforeAll, expect, it } from 'vitest';
import { newId } from '../../auth/crypto.ts';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { insertTestActor } from '../activities/test-support.ts';
import type { BalanceAnswer } from './balance-schema.ts';
import type { AllianceDetail } from './schema.ts';
import { allianceFixture, type AllianceFixture } from './test-fixture.ts';

// Perceived power in the balance index comes from PARTNER's "power/influence" item of the latest
// closed survey round (netwerkmeting), and only when at least 5 respondents who submitted rated
// the alliance's current members of each side (small: the carrier and the small organisation;
// large) in it. Worked example: 5 respondents rate the large organisation 4 and the
// carrier and the small organisation 1 and 2 → meanSmall 1.5, meanLarge 4,
// disparity (4 − 1.5) / 3 = 0.8333…, part score 1 − 0.8333… = 0.1666….
describeEachDialect('alliance balance: perceived power from survey rounds', (dialect) => {
  const t = useTestApp(dialect);
  let f: AllianceFixture;
  let a: AllianceDetail;
  let raters: string[];
  beforeAll(async () => {
    f = await allianceFixture(t);
    a = await f.alliance({ status: 'active' });
    raters = [];
    for (let i = 0; i < 5; i++) {
      const r = await insertTestActor(t().ctx.db, f.ws.id, {
        name: `Respondent ${i}`,
        kind: 'organisation',
        sizeClass: 'small',
        visibility: 'workspace',
      });
      raters.push(r.id);
    }
  });

  const round = async (
    snapshotOn: string,
    ratings: [rater: string, alter: string, power: number][],
    unsubmitted: readonly string[] = [],
  ) => {
    const db = t().ctx.db;
    const id = newId();
    const at = `${snapshotOn}T12:00:00.000Z`;
    await db
      .insertInto('survey_rounds')
      .values({
        id,
        workspace_id: f.ws.id,
        title: `Meting ${snapshotOn}`,
        intro: '',
        opens_on: snapshotOn,
        closes_on: snapshotOn,
        status: 'closed',
        reminder_days: 7,
        opened_at: at,
        closed_at: at,
        snapshot_on: snapshotOn,
        created_by: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await db
      .insertInto('survey_members')
      .values(
        [...new Set(ratings.map(([rater]) => rater))].map((rater, i) => ({
          round_id: id,
          workspace_id: f.ws.id,
          actor_id: rater,
          email: `r${i}.${snapshotOn}@example.org`,
          token_nonce: null,
          token_hash: null,
          invited_at: at,
          started_at: at,
          submitted_at: unsubmitted.includes(rater) ? null : at,
          reminded_at: null,
        })),
      )
      .execute();
    await db
      .insertInto('survey_answers')
      .values(
        ratings.map(([rater, alter, power]) => ({
          round_id: id,
          workspace_id: f.ws.id,
          rater_id: rater,
          alter_id: alter,
          chosen: 1,
          frequency: 'monthly' as const,
          intensity: 'cooperative' as const,
          reliability: 3,
          mission: 3,
          openness: 3,
          power,
          involvement: 3,
          resources: 3,
          brings: '[]',
          updated_at: at,
        })),
      )
      .execute();
  };
  const balance = async () => {
    const res = await f.coordinator.inject({
      method: 'GET',
      url: `${f.W}/alliances/${a.id}/balance`,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<BalanceAnswer>();
  };
  const everyone = (n: number, power: [carrier: number, small: number, large: number]) =>
    raters.slice(0, n).flatMap((r): [string, string, number][] => [
      [r, f.carriers.member.id, power[0]],
      [r, f.carriers.org.id, power[1]],
      [r, f.large.id, power[2]],
    ]);

  it('leaves perceived power out while fewer than 5 respondents rated the members', async () => {
    await round('2025-06-30', everyone(4, [1, 2, 4]));
    const b = await balance();
    expect(b.perceivedPowerAvailable).toBe(false);
    expect(b.parts.perceivedPower.score).toBeNull();
  });

  it('uses the latest closed round with at least 5 respondents, in the index and the detail', async () => {
    await round('2025-12-31', everyone(5, [1, 2, 4]));
    const b = await balance();
    expect(b.perceivedPowerAvailable).toBe(true);
    expect(b.parts.perceivedPower.meanSmall).toBeCloseTo(1.5, 12);
    expect(b.parts.perceivedPower.meanLarge).toBeCloseTo(4, 12);
    expect(b.parts.perceivedPower.disparity).toBeCloseTo(2.5 / 3, 12);
    expect(b.parts.perceivedPower.score).toBeCloseTo(1 - 2.5 / 3, 12);
    expect(b.reasons.map((r) => r.code)).toContain('perceived-power-disparity');
    const detail = await f.coordinator.inject({ method: 'GET', url: `${f.W}/alliances/${a.id}` });
    expect(detail.json<AllianceDetail>().balance.index).toBeCloseTo(b.index!, 12);

    // A later round in which everyone is seen as equally strong replaces it.
    await round('2026-02-28', everyone(5, [3, 3, 3]));
    const later = await balance();
    expect(later.parts.perceivedPower.disparity).toBe(0);
    expect(later.reasons.map((r) => r.code)).not.toContain('perceived-power-disparity');
  });

  it('ignores rounds closed after the day asked, and ratings of non-members', async () => {
    // After today (2026-03-02): not used.
    await round('2026-12-31', everyone(5, [1, 1, 4]));
    // Today: five respondents, but only four rated the members; the fifth rated an outsider.
    const outsider = raters[4]!;
    await round('2026-03-02', [
      ...everyone(4, [1, 1, 4]),
      ...raters.slice(0, 4).map((r): [string, string, number] => [r, outsider, 4]),
    ]);
    const b = await balance();
    // Still the 2026-02-28 round, in which everyone was seen as equally strong.
    expect(b.perceivedPowerAvailable).toBe(true);
    expect(b.parts.perceivedPower.disparity).toBe(0);
  });

  it('needs 5 respondents on each side: the large side rated by one is not used', async () => {
    // Five rate the carrier and the small organisation, only one the large organisation: its
    // mean would be that one respondent's answer.
    await round('2026-03-01', [
      ...raters.flatMap((r): [string, string, number][] => [
        [r, f.carriers.member.id, 1],
        [r, f.carriers.org.id, 1],
      ]),
      [raters[0]!, f.large.id, 4],
    ]);
    const b = await balance();
    expect(b.parts.perceivedPower.disparity).toBe(0);
    expect(b.parts.perceivedPower.meanLarge).toBe(3);
  });

  it('counts only respondents who submitted', async () => {
    // Five rated everyone, but one never submitted: four remain on each side.
    await round('2026-03-02', everyone(5, [1, 1, 4]), [raters[4]!]);
    const b = await balance();
    expect(b.parts.perceivedPower.disparity).toBe(0);
    expect(b.parts.perceivedPower.meanLarge).toBe(3);
  });
});

import { beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/dialect.ts';
import { AppError } from '../../http/problem.ts';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { saveAnswer } from './respond.ts';
import type { AnswerInput } from './schema.ts';
import { mailedToken, surveyFixture, type SurveyFixture } from './test-fixture.ts';

// A save that passed the link check can race the round's closing (or the member's own submit):
// the check is made again inside the saving transaction, so no answer lands in a closed round.
// The race is made deterministic by a context whose transaction runs `meanwhile` first.
describeEachDialect('saving a survey answer while the round closes', (dialect) => {
  const t = useTestApp(dialect);
  let f: SurveyFixture;
  beforeAll(async () => {
    f = await surveyFixture(t);
  });

  const answer = {
    chosen: true,
    frequency: 'monthly',
    intensity: 'coordinated',
    reliability: 4,
    mission: 3,
    openness: 4,
    power: 2,
    involvement: 3,
    resources: 1,
    brings: [],
  };

  /** The app's context, but every transaction first awaits `meanwhile` (on the real database). */
  const racing = (meanwhile: () => Promise<unknown>): AppContext => {
    const ctx = t().ctx;
    const db = new Proxy(ctx.db, {
      get(target, p) {
        if (p === 'transaction')
          return () => ({
            execute: async <T>(fn: (trx: Db) => Promise<T>) => {
              await meanwhile();
              return target.transaction().execute(fn);
            },
          });
        const v = Reflect.get(target, p, target) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
    return { ...ctx, db };
  };

  const refusal = async (run: Promise<unknown>) => {
    const e = await run.then(
      () => undefined,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  };

  const answersOf = (roundId: string, raterId: string) =>
    t()
      .ctx.db.selectFrom('survey_answers')
      .selectAll()
      .where('round_id', '=', roundId)
      .where('rater_id', '=', raterId)
      .execute();

  it('refuses a save when the round closed after the link was checked', async () => {
    await t().ctx.db.deleteFrom('outbox_emails').execute();
    const r = await f.openRound({ title: 'Ronde sluit' });
    const token = await mailedToken(t, f.emails.org);
    const ctx = racing(() => f.action(r.id, 'closing'));
    const input = { token, ...answer } as AnswerInput;
    const e = await refusal(saveAnswer(ctx, f.large.id, input, 'race-client'));
    expect([e.status, e.code]).toEqual([409, 'round_closed']);
    expect(await answersOf(r.id, f.carriers.org.id)).toEqual([]);
  });

  it('refuses a save when the member submitted after the link was checked', async () => {
    await t().ctx.db.deleteFrom('outbox_emails').execute();
    const r = await f.openRound({ title: 'Ronde verstuurd' });
    const token = await mailedToken(t, f.emails.org);
    const ctx = racing(async () => expect((await f.submit(token)).statusCode).toBe(200));
    const input = { token, ...answer } as AnswerInput;
    const e = await refusal(saveAnswer(ctx, f.large.id, input, 'race-client'));
    expect([e.status, e.code]).toEqual([409, 'already_submitted']);
    expect(await answersOf(r.id, f.carriers.org.id)).toEqual([]);
  });
});

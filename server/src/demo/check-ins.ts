import { nowIso, type AppContext } from '../context.ts';
import { COORDINATOR_EMAIL } from './directory.ts';
import { insertCheckIn, insertShare } from '../modules/check-ins/repo.ts';
import { addMonths } from '../modules/check-ins/schedule.ts';
import type { Random } from './random.ts';

// Demo check-ins of carriers ("behapbaar en betekenisvol", issue 6): every carrier with an
// account (Lieke and the residents who manage their own record) over the twelve months before
// the current one. Most months five or more carriers check in, so coordinators see aggregates;
// every third month only a few do, so that month is suppressed. Scores drift around a personal
// baseline. Lieke shares her check-ins with the coordinator, so the shared view has content.
// Deterministic for the seed and the day (the months are counted back from today).

const wishes = [
  'Leren hoe ik een subsidieaanvraag schrijf',
  'Meer weten over omgaan met conflicten in de groep',
  'Een training vrijwilligers begeleiden',
  null,
  null,
];
const notes = [
  'Druk met de zomeractiviteiten, maar het geeft energie.',
  'Het wordt me even te veel; de administratie kost veel tijd.',
  'Goed gesprek gehad met de opbouwwerker.',
  'Rustige maand.',
  null,
  null,
  null,
];
const STAMP_TIME = 'T19:30:00.000Z';

const clamp = (x: number) => Math.min(5, Math.max(1, x));

export async function seedCheckIns(
  ctx: AppContext,
  workspaceId: string,
  random: Random,
): Promise<{ checkIns: number }> {
  const db = ctx.db;
  const carriers = await db
    .selectFrom('actors')
    .select(['id', 'user_id'])
    .where('workspace_id', '=', workspaceId)
    .where('kind', '=', 'person')
    .where('user_id', 'is not', null)
    .orderBy('id')
    .execute();
  if (carriers.length === 0) return { checkIns: 0 };
  const thisMonth = `${nowIso(ctx).slice(0, 7)}-01`;
  const base = new Map(
    carriers.map((c) => [
      c.id,
      { workload: random.int(2, 4), energy: random.int(2, 4), supportFelt: random.int(2, 4) },
    ]),
  );
  let count = 0;
  await db.transaction().execute(async (trx) => {
    for (let i = 12; i >= 1; i--) {
      const month = addMonths(thisMonth, -i);
      const inMonth = new Date(
        Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0),
      ).getUTCDate();
      // Every third month a quiet one (2–4 carriers: suppressed); else 5 or more where possible.
      const k =
        i % 3 === 0
          ? Math.min(carriers.length, random.int(2, 4))
          : Math.min(carriers.length, random.int(5, 6 + Math.floor(carriers.length / 3)));
      for (const c of random.sample(carriers, k)) {
        const b = base.get(c.id)!;
        const date = `${month.slice(0, 8)}${String(random.int(1, inMonth)).padStart(2, '0')}`;
        await insertCheckIn(trx, {
          id: random.uuid(),
          workspace_id: workspaceId,
          carrier_id: c.id,
          user_id: c.user_id!,
          check_in_date: date,
          workload: clamp(b.workload + random.int(-1, 1)),
          energy: clamp(b.energy + random.int(-1, 1)),
          support_felt: clamp(b.supportFelt + random.int(-1, 1)),
          development_wishes: random.pick(wishes),
          note: random.pick(notes),
          created_at: `${date}${STAMP_TIME}`,
        });
        count++;
      }
    }
    const lieke = await trx
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'lid@demo.wijkdragers.nl')
      .executeTakeFirst();
    const coordinator = await trx
      .selectFrom('users')
      .select('id')
      .where('email', '=', COORDINATOR_EMAIL)
      .executeTakeFirst();
    if (lieke && coordinator && carriers.some((c) => c.user_id === lieke.id))
      await insertShare(trx, {
        workspace_id: workspaceId,
        owner_user_id: lieke.id,
        reader_user_id: coordinator.id,
        created_at: `${thisMonth}${STAMP_TIME}`,
      });
  });
  return { checkIns: count };
}

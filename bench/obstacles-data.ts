import { analyze, openDatabase } from '../server/src/db/dialect.ts';
import { createRandom } from '../server/src/demo/random.ts';
import { bumpObstacleVersion } from '../server/src/modules/obstacles/insight-repo.ts';
import { workspaceMembers } from '../server/src/modules/obstacles/owners-repo.ts';
import { insertEndorsement } from '../server/src/modules/obstacles/repo.ts';

// The obstacles benchmark's data: the demo's endorsements, topped up to the 10,000.

/**
 * Tops the demo workspace up to `target` endorsements (through the repo, in one transaction):
 * members who do not endorse an obstacle yet endorse it, obstacle by obstacle. Deterministic.
 */
export async function ensureEndorsements(url: string, target: number) {
  const handle = openDatabase(url);
  try {
    const db = handle.db;
    const ws = await db
      .selectFrom('workspaces')
      .select('id')
      .where('slug', '=', 'demo')
      .executeTakeFirstOrThrow();
    const count = async (table: 'obstacles' | 'obstacle_endorsements') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<string | number>().as('n'))
            .where('workspace_id', '=', ws.id)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const seeded = await count('obstacle_endorsements');
    let added = 0;
    if (seeded < target) {
      const obstacles = await db
        .selectFrom('obstacles')
        .select(['id', 'reporter_user_id', 'created_at'])
        .where('workspace_id', '=', ws.id)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      const existing = new Set(
        (
          await db
            .selectFrom('obstacle_endorsements')
            .select(['obstacle_id', 'user_id'])
            .where('workspace_id', '=', ws.id)
            .execute()
        ).map((e) => `${e.obstacle_id} ${e.user_id}`),
      );
      const members = (await workspaceMembers(db, ws.id)).map((m) => m.user_id);
      const random = createRandom(0xe4d0);
      await db.transaction().execute(async (trx) => {
        for (let i = 0; seeded + added < target; i++) {
          const o = obstacles[i % obstacles.length]!;
          const user = random.pick(members);
          if (user === o.reporter_user_id || existing.has(`${o.id} ${user}`)) continue;
          existing.add(`${o.id} ${user}`);
          await insertEndorsement(trx, {
            id: random.uuid(),
            workspace_id: ws.id,
            obstacle_id: o.id,
            user_id: user,
            context: null,
            created_at: new Date(Date.parse(o.created_at) + 86_400_000).toISOString(),
          });
          added++;
        }
        await bumpObstacleVersion(trx, ws.id);
      });
      await analyze(db);
    }
    return { obstacles: await count('obstacles'), seeded, added };
  } finally {
    await handle.destroy();
  }
}

import type { KyselyPlugin, RootOperationNode } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import type { Browser } from '../../../test/session.ts';
import type { Actor, AppContext } from '../../context.ts';
import type { Role } from '../../db/types.ts';
import { directoryFixture, type Fixture } from '../activities/test-fixture.ts';
import { getInitiatives } from './service.ts';

interface Carrier {
  actorId: string;
  name: string;
}
interface ListItem {
  id: string;
  name: string;
  carriers: Carrier[];
}
interface Detail {
  participants: (Carrier & { role: string })[];
}

/** Counts the queries a service sends, and keeps them to see which tables they read. */
function countingContext(ctx: AppContext) {
  const nodes: RootOperationNode[] = [];
  const plugin: KyselyPlugin = {
    transformQuery: (args) => {
      nodes.push(args.node);
      return args.node;
    },
    transformResult: (args) => Promise.resolve(args.result),
  };
  const reading = (table: string) =>
    nodes.filter((n) => JSON.stringify(n).includes(`"name":"${table}"`)).length;
  return { ctx: { ...ctx, db: ctx.db.withPlugin(plugin) }, nodes, reading };
}

describeEachDialect('initiatives list with carriers', (dialect) => {
  const t = useTestApp(dialect);
  let f: Fixture;
  const url = (rest = '') => `/api/v1/workspaces/${f.slug}/initiatives${rest}`;
  const made: Record<'garden' | 'language' | 'partnersOnly', string> = {
    garden: '',
    language: '',
    partnersOnly: '',
  };

  const userActor = (userId: string, role: Role): Actor => ({
    kind: 'user',
    via: 'session',
    userId,
    memberships: [{ workspaceId: f.ws.id, role }],
  });

  const create = async (name: string, participants: object[]) => {
    const res = await f.coordinator.inject({
      method: 'POST',
      url: url(),
      payload: {
        name,
        status: 'active',
        areaIds: [],
        domainIds: [],
        targetGroupIds: [],
        participants,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  };

  const list = async (who: Browser, query = '?pageSize=100') => {
    const res = await who.inject({ method: 'GET', url: url(query) });
    expect(res.statusCode, res.body).toBe(200);
    return { body: res.body, items: res.json<{ items: ListItem[] }>().items };
  };

  /** Carrier names per initiative name, as the list gives them. */
  const carrierNames = (items: ListItem[]) =>
    Object.fromEntries(items.map((i) => [i.name, i.carriers.map((c) => c.name)]));

  beforeAll(async () => {
    f = await directoryFixture(t);
    const { member, member2, hidden, org } = f.carriers;
    made.garden = await create('Buurtmoestuin', [
      { actorId: hidden.id, role: 'carrier' },
      { actorId: org.id, role: 'partner' },
      { actorId: member2.id, role: 'carrier' },
    ]);
    made.language = await create('Taalcafé', [
      { actorId: member2.id, role: 'carrier' },
      { actorId: member.id, role: 'carrier' },
    ]);
    made.partnersOnly = await create('Zomerschool', [
      { actorId: org.id, role: 'partner' },
      // A partner role does not make anyone a carrier, even a carrier of another initiative.
      { actorId: member2.id, role: 'partner' },
    ]);
  });

  it('names the carriers each viewer may see, by name, and never a partner', async () => {
    const { member, member2, hidden } = f.carriers;
    const forCoordinator = await list(f.coordinator);
    expect(carrierNames(forCoordinator.items)).toEqual({
      Buurtmoestuin: ['Joop de Wit', 'Stille Kracht'],
      Taalcafé: ['Fatima Öztürk', 'Joop de Wit'],
      Zomerschool: [],
    });
    expect(forCoordinator.items.find((i) => i.id === made.garden)?.carriers).toEqual([
      { actorId: member2.id, name: 'Joop de Wit' },
      { actorId: hidden.id, name: 'Stille Kracht' },
    ]);

    // A member does not see the private carrier without an account, but does see their own.
    const forMember = await list(f.member);
    expect(carrierNames(forMember.items)).toEqual({
      Buurtmoestuin: ['Joop de Wit'],
      Taalcafé: ['Fatima Öztürk', 'Joop de Wit'],
      Zomerschool: [],
    });
    expect(forMember.body).not.toContain(hidden.id);
    expect(forMember.body).not.toContain('Stille Kracht');

    // Another member sees neither private carrier (Fatima's record is hers, not theirs).
    const forMember2 = await list(f.member2);
    expect(carrierNames(forMember2.items)).toEqual({
      Buurtmoestuin: ['Joop de Wit'],
      Taalcafé: ['Joop de Wit'],
      Zomerschool: [],
    });
    expect(forMember2.body).not.toContain(member.id);
    const forResearcher = await list(f.researcher);
    expect(carrierNames(forResearcher.items)).toEqual(carrierNames(forMember2.items));
  });

  it('lists the same carriers as each initiative’s detail', async () => {
    for (const who of [f.coordinator, f.member, f.member2, f.researcher]) {
      const { items } = await list(who);
      for (const item of items) {
        const res = await who.inject({ method: 'GET', url: url(`/${item.id}`) });
        expect(res.statusCode, res.body).toBe(200);
        const carriers = res
          .json<Detail>()
          .participants.filter((p) => p.role === 'carrier')
          .map(({ actorId, name }) => ({ actorId, name }));
        expect(item.carriers).toEqual(carriers);
      }
    }
  });

  it('keeps the carriers with their initiative when paging and filtering', async () => {
    const second = await list(f.member, '?page=2&pageSize=1');
    expect(second.items.map((i) => [i.id, i.carriers.map((c) => c.name)])).toEqual([
      [made.language, ['Fatima Öztürk', 'Joop de Wit']],
    ]);
    const ended = await list(f.coordinator, '?status=ended');
    expect(ended.items).toEqual([]);
  });

  it('reads the carriers of a whole page in one query, whatever the page size', async () => {
    const coordinator = userActor(f.users.coordinator.id, 'coordinator');
    const member = userActor(f.users.member.id, 'member');
    const queriesFor = async (actor: Actor, limit: number) => {
      const counting = countingContext(t().ctx);
      const page = await getInitiatives(counting.ctx, actor, f.ws.id, {}, { offset: 0, limit });
      return {
        total: counting.nodes.length,
        participants: counting.reading('initiative_participants'),
        items: page.items,
      };
    };

    const one = await queriesFor(coordinator, 1);
    const all = await queriesFor(coordinator, 100);
    expect(one.items).toHaveLength(1);
    expect(all.items).toHaveLength(3);
    expect(all.items.flatMap((i) => i.carriers)).toHaveLength(4);
    // No query per initiative: three initiatives cost what one does.
    expect(all.total).toBe(one.total);
    // A coordinator's list filter needs no participants, so this is the carriers query alone.
    expect(all.participants).toBe(1);

    // A member's visibility filter reads participants inside the page query; still no extra.
    const memberOne = await queriesFor(member, 1);
    const memberAll = await queriesFor(member, 100);
    expect(memberAll.items).toHaveLength(3);
    expect(memberAll.total).toBe(memberOne.total);
    expect(memberAll.total).toBe(all.total);
  });
});

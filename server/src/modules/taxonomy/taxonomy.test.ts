import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { Browser, seedWorkspace } from '../../../test/session.ts';
import { seedDemo } from '../../demo/seed.ts';
import { defaultTerms } from './defaults.ts';

interface Term {
  id: string;
  kind: string;
  slug: string;
  labelNl: string;
  labelEn: string;
  description: string | null;
  position: number;
  archived: boolean;
  archivedAt: string | null;
}
interface Problem {
  status: number;
  code: string;
  errors?: { pointer: string; location: string; code: string }[];
}

const countOf = (kind: string) => defaultTerms.filter((t) => t.kind === kind).length;

describeEachDialect('taxonomy', (dialect) => {
  const t = useTestApp(dialect);
  let slug = '';
  let otherSlug = '';
  let otherTermId = '';
  let coordinator: Browser;
  let admin: Browser;
  let member: Browser;
  let outsider: Browser;

  beforeAll(async () => {
    const a = await seedWorkspace(t().ctx, ['admin', 'coordinator', 'member']);
    const b = await seedWorkspace(t().ctx, ['admin']);
    slug = a.ws.slug;
    otherSlug = b.ws.slug;
    coordinator = new Browser(t().app);
    await coordinator.login(a.users.coordinator?.email ?? '');
    admin = new Browser(t().app);
    await admin.login(a.users.admin?.email ?? '');
    member = new Browser(t().app);
    await member.login(a.users.member?.email ?? '');
    outsider = new Browser(t().app);
    await outsider.login(b.users.admin?.email ?? '');
    const other = await outsider.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${otherSlug}/taxonomy-terms?kind=domain`,
    });
    otherTermId = other.json<{ items: Term[] }>().items[0]?.id ?? '';
  });

  const list = async (query = '', who = member, ws = slug) => {
    const res = await who.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${ws}/taxonomy-terms${query}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: Term[] }>().items;
  };
  const create = (who: Browser, payload: unknown, ws = slug) =>
    who.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${ws}/taxonomy-terms`,
      payload: payload as object,
    });
  const patch = (who: Browser, id: string, payload: unknown, ws = slug) =>
    who.inject({
      method: 'PATCH',
      url: `/api/v1/workspaces/${ws}/taxonomy-terms/${id}`,
      payload: payload as object,
    });
  const snapshot = () =>
    t().ctx.db.selectFrom('taxonomy_terms').selectAll().orderBy('id').execute();

  it('gives a new workspace the default Dutch taxonomy, ordered by position', async () => {
    const domains = await list('?kind=domain');
    const groups = await list('?kind=target_group');
    expect(domains).toHaveLength(countOf('domain'));
    expect(groups).toHaveLength(countOf('target_group'));
    expect(countOf('domain')).toBe(16);
    expect(countOf('target_group')).toBe(11);
    expect(domains.map((d) => d.labelNl)).toEqual(
      defaultTerms.filter((d) => d.kind === 'domain').map((d) => d.labelNl),
    );
    expect(domains.map((d) => d.position)).toEqual(domains.map((_, i) => i));
    expect(groups.find((g) => g.labelNl === 'dak- en thuislozen')).toMatchObject({
      slug: 'dak-en-thuislozen',
      labelEn: 'homeless people',
      archived: false,
    });
    expect(await list()).toHaveLength(defaultTerms.length);
    // Another workspace has its own copy.
    expect(await list('', outsider, otherSlug)).toHaveLength(defaultTerms.length);
  });

  it('creates, renames, reorders, archives and restores a term', async () => {
    const res = await create(coordinator, {
      kind: 'domain',
      labelNl: 'Klimaat & Energie',
      labelEn: 'Climate and energy',
    });
    expect(res.statusCode, res.body).toBe(201);
    const term = res.json<Term>();
    expect(term).toMatchObject({
      kind: 'domain',
      slug: 'klimaat-energie',
      description: null,
      position: countOf('domain'),
      archived: false,
    });
    expect((await list('?kind=domain')).at(-1)?.id).toBe(term.id);

    const renamed = await patch(admin, term.id, {
      labelNl: 'Duurzaamheid',
      labelEn: 'Sustainability',
      description: 'Energie, klimaat, groen',
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json<Term>()).toMatchObject({
      slug: 'duurzaamheid',
      labelNl: 'Duurzaamheid',
      labelEn: 'Sustainability',
      description: 'Energie, klimaat, groen',
    });

    const moved = await patch(coordinator, term.id, { position: 0 });
    expect(moved.statusCode, moved.body).toBe(200);
    const ordered = await list('?kind=domain');
    expect(ordered[0]?.id).toBe(term.id);

    const archived = await patch(coordinator, term.id, { archived: true });
    expect(archived.statusCode, archived.body).toBe(200);
    expect(archived.json<Term>()).toMatchObject({ archived: true });
    expect(archived.json<Term>().archivedAt).toBeTruthy();
    expect((await list('?kind=domain')).map((d) => d.id)).not.toContain(term.id);
    const all = await list('?kind=domain&includeArchived=true');
    expect(all.find((d) => d.id === term.id)).toMatchObject({ archived: true });

    const restored = await patch(coordinator, term.id, { archived: false });
    expect(restored.json<Term>()).toMatchObject({ archived: false, archivedAt: null });
    expect((await list('?kind=domain')).map((d) => d.id)).toContain(term.id);
  });

  it('refuses a duplicate slug per kind with 409 and a field error, but allows it in the other kind', async () => {
    const before = await snapshot();
    const dup = await create(coordinator, { kind: 'domain', labelNl: 'Wonen!', labelEn: 'x' });
    expect(dup.statusCode, dup.body).toBe(409);
    expect(dup.headers['content-type']).toContain('application/problem+json');
    expect(dup.json<Problem>().errors?.map((e) => e.pointer)).toEqual(['/labelNl']);
    expect(await snapshot()).toEqual(before);

    const [first, second] = await list('?kind=target_group');
    const clash = await patch(coordinator, second?.id ?? '', { labelNl: first?.labelNl });
    expect(clash.statusCode, clash.body).toBe(409);
    expect(await snapshot()).toEqual(before);

    // "ouderen" is a default domain and target group; a new kind-specific label is fine too.
    const ok = await create(coordinator, {
      kind: 'target_group',
      labelNl: 'Wonen',
      labelEn: 'Housing',
    });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('answers 409, never 500, when two requests create the same label at once', async () => {
    const body = { kind: 'domain', labelNl: 'Buurtbudget', labelEn: 'Neighbourhood budget' };
    const answers = await Promise.all([1, 2, 3, 4].map(() => create(coordinator, body)));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409, 409, 409]);
    const rows = (await snapshot()).filter((r) => r.slug === 'buurtbudget');
    expect(rows).toHaveLength(1);
  });

  it('lists every validation error and writes nothing on bad input', async () => {
    const before = await snapshot();
    const bad = await create(coordinator, {
      kind: 'topic',
      labelNl: '   ',
      labelEn: 7,
      position: -1,
      extra: true,
    });
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const pointers = bad.json<Problem>().errors?.map((e) => e.pointer) ?? [];
    for (const p of ['/kind', '/labelNl', '/labelEn', '/position'])
      expect(pointers, bad.body).toContain(p);
    expect(pointers.length).toBeGreaterThanOrEqual(5);

    const [term] = await list('?kind=domain');
    const badPatch = await patch(coordinator, term?.id ?? '', {
      archived: 'yes',
      position: 1.5,
    });
    expect(badPatch.statusCode, badPatch.body).toBe(400);
    expect(
      badPatch
        .json<Problem>()
        .errors?.map((e) => e.pointer)
        .sort(),
    ).toEqual(['/archived', '/position']);
    const empty = await patch(coordinator, term?.id ?? '', {});
    expect(empty.statusCode, empty.body).toBe(400);
    const badId = await patch(coordinator, 'not-a-uuid', { position: 1 });
    expect(badId.statusCode, badId.body).toBe(400);
    const badQuery = await member.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${slug}/taxonomy-terms?kind=topic&includeArchived=maybe`,
    });
    expect(badQuery.statusCode, badQuery.body).toBe(400);
    expect(await snapshot()).toEqual(before);
  });

  it('lets members read but not write, and hides other workspaces', async () => {
    const before = await snapshot();
    const [term] = await list('?kind=domain');
    const denied = await create(member, { kind: 'domain', labelNl: 'Nieuw', labelEn: 'New' });
    expect(denied.statusCode, denied.body).toBe(403);
    expect((await patch(member, term?.id ?? '', { position: 3 })).statusCode).toBe(403);

    // Another workspace's term through this workspace: 404, and unchanged.
    const cross = await patch(coordinator, otherTermId, { labelNl: 'Overgenomen' });
    expect(cross.statusCode, cross.body).toBe(404);
    // This workspace's slug for an outsider: 404.
    const outside = await create(outsider, { kind: 'domain', labelNl: 'Nieuw', labelEn: 'New' });
    expect(outside.statusCode, outside.body).toBe(404);
    expect((await patch(outsider, term?.id ?? '', { position: 3 })).statusCode).toBe(404);
    const get = await outsider.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${slug}/taxonomy-terms`,
    });
    expect(get.statusCode).toBe(404);
    expect(await snapshot()).toEqual(before);
  });

  it('gives the seed --demo workspace the defaults', async () => {
    await seedDemo(t().ctx);
    const rows = await t()
      .ctx.db.selectFrom('taxonomy_terms')
      .innerJoin('workspaces', 'workspaces.id', 'taxonomy_terms.workspace_id')
      .select(['taxonomy_terms.kind', 'taxonomy_terms.label_nl'])
      .where('workspaces.slug', '=', 'demo')
      .execute();
    expect(rows.filter((r) => r.kind === 'domain')).toHaveLength(countOf('domain'));
    expect(rows.filter((r) => r.kind === 'target_group')).toHaveLength(countOf('target_group'));
  });
});

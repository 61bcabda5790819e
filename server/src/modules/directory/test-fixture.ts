import type { Actor, AppContext } from '../../context.ts';
import { collection, feature, ring } from '../../../test/geojson.ts';
import { importAreas, importIndicators } from '../areas/service.ts';
import { insertActivity, insertActor, insertInitiative, lookups } from './test-support.ts';

// Tests only: one small municipality with every case the directory tests need.
//
//   GM0599 Rotterdam
//   ├─ WK059901 Stadscentrum ── BU05990110 Stadsdriehoek, BU05990111 Cool
//   └─ WK059902 Delfshaven ──── BU05990201 Bospolder
//
// Stadsdriehoek also has an older boundary (2020): only the 2024 areas are on the map.

const system: Actor = { kind: 'system' };

/** A square with coordinates of ten decimals, to see the map layer round them. */
const square = (x: number, y: number) => ({
  type: 'Polygon',
  coordinates: [ring(x + 0.0000012345, y + 0.0000067891, 0.0123456789)],
});

export const areas2024 = collection([
  feature({ code: 'GM0599', name: 'Rotterdam' }, square(4.3, 51.85)),
  feature({ code: 'WK059901', name: 'Stadscentrum' }, square(4.46, 51.91)),
  feature({ code: 'BU05990110', name: 'Stadsdriehoek', population: 14000 }, square(4.47, 51.92)),
  feature({ code: 'BU05990111', name: 'Cool', population: 5000 }, square(4.46, 51.92)),
  feature({ code: 'WK059902', name: 'Delfshaven' }, square(4.43, 51.9)),
  feature({ code: 'BU05990201', name: 'Bospolder', population: 7000 }, square(4.44, 51.9)),
]);

export async function seedDirectoryFixture(
  ctx: AppContext,
  workspaceId: string,
  users: { member: string },
) {
  const db = ctx.db;
  // Figures of 2020 land on the 2020 boundary, figures of 2022 on the 2024 one: one code.
  await importAreas(
    ctx,
    system,
    workspaceId,
    collection([feature({ code: 'BU05990110', name: 'Stadsdriehoek' }, square(4.47, 51.92))]),
    { year: 2020 },
  );
  await importIndicators(
    ctx,
    system,
    workspaceId,
    'code;AantalInwoners_5;Koopwoningen_40\nBU05990110;12000;30\n',
    { year: 2020 },
  );
  await importAreas(ctx, system, workspaceId, areas2024, { year: 2024 });
  await importIndicators(
    ctx,
    system,
    workspaceId,
    'code;AantalInwoners_5;Koopwoningen_40\nBU05990110;14000;.\nBU05990111;5000;20\nWK059901;19000;25\n',
    { year: 2022 },
  );
  const { area, term } = await lookups(db, workspaceId);
  const a = {
    gm: area('GM0599'),
    centrum: area('WK059901'),
    driehoek: area('BU05990110'),
    cool: area('BU05990111'),
    delfshaven: area('WK059902'),
    bospolder: area('BU05990201'),
  };
  const t = {
    zorg: term('zorg'),
    jeugd: term('jeugd'),
    onderwijs: term('onderwijs'),
    armoede: term('armoede en schulden'),
    taal: term('taal en integratie'),
    jongeren: term('jongeren'),
    ouderen: term('ouderen'),
  };

  const fatima = await insertActor(db, workspaceId, {
    kind: 'person',
    name: 'Fatima Buurtmoeders',
    carries: 'Buurtmoeders in Bospolder',
    visibility: 'public',
    areaIds: [a.bospolder],
    termIds: [t.jeugd, t.jongeren],
  });
  // Private, but linked to the member's account: the member sees it, other members do not.
  const eigen = await insertActor(db, workspaceId, {
    kind: 'person',
    name: 'Ëlla Eigenaar',
    carries: 'Mantelzorg',
    visibility: 'private',
    userId: users.member,
    areaIds: [a.cool],
    termIds: [t.zorg],
  });
  const geheim = await insertActor(db, workspaceId, {
    kind: 'person',
    name: 'Piet Geheim',
    visibility: 'private',
    areaIds: [],
  });
  const stichting = await insertActor(db, workspaceId, {
    kind: 'organisation',
    name: 'Stichting Één Wijkkracht',
    orgKind: 'stichting_vereniging',
    sizeClass: 'small',
    visibility: 'workspace',
    areaIds: [a.centrum],
    termIds: [t.onderwijs],
  });
  const woonstad = await insertActor(db, workspaceId, {
    kind: 'organisation',
    name: 'Woonstad Rotterdam',
    orgKind: 'woningcorporatie',
    sizeClass: 'large',
    visibility: 'public',
    areaIds: [a.gm],
  });

  const taalcafe = await insertActivity(db, fatima, {
    title: 'Taalcafé',
    description: 'Elke week Nederlands oefenen',
    startDate: '2024-01-01',
    areaIds: [a.bospolder],
    termIds: [t.taal, t.jeugd],
  });
  const huiswerk = await insertActivity(db, stichting, {
    title: 'Huiswerkbegeleiding',
    startDate: '2023-01-01',
    endDate: '2023-06-30',
    areaIds: [a.driehoek],
    termIds: [t.onderwijs, t.jeugd, t.jongeren],
  });
  const schuldhulp = await insertActivity(db, woonstad, {
    title: 'Schuldhulp spreekuur',
    startDate: '2025-01-01',
    areaIds: [a.cool],
    termIds: [t.armoede],
  });
  const geheimeHulp = await insertActivity(db, geheim, {
    title: 'Geheime hulp',
    startDate: '2024-03-01',
    endDate: '2024-12-31',
    areaIds: [a.driehoek],
    termIds: [t.zorg],
  });
  const mantelzorg = await insertActivity(db, eigen, {
    title: 'Mantelzorg ondersteuning',
    startDate: '2022-05-01',
    areaIds: [a.driehoek],
    termIds: [t.zorg, t.ouderen],
  });

  const buurtfeest = await insertInitiative(db, workspaceId, {
    name: 'Buurtfeest Delfshaven',
    visibility: 'public',
    startDate: '2024-06-01',
    endDate: '2024-06-30',
    areaIds: [a.delfshaven],
    termIds: [t.jeugd],
  });
  const geheimPlan = await insertInitiative(db, workspaceId, {
    name: 'Geheim plan',
    visibility: 'private',
    areaIds: [a.driehoek],
  });

  return {
    areas: a,
    terms: t,
    actors: { fatima, eigen, geheim, stichting, woonstad },
    activities: { taalcafe, huiswerk, schuldhulp, geheimeHulp, mantelzorg },
    initiatives: { buurtfeest, geheimPlan },
  };
}

export type DirectoryFixture = Awaited<ReturnType<typeof seedDirectoryFixture>>;

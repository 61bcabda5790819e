import { expect } from 'vitest';
import type { TestApp } from '../../../test/harness.ts';
import type { Browser } from '../../../test/session.ts';
import { directoryFixture } from '../activities/test-fixture.ts';
import { insertTestActor } from '../activities/test-support.ts';
import type { Tie } from './schema.ts';

// Shared setup of the ties tests (imported by *.test.ts only).

/** Every tie, to compare before and after a refused call. */
export async function tieSnapshot(t: () => TestApp) {
  const rows = await t().ctx.db.selectFrom('ties').selectAll().execute();
  return rows.map((r) => JSON.stringify(r)).sort();
}

/**
 * The directory fixture (coordinator, members with their own carriers, a small organisation, a
 * private carrier, two buurten, another workspace) plus a large institution, and helpers that
 * call the API.
 */
export async function tieFixture(t: () => TestApp) {
  const f = await directoryFixture(t);
  const db = t().ctx.db;
  const large = await insertTestActor(db, f.ws.id, {
    name: 'Welzijn Groot',
    kind: 'organisation',
    sizeClass: 'large',
    visibility: 'workspace',
  });
  const W = `/api/v1/workspaces/${f.slug}`;
  const tieBody = (extra: object = {}) => ({
    fromActorId: f.carriers.org.id,
    toActorId: large.id,
    type: 'collaboration',
    directed: false,
    intensity: 'coordinated',
    startDate: '2026-01-01',
    endDate: null,
    note: 'Samen het buurtfeest',
    ...extra,
  });
  const tie = async (extra: object = {}, who: Browser = f.coordinator) => {
    const res = await who.inject({ method: 'POST', url: `${W}/ties`, payload: tieBody(extra) });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Tie>();
  };
  return { ...f, large, W, tieBody, tie };
}

export type TieFixture = Awaited<ReturnType<typeof tieFixture>>;

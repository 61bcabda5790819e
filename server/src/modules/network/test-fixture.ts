import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { TestApp } from '../../../test/harness.ts';
import type { Browser } from '../../../test/session.ts';
import { directoryFixture } from '../activities/test-fixture.ts';
import { insertTestActor } from '../activities/test-support.ts';
import type { Tie } from '../ties/schema.ts';

// Shared setup of the network tests (imported by *.test.ts only): the actors and ties of
// fixtures/make-fixture.py, recorded through the API, and the networkx values for them.

export interface NetworkFixtureJson {
  generator: string;
  actors: Record<string, { kind: 'person' | 'organisation'; sizeClass: 'small' | 'large' | null }>;
  ties: {
    from: string;
    to: string;
    type: string;
    directed: boolean;
    intensity: string;
    startDate: string;
    endDate: string | null;
  }[];
  snapshots: {
    asOf: string;
    edges: number;
    nodes: Record<string, Record<string, number | null>>;
    network: Record<string, number>;
  }[];
  modularity: Record<string, number>;
}

export const expected = JSON.parse(
  readFileSync(new URL('./fixtures/network.json', import.meta.url), 'utf8'),
) as NetworkFixtureJson;

/** Persons' names: none may appear in a pseudonymised export. */
export const PERSON_NAMES: Record<string, string> = {
  C: 'Anna Jansen',
  F: 'Bram de Vries',
  G: 'Cor Verborgen',
};

/**
 * The directory fixture plus actors A–G (G a private person, so members do not see its tie) and
 * the fixture's ties, recorded by the coordinator.
 */
export async function networkFixture(t: () => TestApp) {
  const f = await directoryFixture(t);
  const db = t().ctx.db;
  const ids: Record<string, string> = {};
  for (const [key, a] of Object.entries(expected.actors)) {
    const person = a.kind === 'person';
    const ref = await insertTestActor(db, f.ws.id, {
      name: person ? PERSON_NAMES[key]! : `Organisatie ${key}`,
      kind: a.kind,
      ...(a.sizeClass ? { sizeClass: a.sizeClass } : {}),
      visibility: key === 'G' ? 'private' : 'workspace',
    });
    ids[key] = ref.id;
  }
  const keyOf = new Map(Object.entries(ids).map(([k, id]) => [id, k]));
  const W = `/api/v1/workspaces/${f.slug}`;
  const tie = async (t0: NetworkFixtureJson['ties'][number], who: Browser = f.coordinator) => {
    const { from, to, ...rest } = t0;
    const res = await who.inject({
      method: 'POST',
      url: `${W}/ties`,
      payload: { ...rest, fromActorId: ids[from], toActorId: ids[to] },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Tie>();
  };
  const ties = [];
  for (const t0 of expected.ties) ties.push(await tie(t0));
  return { ...f, ids, keyOf, W, ties };
}

export type NetworkFixture = Awaited<ReturnType<typeof networkFixture>>;

import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../context.ts';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { seedWorkspace } from '../../../test/session.ts';
import { sortKey, tokenize } from '../records/tokens.ts';
import { matchesQuery, parseSearchQuery } from './search-query.ts';
import { searchDirectory } from './service.ts';
import { insertInitiative } from './test-support.ts';

/** Code point order: how SQLite (memcmp of UTF-8) and PostgreSQL's C collation compare. */
const cmp = (a: string, b: string) => {
  const x = [...a].map((c) => c.codePointAt(0) as number);
  const y = [...b].map((c) => c.codePointAt(0) as number);
  for (let i = 0; i < Math.min(x.length, y.length); i++)
    if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number);
  return x.length - y.length;
};

describe('parseSearchQuery', () => {
  it('normalises words as indexing does and makes each a prefix range', () => {
    expect(parseSearchQuery('Éen BUURTMOE').ranges).toEqual([
      { word: 'buurtmoe', from: 'buurtmoe', to: 'buurtmof' },
      { word: 'een', from: 'een', to: 'eeo' },
    ]);
    expect(parseSearchQuery('straße, ĳs!').ranges.map((r) => r.word)).toEqual(['ijs', 'strasse']);
  });

  it('drops duplicate words and words that prefix another word', () => {
    const p = parseSearchQuery('buurt Buurtmoeders búúrt moe');
    expect(p.ranges.map((r) => r.word)).toEqual(['buurtmoeders', 'moe']);
    expect(p.wordCount).toBe(3);
  });

  it('has no ranges without letters or digits', () => {
    expect(parseSearchQuery(undefined)).toEqual({ ranges: [], wordCount: 0 });
    expect(parseSearchQuery('  -- !? ')).toEqual({ ranges: [], wordCount: 0 });
  });

  it('a range holds exactly the tokens that start with its word (code point order)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 12, unit: 'grapheme' }),
        fc.string({ maxLength: 6, unit: 'grapheme' }),
        (w, rest) => {
          const [word] = tokenize(w);
          if (!word) return;
          const [range] = parseSearchQuery(word).ranges;
          const token = tokenize(word + rest)[0] ?? '';
          const inRange =
            cmp(token, range!.from) >= 0 && (range!.to === null || cmp(token, range!.to) < 0);
          expect(inRange).toBe(token.startsWith(word));
        },
      ),
    );
  });
});

const VOCABULARY = [
  'buurt',
  'Buurtmoeders',
  'buurthuis',
  'één',
  'Een',
  'eenzaamheid',
  'café',
  'Taalcafé',
  'taal',
  'Zörg',
  'zorg',
  'zorgboerderij',
  'ĳsclub',
  'IJsselmonde',
  'straße',
  'strasse',
  'Ölfabriek',
  'oud',
  'Oude',
  'noord',
  'Noorderlicht',
  'a',
  'ab',
  'abc',
  'Ärger',
  '2024',
  '20',
];
const system: Actor = { kind: 'system' };

describeEachDialect('directory search agrees with the word-prefix rule', (dialect) => {
  const t = useTestApp(dialect);
  let workspaceId = '';
  let records: { id: string; title: string }[] = [];

  beforeAll(async () => {
    const { ws } = await seedWorkspace(t().ctx, ['admin']);
    workspaceId = ws.id;
    const titles = fc.sample(
      fc
        .array(fc.constantFrom(...VOCABULARY), { minLength: 1, maxLength: 4 })
        .map((w) => w.join(' ')),
      { numRuns: 40, seed: 42 },
    );
    records = [];
    for (const title of titles) {
      const row = await insertInitiative(t().ctx.db, workspaceId, {
        name: title,
        visibility: 'public',
      });
      records.push({ id: row.id, title });
    }
  });

  it('finds exactly the records whose words start with every query word, in order', async () => {
    const query = fc
      .array(
        fc.tuple(fc.constantFrom(...VOCABULARY), fc.integer({ min: 1, max: 12 }), fc.boolean()),
        { minLength: 1, maxLength: 3 },
      )
      .map((parts) =>
        parts
          .map(([w, n, upper]) => (upper ? w.toUpperCase() : w.toLowerCase()).slice(0, n))
          .join(' '),
      );
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        const expected = records
          .filter((r) => matchesQuery(r.title, q))
          .sort((a, b) => cmp(sortKey(a.title), sortKey(b.title)) || cmp(a.id, b.id))
          .map((r) => r.id);
        const found = await searchDirectory(
          t().ctx,
          system,
          workspaceId,
          { q },
          { offset: 0, limit: 100 },
        );
        expect(found.items.map((i) => i.id)).toEqual(expected);
        expect(found.total).toBe(expected.length);
      }),
      { numRuns: 80 },
    );
  });
});

import type { FastifyReply, FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { pageBounds, pageQuery, paged } from './pagination.ts';

function run(url: string, total: number) {
  const headers: Record<string, string> = {};
  const reply = { header: (k: string, v: string) => (headers[k] = v) } as unknown as FastifyReply;
  const q = pageQuery.parse(Object.fromEntries(new URL(url, 'http://x').searchParams));
  const body = paged({ url } as FastifyRequest, reply, q, { items: [], total });
  return { body, link: headers.Link ?? '' };
}

describe('pagination', () => {
  it('defaults to page 1 of 20 and bounds pageSize to 1..100', () => {
    expect(pageQuery.parse({})).toEqual({ page: 1, pageSize: 20 });
    expect(pageBounds({ page: 3, pageSize: 10 })).toEqual({ offset: 20, limit: 10 });
    for (const bad of [
      { page: '0' },
      { pageSize: '101' },
      { page: 'x' },
      { page: '1.5' },
      { sort: 'name' },
    ]) {
      expect(pageQuery.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('sets an RFC 8288 Link header with first, prev, next and last', () => {
    const { body, link } = run('/api/v1/things?page=2&pageSize=10', 45);
    expect(body).toEqual({ items: [], page: 2, pageSize: 10, total: 45 });
    expect(link).toBe(
      [
        '</api/v1/things?page=1&pageSize=10>; rel="first"',
        '</api/v1/things?page=1&pageSize=10>; rel="prev"',
        '</api/v1/things?page=3&pageSize=10>; rel="next"',
        '</api/v1/things?page=5&pageSize=10>; rel="last"',
      ].join(', '),
    );
  });

  it('leaves out prev on the first page and next on the last, and survives an empty list', () => {
    expect(run('/x', 0).link).toBe(
      '</x?page=1&pageSize=20>; rel="first", </x?page=1&pageSize=20>; rel="last"',
    );
    expect(run('/x?page=3&pageSize=20', 60).link).not.toContain('rel="next"');
  });
});

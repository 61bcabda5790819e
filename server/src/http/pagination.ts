import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';

export const pageQuery = z.strictObject({
  page: z.coerce.number().int().min(1).default(1).describe('Page number, starting at 1'),
  pageSize: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(20)
    .describe('Items per page (max 100)'),
});

export type PageQuery = z.infer<typeof pageQuery>;

export const pageBounds = (q: PageQuery) => ({
  offset: (q.page - 1) * q.pageSize,
  limit: q.pageSize,
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  });

/** Sets an RFC 8288 Link header (first, prev, next, last) for a page of `total` items. */
export function setPageLinks(
  request: FastifyRequest,
  reply: FastifyReply,
  q: PageQuery,
  total: number,
): void {
  const last = Math.max(1, Math.ceil(total / q.pageSize));
  const url = new URL(request.url, 'http://x');
  const link = (page: number, rel: string) => {
    url.searchParams.set('page', String(page));
    url.searchParams.set('pageSize', String(q.pageSize));
    return `<${url.pathname}${url.search}>; rel="${rel}"`;
  };
  const links = [link(1, 'first')];
  if (q.page > 1) links.push(link(Math.min(q.page - 1, last), 'prev'));
  if (q.page < last) links.push(link(q.page + 1, 'next'));
  links.push(link(last, 'last'));
  reply.header('Link', links.join(', '));
}

/** The page envelope of a result. */
export const envelope = <T>(q: PageQuery, result: { items: T[]; total: number }) => ({
  items: result.items,
  page: q.page,
  pageSize: q.pageSize,
  total: result.total,
});

/** Sets the Link header (see setPageLinks) and returns the page envelope. */
export function paged<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  q: PageQuery,
  result: { items: T[]; total: number },
) {
  setPageLinks(request, reply, q, result.total);
  return envelope(q, result);
}

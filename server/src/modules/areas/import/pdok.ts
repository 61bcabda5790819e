import { assertCan } from '../../../auth/policy.ts';
import type { Actor, AppContext } from '../../../context.ts';
import { AppError, badRequest, fieldError } from '../../../http/problem.ts';
import { gemeentecodeOf } from '../repo.ts';
import { importAreas, type AreaImportReport } from '../service.ts';

/**
 * Fetches the areas of one municipality and CBS year from PDOK's "CBS Wijken en Buurten" OGC API
 * Features service (`{base}/collections/{buurten|wijken}/items?f=json&gemeentecode=…&limit=…`,
 * paging by the `next` link) and imports them through `importAreas`, so mapping, validation and
 * all-or-nothing behave exactly as for a file. See docs/decisions/0011-pdok-fetch.md.
 */

export const pdokCollections = ['buurten', 'wijken'] as const;
export type PdokCollection = (typeof pdokCollections)[number];

export const GEMEENTECODE = /^GM\d{4}$/;

export interface PdokFetchOptions {
  /** Base URL with a `{year}` placeholder, e.g. https://api.pdok.nl/cbs/wijken-en-buurten-{year}/ogc/v1 */
  baseUrl: string;
  gemeentecode: string;
  year: number;
  collections?: readonly PdokCollection[];
  /** Features asked per page (servers may answer fewer; the `next` link decides). */
  pageSize?: number;
  /** More pages than this is an error rather than a silently truncated import. */
  maxPages?: number;
  /** Per request. */
  timeoutMs?: number;
}

export interface PdokFetchResult {
  collection: { type: 'FeatureCollection'; features: unknown[] };
  pages: number;
  urls: string[];
}

export const PDOK_DEFAULTS = { pageSize: 1000, maxPages: 50, timeoutMs: 30_000 } as const;

/** A URL fit for messages and logs: no user name or password, ever. */
export function safeUrl(url: string | URL): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    return u.toString();
  } catch {
    return '(invalid URL)';
  }
}

const pdokError = (code: string, detail: string, status = 502) =>
  new AppError(status, code, `Nothing was imported: ${detail}`);

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The first page's URL for one collection. */
export function pdokItemsUrl(
  opts: Pick<PdokFetchOptions, 'baseUrl' | 'gemeentecode' | 'year' | 'pageSize'>,
  collection: PdokCollection,
): URL {
  const base = opts.baseUrl.replace('{year}', String(opts.year)).replace(/\/+$/, '');
  const url = new URL(`${base}/collections/${collection}/items`);
  url.searchParams.set('f', 'json');
  url.searchParams.set('gemeentecode', opts.gemeentecode);
  url.searchParams.set('limit', String(opts.pageSize ?? PDOK_DEFAULTS.pageSize));
  return url;
}

async function getPage(url: URL, timeoutMs: number): Promise<Record<string, unknown>> {
  const shown = safeUrl(url);
  const headers: Record<string, string> = { accept: 'application/geo+json, application/json' };
  // fetch refuses credentials in a URL: they travel as Basic authentication, never in messages.
  if (url.username || url.password)
    headers.authorization = `Basic ${Buffer.from(
      `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`,
    ).toString('base64')}`;
  let res: Response;
  try {
    res = await fetch(shown, {
      headers,
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'follow',
    });
  } catch (err) {
    const e = err as Error;
    if (e.name === 'TimeoutError' || e.name === 'AbortError')
      throw pdokError(
        'pdok_timeout',
        `PDOK did not answer within ${timeoutMs} ms (${shown}).`,
        504,
      );
    const cause = (e.cause as Error | undefined)?.message ?? e.message;
    throw pdokError('pdok_unreachable', `PDOK could not be reached (${shown}): ${cause}.`);
  }
  let text: string;
  try {
    text = await res.text();
  } catch (err) {
    const e = err as Error;
    if (e.name === 'TimeoutError' || e.name === 'AbortError')
      throw pdokError(
        'pdok_timeout',
        `PDOK did not answer within ${timeoutMs} ms (${shown}).`,
        504,
      );
    throw pdokError('pdok_unreachable', `reading PDOK's answer failed (${shown}): ${e.message}.`);
  }
  if (!res.ok)
    throw pdokError(
      'pdok_http_error',
      `PDOK answered HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''} for ${shown}.`,
    );
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    throw pdokError('pdok_not_json', `PDOK's answer is not JSON (${shown}).`);
  }
  if (!isObject(body) || body.type !== 'FeatureCollection' || !Array.isArray(body.features))
    throw pdokError(
      'pdok_not_json',
      `PDOK's answer is not a GeoJSON FeatureCollection (${shown}).`,
    );
  return body;
}

/** The `next` link of a page, resolved against the page's URL; only on the same origin. */
function nextLink(page: Record<string, unknown>, current: URL): URL | undefined {
  const links = Array.isArray(page.links) ? page.links : [];
  const next = links.find((l): l is { href: string } => isObject(l) && l.rel === 'next');
  if (!next || typeof next.href !== 'string') return undefined;
  let url: URL;
  try {
    url = new URL(next.href, current);
  } catch {
    throw pdokError('pdok_bad_link', `PDOK's next link is not a URL (${safeUrl(current)}).`);
  }
  if (url.origin !== current.origin)
    throw pdokError(
      'pdok_bad_link',
      `PDOK's next link leaves ${current.origin} (${safeUrl(current)}).`,
    );
  url.username = current.username;
  url.password = current.password;
  return url;
}

/** All features of the chosen collections for one municipality and year, as one collection. */
export async function fetchPdokAreas(opts: PdokFetchOptions): Promise<PdokFetchResult> {
  const maxPages = opts.maxPages ?? PDOK_DEFAULTS.maxPages;
  const timeoutMs = opts.timeoutMs ?? PDOK_DEFAULTS.timeoutMs;
  const features: unknown[] = [];
  const urls: string[] = [];
  let pages = 0;
  for (const collection of opts.collections ?? ['buurten']) {
    let url: URL | undefined = pdokItemsUrl(opts, collection);
    const seen = new Set<string>();
    while (url) {
      if (pages >= maxPages)
        throw pdokError(
          'pdok_too_many_pages',
          `PDOK's answer has more than ${maxPages} pages (${safeUrl(url)}).`,
        );
      if (seen.has(url.href))
        throw pdokError('pdok_bad_link', `PDOK's next link repeats a page (${safeUrl(url)}).`);
      seen.add(url.href);
      urls.push(safeUrl(url));
      const page = await getPage(url, timeoutMs);
      pages++;
      features.push(...(page.features as unknown[]));
      url = nextLink(page, url);
    }
  }
  if (features.length === 0)
    throw pdokError(
      'pdok_no_areas',
      `PDOK returned no ${(opts.collections ?? ['buurten']).join(' or ')} for ${opts.gemeentecode} in ${opts.year} (${urls[0] ?? ''}).`,
      404,
    );
  return { collection: { type: 'FeatureCollection', features }, pages, urls };
}

export interface PdokImportReport extends AreaImportReport {
  features: number;
  pages: number;
}

/**
 * Fetches from PDOK and imports (all or nothing). The gemeentecode must be the workspace's. PDOK's
 * GeoJSON is CRS84 (WGS84 lon/lat) unless a `crs` parameter asks otherwise, and this never asks.
 */
export async function importAreasFromPdok(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  opts: Omit<PdokFetchOptions, 'baseUrl'> & { baseUrl?: string },
): Promise<PdokImportReport> {
  assertCan(actor, 'areas.manage', workspaceId);
  if (!GEMEENTECODE.test(opts.gemeentecode))
    throw badRequest('validation_failed', 'The gemeentecode is invalid.', [
      fieldError('/gemeentecode', 'invalid_code', 'Give a CBS gemeentecode such as GM0599.'),
    ]);
  const own = await gemeentecodeOf(ctx.db, workspaceId);
  if (own && own !== opts.gemeentecode)
    throw badRequest(
      'other_municipality',
      `This workspace is for ${own}, not ${opts.gemeentecode}.`,
      [
        fieldError(
          '/gemeentecode',
          'other_municipality',
          `The workspace's gemeentecode is ${own}.`,
        ),
      ],
    );
  const fetched = await fetchPdokAreas({
    ...opts,
    baseUrl: opts.baseUrl ?? ctx.config.pdokWijkenBuurtenUrl,
  });
  ctx.log.info(
    { pages: fetched.pages, features: fetched.collection.features.length },
    'fetched areas from PDOK',
  );
  const report = await importAreas(ctx, actor, workspaceId, fetched.collection, {
    year: opts.year,
    crs: 'EPSG:4326',
  });
  return { ...report, features: fetched.collection.features.length, pages: fetched.pages };
}

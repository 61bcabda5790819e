import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readCbs } from './cbs-data.ts';

/**
 * A local stand-in for PDOK's CBS Wijken en Buurten OGC API Features service. It serves the
 * Rotterdam buurten of `../shared/data/cbs` renamed to PDOK's property names, in PDOK's answer
 * shape (FeatureCollection with `links`, `numberReturned`, `timeStamp`), filtered by the
 * `gemeentecode` query parameter, paged by `limit`/`offset` in the `next` link, with `limit`
 * capped like the real server. Modes: `error` (HTTP 500), `garbage` (not JSON), `slow` (answers
 * after `slowMs`).
 */

export type FakePdokMode = 'ok' | 'error' | 'garbage' | 'slow';

export interface FakePdok {
  /** Base URL with the `{year}` placeholder, as PDOK_WIJKENBUURTEN_URL expects. */
  baseUrl: string;
  /** Every request's path and query, in order. */
  requests: string[];
  /** The Authorization header of every request ('' when absent), in order. */
  authorizations: string[];
  mode: FakePdokMode;
  close(): Promise<void>;
}

interface Feature {
  type: 'Feature';
  id: string;
  geometry: unknown;
  properties: Record<string, unknown>;
}

/** The Rotterdam file (simple export: id, name, population, household) in PDOK's property names. */
export function rotterdamAsPdok(): Feature[] {
  const doc = JSON.parse(readCbs('rotterdam_buurten.geojson')) as {
    features: { geometry: unknown; properties: Record<string, unknown> }[];
  };
  return doc.features.map((f) => {
    const code = String(f.properties.id);
    return {
      type: 'Feature',
      id: code,
      geometry: f.geometry,
      properties: {
        buurtcode: code,
        buurtnaam: f.properties.name,
        wijkcode: `WK${code.slice(2, 8)}`,
        gemeentecode: 'GM0599',
        gemeentenaam: 'Rotterdam',
        aantalInwoners: f.properties.population,
        aantalHuishoudens: f.properties.household,
        jaarstatcode: '2024BU' + code.slice(2),
      },
    };
  });
}

export async function startFakePdok(
  opts: { mode?: FakePdokMode; maxLimit?: number; slowMs?: number; years?: number[] } = {},
): Promise<FakePdok> {
  const buurten = rotterdamAsPdok();
  const maxLimit = opts.maxLimit ?? 40;
  const years = opts.years ?? [2024];
  const requests: string[] = [];
  const authorizations: string[] = [];
  const state = { mode: opts.mode ?? 'ok' } as { mode: FakePdokMode };
  const timers = new Set<NodeJS.Timeout>();

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(`${url.pathname}${url.search}`);
    authorizations.push(req.headers.authorization ?? '');
    const send = (status: number, type: string, body: string) => {
      res.writeHead(status, { 'content-type': type });
      res.end(body);
    };
    if (state.mode === 'error')
      return send(
        500,
        'application/problem+json',
        JSON.stringify({ title: 'Internal Server Error', status: 500 }),
      );
    if (state.mode === 'garbage') return send(200, 'text/html', '<html>maintenance</html>');
    if (state.mode === 'slow') {
      const t = setTimeout(() => {
        timers.delete(t);
        send(200, 'application/geo+json', '{"type":"FeatureCollection","features":[]}');
      }, opts.slowMs ?? 5_000);
      timers.add(t);
      return;
    }
    const m = /^\/cbs\/wijken-en-buurten-(\d{4})\/ogc\/v1\/collections\/([a-z]+)\/items$/.exec(
      url.pathname,
    );
    if (
      !m ||
      !years.includes(Number(m[1])) ||
      !['buurten', 'wijken', 'gemeenten'].includes(m[2] ?? '')
    )
      return send(
        404,
        'application/problem+json',
        JSON.stringify({ title: 'Not Found', status: 404 }),
      );
    const code = url.searchParams.get('gemeentecode');
    const all = (m[2] === 'buurten' ? buurten : []).filter(
      (f) => code === null || f.properties.gemeentecode === code,
    );
    const limit = Math.min(
      Math.max(Number(url.searchParams.get('limit') ?? 10) || 10, 1),
      maxLimit,
    );
    const offset = Math.max(Number(url.searchParams.get('offset') ?? 0) || 0, 0);
    const features = all.slice(offset, offset + limit);
    const self = new URL(url.pathname + url.search, `http://${req.headers.host}`);
    const links = [
      {
        rel: 'self',
        type: 'application/geo+json',
        title: 'This document as GeoJSON',
        href: self.href,
      },
    ];
    if (offset + limit < all.length) {
      const next = new URL(self);
      next.searchParams.set('limit', String(limit));
      next.searchParams.set('offset', String(offset + limit));
      links.push({
        rel: 'next',
        type: 'application/geo+json',
        title: 'Next page',
        href: next.href,
      });
    }
    send(
      200,
      'application/geo+json',
      JSON.stringify({
        type: 'FeatureCollection',
        timeStamp: '2026-11-29T00:00:00Z',
        links,
        numberReturned: features.length,
        features,
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/cbs/wijken-en-buurten-{year}/ogc/v1`,
    requests,
    authorizations,
    get mode() {
      return state.mode;
    },
    set mode(m: FakePdokMode) {
      state.mode = m;
    },
    close: async () => {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

import { gzipSync } from 'node:zlib';
import type { Target } from './measure.ts';

/**
 * The directory suite (issue 3): search, the area page and the map layer, as the demo admin sees
 * them. Picks real ids and a real word from the seeded data first, so every request finds rows.
 */

export interface DirectoryChecks {
  targets: [Target, (body: unknown) => string | undefined][];
  /** Facts measured once (sizes), printed under the table. */
  notes: string[];
}

interface Page<T> {
  total: number;
  items: T[];
}

async function getJson<T>(url: string, headers: Record<string, string>): Promise<T> {
  const res = await fetch(url, { headers });
  if (res.status !== 200) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const nonEmpty = (what: string) => (body: unknown) => {
  const { total, items } = body as Partial<Page<unknown>>;
  return total && total > 0 && items && items.length > 0 ? undefined : `no ${what} found`;
};

export async function directoryTargets(
  base: string,
  headers: Record<string, string>,
): Promise<DirectoryChecks> {
  const W = `${base}/api/v1/workspaces/demo`;
  const wijken = await getJson<Page<{ id: string; code: string }>>(
    `${W}/areas?level=wijk&pageSize=100`,
    headers,
  );
  const buurten = await getJson<Page<{ id: string; code: string }>>(
    `${W}/areas?level=buurt&pageSize=100`,
    headers,
  );
  const terms = await getJson<{ items: { id: string; kind: string }[] }>(
    `${W}/taxonomy-terms?kind=domain`,
    headers,
  );
  const wijk = wijken.items[0];
  const domain = terms.items[0];
  if (!wijk || !domain || !buurten.items.length) throw new Error('the demo has no wijk or domain');

  // A prefix of the first word of a real activity title: what someone types in the search box.
  const sample = await getJson<Page<{ title: string }>>(
    `${W}/search?type=activity&pageSize=1`,
    headers,
  );
  const word = (sample.items[0]?.title ?? '').split(/\s+/).find((w) => w.length >= 4) ?? '';
  if (!word) throw new Error('no activity title to search for');
  const prefix = word.slice(0, 4).toLowerCase();

  // The busiest buurt: the area page with the most to show.
  const layer = await fetch(`${W}/map-layer?level=buurt&measure=activities`, { headers });
  const layerText = await layer.text();
  if (layer.status !== 200) throw new Error(`map layer: ${layer.status} ${layerText}`);
  const features = (
    JSON.parse(layerText) as { features: { properties: { id: string; value: number | null } }[] }
  ).features;
  const busiest = [...features].sort(
    (a, b) => (b.properties.value ?? 0) - (a.properties.value ?? 0),
  )[0];
  if (!busiest) throw new Error('the map layer has no features');
  const gzipKb = gzipSync(layerText).length / 1024;
  const per100 = (gzipKb / features.length) * 100;

  const targets: DirectoryChecks['targets'] = [
    [
      {
        name: `GET search?q=${prefix}&pageSize=20`,
        url: `${W}/search?q=${encodeURIComponent(prefix)}&pageSize=20`,
        headers,
      },
      nonEmpty(`records for "${prefix}"`),
    ],
    [
      {
        name: 'GET search?areaId=<wijk>&domainId=<domain>&pageSize=20',
        url: `${W}/search?areaId=${wijk.id}&domainId=${domain.id}&pageSize=20`,
        headers,
      },
      nonEmpty('records in the wijk and domain'),
    ],
    [
      {
        name: 'GET areas/<busiest buurt>/overview',
        url: `${W}/areas/${busiest.properties.id}/overview`,
        headers,
      },
      (b) =>
        (b as { area?: { id: string } }).area?.id === busiest.properties.id
          ? undefined
          : 'wrong area',
    ],
    [
      {
        name: 'GET areas/<wijk>/overview',
        url: `${W}/areas/${wijk.id}/overview`,
        headers,
      },
      (b) => ((b as { area?: { id: string } }).area?.id === wijk.id ? undefined : 'wrong area'),
    ],
    [
      {
        name: 'GET map-layer?level=buurt&measure=activities',
        url: `${W}/map-layer?level=buurt&measure=activities`,
        headers,
      },
      (b) =>
        (b as { features?: unknown[] }).features?.length === features.length
          ? undefined
          : 'feature count changed',
    ],
  ];
  return {
    targets,
    notes: [
      `Map layer (buurten, measure activities): ${features.length} features, ` +
        `${(layerText.length / 1024).toFixed(1)} KB JSON, ${gzipKb.toFixed(1)} KB gzip ` +
        `(${per100.toFixed(1)} KB gzip per 100 buurten; budget 150 KB).`,
      `Search word: "${prefix}" (prefix of "${word}"); area pages of buurt ` +
        `${busiest.properties.id} (${busiest.properties.value} activities) and wijk ${wijk.code}.`,
    ],
  };
}

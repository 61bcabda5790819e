import type { Target } from './measure.ts';

/**
 * The signals suite (issue 5): the overlap signals list of the workspace and of its busiest wijk
 * under load, as the demo admin (who sees every signal). The first request detects the overlap
 * (larger scales are not detected while seeding); its time is reported, then the list is served
 * from the read cache until a write changes the facts.
 */

async function getJson<T>(url: string, headers: Record<string, string>): Promise<T> {
  const res = await fetch(url, { headers });
  if (res.status !== 200) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const listOk = (b: unknown) => {
  const d = b as { total?: number; items?: unknown[] };
  return (d.total ?? 0) > 0 && (d.items?.length ?? 0) > 0 ? undefined : 'no signals listed';
};

export async function signalsTargets(
  base: string,
  headers: Record<string, string>,
): Promise<{ targets: [Target, (body: unknown) => string | undefined][]; notes: string[] }> {
  const W = `${base}/api/v1/workspaces/demo`;
  const t0 = performance.now();
  const all = await getJson<{ total: number }>(`${W}/overlap-signals?pageSize=20`, headers);
  const firstMs = performance.now() - t0;
  const wijken = await getJson<{ items: { id: string; code: string }[] }>(
    `${W}/areas?level=wijk&pageSize=100`,
    headers,
  );
  let wijk: { id: string; code: string; total: number } | undefined;
  for (const w of wijken.items) {
    const page = await getJson<{ total: number }>(
      `${W}/overlap-signals?areaId=${w.id}&pageSize=20`,
      headers,
    );
    if (!wijk || page.total > wijk.total) wijk = { ...w, total: page.total };
  }
  if (!wijk) throw new Error('the demo has no wijk');
  return {
    targets: [
      [
        {
          name: 'GET overlap-signals?pageSize=20',
          url: `${W}/overlap-signals?pageSize=20`,
          headers,
        },
        listOk,
      ],
      [
        {
          name: 'GET overlap-signals?areaId=<wijk>&pageSize=20',
          url: `${W}/overlap-signals?areaId=${wijk.id}&pageSize=20`,
          headers,
        },
        listOk,
      ],
    ],
    notes: [
      `${all.total} signals in the workspace, ${wijk.total} in wijk ${wijk.code}; the first list ` +
        `request (detection from the database, storing the signals, building the list) took ` +
        `${firstMs.toFixed(0)} ms.`,
    ],
  };
}

import type { Target } from './measure.ts';

/**
 * The support suite (issue 6): the funding dashboard (whole workspace and one wijk) under load,
 * and matching one need against every offer of the municipality timed one request at a time (the
 * issue's target is per request; under 64 connections it would measure the queue), as the demo
 * admin. Picks real ids first.
 */

export interface SupportChecks {
  targets: [Target, (body: unknown) => string | undefined][];
  /** Matching one need, timed one request at a time (the "≤ 50 ms" is per request). */
  single: Target;
  notes: string[];
}

async function getJson<T>(url: string, headers: Record<string, string>): Promise<T> {
  const res = await fetch(url, { headers });
  if (res.status !== 200) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const dashboardOk = (b: unknown) => {
  const d = b as { recipients?: number | null; suppressed?: boolean };
  return d.suppressed === false && (d.recipients ?? 0) >= 5 ? undefined : 'dashboard suppressed';
};

export async function supportTargets(
  base: string,
  headers: Record<string, string>,
): Promise<SupportChecks> {
  const W = `${base}/api/v1/workspaces/demo`;
  const wijken = await getJson<{ items: { id: string; code: string }[] }>(
    `${W}/areas?level=wijk&pageSize=100`,
    headers,
  );
  const needs = await getJson<{ total: number; items: { id: string }[] }>(
    `${W}/support-needs?pageSize=100`,
    headers,
  );
  const offers = await getJson<{ total: number }>(`${W}/support-offers?pageSize=1`, headers);
  // The need with the most suggestions: the most work for one matching request.
  let need: { id: string; suggestions: number } | undefined;
  for (const n of needs.items) {
    const m = await getJson<{ items: unknown[] }>(`${W}/support-needs/${n.id}/matches`, headers);
    if (!need || m.items.length > need.suggestions)
      need = { id: n.id, suggestions: m.items.length };
  }
  if (!need || need.suggestions === 0) throw new Error('no demo need has suggestions');
  // The wijk with the most flows.
  let wijk: { id: string; code: string; flows: number } | undefined;
  for (const w of wijken.items) {
    const d = await getJson<{ flows: number | null }>(
      `${W}/funding-dashboard?areaId=${w.id}`,
      headers,
    );
    if (!wijk || (d.flows ?? 0) > wijk.flows) wijk = { ...w, flows: d.flows ?? 0 };
  }
  if (!wijk) throw new Error('the demo has no wijk');
  const matching: Target = {
    name: 'GET support-needs/<need>/matches',
    url: `${W}/support-needs/${need.id}/matches`,
    headers,
  };
  return {
    targets: [
      [{ name: 'GET funding-dashboard', url: `${W}/funding-dashboard`, headers }, dashboardOk],
      [
        {
          name: 'GET funding-dashboard?areaId=<wijk>',
          url: `${W}/funding-dashboard?areaId=${wijk.id}`,
          headers,
        },
        dashboardOk,
      ],
    ],
    single: matching,
    notes: [
      `Matching: need ${need.id} (${need.suggestions} suggestions) against ${offers.total} offers ` +
        `and ${needs.total} needs; funding dashboard of the workspace and of wijk ${wijk.code} ` +
        `(${wijk.flows} flows).`,
    ],
  };
}

/** Times `target` one request at a time: p50 and p99 in ms over `n` requests after 20 warm-ups. */
export async function timeOneByOne(target: Target, n = 300): Promise<{ p50: number; p99: number }> {
  const once = async () => {
    const t = performance.now();
    const res = await fetch(target.url, { headers: target.headers ?? {} });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${target.name}: ${res.status}`);
    return performance.now() - t;
  };
  for (let i = 0; i < 20; i++) await once();
  const times: number[] = [];
  for (let i = 0; i < n; i++) times.push(await once());
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)] ?? 0;
  return { p50: at(0.5), p99: at(0.99) };
}

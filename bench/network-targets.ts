import type { Target } from './measure.ts';

/**
 * The network suite (issue 4): the network with its metrics for the whole workspace, for the wijk
 * with the most ties, and for the latest closed survey round, under load as the demo admin. Each
 * is computed once per snapshot (workspace version, filters, day or round) and then served from
 * the read cache.
 */

async function getJson<T>(url: string, headers: Record<string, string>): Promise<T> {
  const res = await fetch(url, { headers });
  if (res.status !== 200) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

interface NetworkBody {
  nodes?: unknown[];
  edges?: unknown[];
}

const networkOk = (b: unknown) => {
  const d = b as NetworkBody;
  return (d.nodes?.length ?? 0) > 1 && (d.edges?.length ?? 0) > 0 ? undefined : 'empty network';
};

export async function networkTargets(
  base: string,
  headers: Record<string, string>,
): Promise<{ targets: [Target, (body: unknown) => string | undefined][]; notes: string[] }> {
  const W = `${base}/api/v1/workspaces/demo`;
  const timed = async <T>(url: string) => {
    const t0 = performance.now();
    const body = await getJson<T>(url, headers);
    return { body, ms: performance.now() - t0 };
  };
  const whole = await timed<NetworkBody>(`${W}/network`);
  const wijken = await getJson<{ items: { id: string; code: string }[] }>(
    `${W}/areas?level=wijk&pageSize=100`,
    headers,
  );
  let wijk: { id: string; code: string; ties: number; nodes: number; ms: number } | undefined;
  for (const w of wijken.items) {
    const { body, ms } = await timed<NetworkBody>(`${W}/network?areaId=${w.id}`);
    const ties = body.edges?.length ?? 0;
    if (!wijk || ties > wijk.ties) wijk = { ...w, ties, nodes: body.nodes?.length ?? 0, ms };
  }
  if (!wijk) throw new Error('the demo has no wijk');
  const rounds = await getJson<{
    items: { id: string; status: string; snapshotOn: string | null }[];
  }>(`${W}/survey-rounds?pageSize=100`, headers);
  const closed = rounds.items
    .filter((r) => r.status === 'closed')
    .sort((a, b) => ((a.snapshotOn ?? '') < (b.snapshotOn ?? '') ? 1 : -1));
  const targets: [Target, (body: unknown) => string | undefined][] = [
    [{ name: 'GET network', url: `${W}/network`, headers }, networkOk],
    [
      { name: 'GET network?areaId=<wijk>', url: `${W}/network?areaId=${wijk.id}`, headers },
      networkOk,
    ],
  ];
  const notes = [
    `Whole network: ${whole.body.nodes?.length ?? 0} nodes, ${whole.body.edges?.length ?? 0} ties ` +
      `(first request, computing the metrics: ${whole.ms.toFixed(0)} ms); wijk ${wijk.code}: ` +
      `${wijk.nodes} nodes, ${wijk.ties} ties (first request ${wijk.ms.toFixed(0)} ms).`,
  ];
  const latest = closed[0];
  if (latest) {
    const { body, ms } = await timed<NetworkBody>(`${W}/network?round=${latest.id}`);
    targets.push([
      {
        name: 'GET network?round=<latest closed round>',
        url: `${W}/network?round=${latest.id}`,
        headers,
      },
      networkOk,
    ]);
    notes.push(
      `Survey round of ${latest.snapshotOn}: ${body.nodes?.length ?? 0} nodes, ` +
        `${body.edges?.length ?? 0} ties (first request ${ms.toFixed(0)} ms).`,
    );
  }
  return { targets, notes };
}

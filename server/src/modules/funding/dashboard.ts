import {
  fundingSummary,
  ratio,
  type FundingFlow,
  type Instrument,
} from '../../analytics/funding/index.ts';
import {
  MIN_CELL_COUNT,
  suppressTable,
  type PublishedCell,
} from '../../analytics/privacy/index.ts';
import { fundingInstruments, type FundingInstrument } from '../../db/types.ts';
import { recipientKinds, type FundingDashboard, type RecipientKind } from './schema.ts';

// The funding dashboard as a pure function of flows, so the API, the CSV and the benchmarks share
// it. Figures come from analytics/funding; every figure rests on at least MIN_CELL_COUNT (5)
// distinct recipients or is suppressed (null), with analytics/privacy's secondary suppression, so
// no carrier's money can be read from a cell or worked out from a total:
// - fewer than 5 recipients in the selection: the whole summary is suppressed;
// - per instrument and per recipient kind: a cell of 1–4 recipients is suppressed with its money,
//   flows and ratios, and so is a second cell when the published total would give it away;
//   empty cells are published as zeros (they hide nobody and keep charts stable);
// - the summary's shares to carriers, core funding and projects are the shares of those cells, so
//   they are null exactly when those cells are;
// - fragmentation: recipients per number of distinct instruments, suppressed the same way.

/** analytics/funding names the instruments in Dutch; the API in English (decision 0004). */
export const analyticsInstrument: Record<FundingInstrument, Instrument> = {
  project_grant: 'projectsubsidie',
  core_funding: 'kernfinanciering',
  in_kind: 'in_natura',
  procurement: 'aanbesteding',
  budget_voucher: 'budget_voucher',
  right_to_challenge: 'right_to_challenge',
};

export interface DashboardFlow {
  recipientId: string;
  recipientKind: RecipientKind;
  instrument: FundingInstrument;
  amountCents: number;
  startDate: string;
  endDate: string;
  reportingHours: number;
  reports: number;
}

const toAnalytics = (f: DashboardFlow): FundingFlow => ({
  funderId: '',
  recipientId: f.recipientId,
  recipientKind: f.recipientKind,
  amountCents: f.amountCents,
  start: f.startDate,
  end: f.endDate,
  instrument: analyticsInstrument[f.instrument],
  reportingHours: f.reportingHours,
  reports: f.reports,
  areaIds: [],
});

interface Group<K> {
  key: K;
  flows: DashboardFlow[];
  recipients: Set<string>;
}

function groupBy<K extends string>(
  flows: readonly DashboardFlow[],
  keys: readonly K[],
  keyOf: (f: DashboardFlow) => K,
): Group<K>[] {
  const groups = new Map(
    keys.map((key): [K, Group<K>] => [key, { key, flows: [], recipients: new Set() }]),
  );
  for (const f of flows) {
    const g = groups.get(keyOf(f))!;
    g.flows.push(f);
    g.recipients.add(f.recipientId);
  }
  return [...groups.values()];
}

/**
 * Which cells of a one-column table of recipient counts to suppress, given that its total is
 * published (the summary): suppressTable's primary and secondary suppression. Empty cells are
 * left out of the table (published as zero).
 */
function suppressed(counts: readonly { key: string; count: number }[]) {
  const table = suppressTable(
    counts
      .filter((c) => c.count > 0)
      .map((c) => ({ row: c.key, column: 'recipients', count: c.count })),
    { rowTotals: false },
  );
  return new Map<string, PublishedCell>(table.cells.map((c) => [c.row, c]));
}

const cellState = (cell: PublishedCell | undefined) => ({
  suppressed: cell?.suppressed ?? false,
  reason: cell?.reason ?? null,
});

export function buildFundingDashboard(
  flows: readonly DashboardFlow[],
  areaId: string | null = null,
): FundingDashboard {
  const all = fundingSummary(flows.map(toAnalytics));
  const recipients = new Set(flows.map((f) => f.recipientId)).size;
  const hidden = recipients < MIN_CELL_COUNT;

  const instruments = groupBy(flows, fundingInstruments, (f) => f.instrument);
  const instrumentCells = suppressed(
    instruments.map((g) => ({ key: g.key, count: g.recipients.size })),
  );
  const byInstrument = instruments.map((g) => {
    const state = cellState(instrumentCells.get(g.key));
    const s = fundingSummary(g.flows.map(toAnalytics));
    const out = hidden || state.suppressed;
    return {
      instrument: g.key,
      recipients: out ? null : g.recipients.size,
      flows: out ? null : g.flows.length,
      cents: out ? null : s.totalCents.toString(),
      share: out ? null : ratio(s.totalCents, all.totalCents),
      medianDurationDays: out ? null : s.medianDurationDays,
      hoursPer1000Euro: out ? null : s.hoursPer1000Euro,
      reportsPer10000Euro: out ? null : s.reportsPer10000Euro,
      suppressed: out,
      reason: hidden && !state.suppressed ? ('primary' as const) : state.reason,
    };
  });

  const kinds = groupBy(flows, recipientKinds, (f) => f.recipientKind);
  const kindCells = suppressed(kinds.map((g) => ({ key: g.key, count: g.recipients.size })));
  const byRecipientKind = kinds.map((g) => {
    const state = cellState(kindCells.get(g.key));
    const s = fundingSummary(g.flows.map(toAnalytics));
    const out = hidden || state.suppressed;
    return {
      kind: g.key,
      recipients: out ? null : g.recipients.size,
      flows: out ? null : g.flows.length,
      cents: out ? null : s.totalCents.toString(),
      share: out ? null : ratio(s.totalCents, all.totalCents),
      suppressed: out,
      reason: hidden && !state.suppressed ? ('primary' as const) : state.reason,
    };
  });

  const distribution = Object.entries(all.fragmentation.distribution).map(([k, n]) => ({
    key: k,
    count: n,
  }));
  const distributionCells = suppressed(distribution);
  const shareOf = <T extends { share: number | null }>(cells: T[], pick: (c: T) => boolean) =>
    hidden ? null : (cells.find(pick)?.share ?? null);

  return {
    threshold: MIN_CELL_COUNT,
    areaId,
    suppressed: hidden,
    recipients: hidden ? null : recipients,
    flows: hidden ? null : flows.length,
    totalCents: hidden ? null : all.totalCents.toString(),
    shareToCarriers: shareOf(byRecipientKind, (c) => c.kind === 'person'),
    shareCore: shareOf(byInstrument, (c) => c.instrument === 'core_funding'),
    shareProject: shareOf(byInstrument, (c) => c.instrument === 'project_grant'),
    medianDurationDays: hidden ? null : all.medianDurationDays,
    reportingHours: hidden ? null : all.reportingHours,
    reports: hidden ? null : all.reports,
    hoursPer1000Euro: hidden ? null : all.hoursPer1000Euro,
    reportsPer10000Euro: hidden ? null : all.reportsPer10000Euro,
    byInstrument,
    byRecipientKind,
    fragmentation: {
      // The mean is one more equation over the distribution (Σ k·n_k = mean × recipients): it
      // would give a suppressed cell away, so it is published only when no cell is suppressed.
      meanInstruments:
        hidden || [...distributionCells.values()].some((c) => c.suppressed)
          ? null
          : all.fragmentation.meanInstruments,
      distribution: distribution.map(({ key, count }) => {
        const state = cellState(distributionCells.get(key));
        const out = hidden || state.suppressed;
        return {
          instruments: Number(key),
          recipients: out ? null : count,
          suppressed: out,
          reason: hidden && !state.suppressed ? ('primary' as const) : state.reason,
        };
      }),
    },
  };
}

import { barX, barY, plot, ruleX, ruleY } from '@observablehq/plot';
import { useCallback, useMemo } from 'react';
import { PlotFigure } from '../../components/plot-figure.tsx';

// Observable Plot charts of the analysis pages (a separate chunk, loaded on demand). Each is one
// image with a name that says what it shows; every number is in the table beside it.

const OKABE_ITO = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#000000'];

export interface WaveBar {
  /** The bar's row: a code name or an answer label. */
  label: string;
  wave: string;
  value: number;
}

/** Coded segments per code, one stacked bar per code, a colour per wave (with a legend). */
export function StackedWaveBars({
  bars,
  label,
  waves,
}: {
  bars: readonly WaveBar[];
  label: string;
  waves: readonly string[];
}) {
  const rows = new Set(bars.map((b) => b.label)).size;
  const totals = new Map<string, number>();
  for (const b of bars) totals.set(b.label, (totals.get(b.label) ?? 0) + b.value);
  const most = Math.max(1, ...totals.values());
  const draw = useCallback(
    (width: number) =>
      plot({
        className: 'wd-plot',
        width,
        height: 60 + rows * 28,
        marginLeft: Math.min(220, Math.floor(width / 2.5)),
        // Counts: whole-number ticks only.
        x: { label: null, grid: true, nice: true, ticks: Math.min(10, most), tickFormat: 'd' },
        y: { label: null, domain: [...new Set(bars.map((b) => b.label))] },
        color: { domain: [...waves], range: OKABE_ITO, legend: true },
        marks: [barX([...bars], { x: 'value', y: 'label', fill: 'wave' }), ruleX([0])],
      }),
    [bars, rows, most, waves],
  );
  return <PlotFigure label={label} draw={draw} />;
}

/** Shares per answer value, a bar per wave side by side (one small row of bars per value). */
export function GroupedShares({
  bars,
  label,
  waves,
}: {
  bars: readonly WaveBar[];
  label: string;
  waves: readonly string[];
}) {
  const values = useMemo(() => [...new Set(bars.map((b) => b.label))], [bars]);
  const draw = useCallback(
    (width: number) =>
      plot({
        className: 'wd-plot',
        width,
        height: 50 + values.length * (waves.length * 18 + 12),
        marginLeft: Math.min(200, Math.floor(width / 3)),
        x: { label: null, grid: true, percent: true, domain: [0, 100] },
        y: { label: null, domain: [...waves], axis: null },
        fy: { label: null, domain: values, axis: 'left' },
        color: { domain: [...waves], range: OKABE_ITO, legend: true },
        marks: [barX([...bars], { x: 'value', y: 'wave', fy: 'label', fill: 'wave' }), ruleX([0])],
      }),
    [bars, values, waves],
  );
  return <PlotFigure label={label} draw={draw} />;
}

export interface ChangeBin {
  change: number;
  count: number;
}

/** How many participants changed by how much between two waves (a bar per change). */
export function ChangeHistogram({ bins, label }: { bins: readonly ChangeBin[]; label: string }) {
  const draw = useCallback(
    (width: number) =>
      plot({
        className: 'wd-plot',
        width,
        height: 240,
        x: {
          label: null,
          domain: [...bins].sort((a, b) => a.change - b.change).map((b) => b.change),
        },
        y: {
          label: null,
          grid: true,
          nice: true,
          ticks: Math.min(10, Math.max(1, ...bins.map((b) => b.count))),
          tickFormat: 'd',
        },
        marks: [
          barY([...bins], {
            x: 'change',
            y: 'count',
            fill: (d: ChangeBin) =>
              d.change < 0 ? '#d55e00' : d.change > 0 ? '#0072b2' : '#767676',
          }),
          ruleY([0]),
        ],
      }),
    [bins],
  );
  return <PlotFigure label={label} draw={draw} />;
}

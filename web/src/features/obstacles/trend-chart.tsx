import { barY, plot, ruleY } from '@observablehq/plot';
import { useCallback } from 'react';
import { PlotFigure } from '../../components/plot-figure.tsx';

/**
 * Reports per month, one row of bars per kind of obstacle (Observable Plot facets in one colour:
 * the rows are named, so colour carries nothing). A separate chunk, loaded on demand. Suppressed
 * cells are left out; the table beside the chart lists them as "< 5".
 */
export interface TrendBar {
  period: string;
  label: string;
  count: number;
}

export default function TrendChart({ bars, label }: { bars: readonly TrendBar[]; label: string }) {
  const draw = useCallback(
    (width: number) =>
      plot({
        className: 'wd-plot',
        width,
        height: 60 + new Set(bars.map((b) => b.label)).size * 90,
        marginRight: 200,
        marginBottom: 50,
        x: { label: null, type: 'band', tickRotate: -45 },
        y: { label: null, grid: true, nice: true, ticks: 3 },
        fy: { label: null },
        marks: [
          barY([...bars], { x: 'period', y: 'count', fy: 'label', className: 'wd-chart-bar' }),
          ruleY([0]),
        ],
      }),
    [bars],
  );
  return <PlotFigure label={label} draw={draw} />;
}

import { dot, lineY, plot, ruleY } from '@observablehq/plot';
import { useCallback } from 'react';
import { PlotFigure } from '../../components/plot-figure.tsx';

/**
 * The balance index per period as an Observable Plot line with dots, and the threshold as a
 * dashed rule (a separate chunk, loaded on demand). One line: nothing rests on colour. The
 * numbers are in the table beside it; a period without an index leaves a gap.
 */
export interface TrendPoint {
  period: string;
  index: number | null;
}

export default function BalanceTrendChart({
  points,
  threshold,
  label,
}: {
  points: readonly TrendPoint[];
  threshold: number;
  label: string;
}) {
  const draw = useCallback(
    (width: number) => {
      const data = points.map((p) => ({ period: p.period, index: p.index ?? Number.NaN }));
      const shown = data.filter((p) => !Number.isNaN(p.index));
      return plot({
        className: 'wd-plot',
        width,
        height: 200,
        marginLeft: 36,
        marginRight: 24,
        marginBottom: 48,
        x: {
          type: 'point',
          label: null,
          domain: points.map((p) => p.period),
          tickRotate: -30,
          inset: 8,
        },
        y: { label: null, domain: [0, 1], ticks: [0, 0.2, 0.4, 0.6, 0.8, 1], grid: true },
        marks: [
          ruleY([threshold], { strokeDasharray: '4 4', className: 'wd-chart-grid' }),
          lineY(data, { x: 'period', y: 'index', className: 'wd-chart-line', strokeWidth: 2 }),
          dot(shown, { x: 'period', y: 'index', className: 'wd-chart-dot', r: 3 }),
        ],
      });
    },
    [points, threshold],
  );
  return <PlotFigure label={label} draw={draw} />;
}

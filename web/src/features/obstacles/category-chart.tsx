import { barX, plot, ruleX } from '@observablehq/plot';
import { useCallback } from 'react';
import { PlotFigure } from '../../components/plot-figure.tsx';

/**
 * Obstacles per kind as an Observable Plot bar chart (a separate chunk, loaded on demand). The
 * numbers are in the table beside it. Suppressed cells are left out of the chart.
 */
export interface CategoryBar {
  label: string;
  count: number;
}

export default function CategoryChart({
  bars,
  label,
}: {
  bars: readonly CategoryBar[];
  label: string;
}) {
  const draw = useCallback(
    (width: number) =>
      plot({
        className: 'wd-plot',
        width,
        height: 40 + bars.length * 32,
        marginLeft: 220,
        x: { label: null, grid: true, nice: true },
        y: { label: null },
        marks: [
          barX([...bars], { x: 'count', y: 'label', className: 'wd-chart-bar', sort: { y: '-x' } }),
          ruleX([0]),
        ],
      }),
    [bars],
  );
  return <PlotFigure label={label} draw={draw} />;
}

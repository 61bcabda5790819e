import { barX, plot, ruleX } from '@observablehq/plot';
import { useCallback } from 'react';
import { PlotFigure } from '../../components/plot-figure.tsx';

/**
 * A horizontal Observable Plot bar chart (a separate chunk, loaded on demand). The same numbers
 * are in the table under it; suppressed cells are left out of the chart.
 */
export interface Bar {
  label: string;
  value: number;
}

export default function BarChart({
  bars,
  label,
  percent = false,
}: {
  bars: readonly Bar[];
  label: string;
  /** Values are shares (0–1), drawn as percentages. */
  percent?: boolean;
}) {
  const draw = useCallback(
    (width: number) =>
      plot({
        className: 'wd-plot',
        width,
        height: 40 + bars.length * 32,
        marginLeft: Math.min(220, Math.floor(width / 2.5)),
        x: {
          label: null,
          grid: true,
          nice: true,
          percent,
          ...(percent ? { domain: [0, 100] } : {}),
        },
        y: { label: null },
        marks: [
          barX([...bars], { x: 'value', y: 'label', className: 'wd-chart-bar', sort: { y: '-x' } }),
          ruleX([0]),
        ],
      }),
    [bars, percent],
  );
  return <PlotFigure label={label} draw={draw} />;
}

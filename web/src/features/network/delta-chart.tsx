import { barX, plot, ruleX } from '@observablehq/plot';
import { useCallback } from 'react';
import { PlotFigure } from '../../components/plot-figure.tsx';

// A diverging Observable Plot bar chart of changes (a separate chunk, loaded on demand). The same
// numbers are in the table under it; rises and falls lie on either side of the zero line.

export interface DeltaBar {
  label: string;
  value: number;
}

export default function DeltaChart({
  bars,
  label,
  percent = false,
}: {
  bars: readonly DeltaBar[];
  label: string;
  /** Values are relative changes (shares), drawn as percentages. */
  percent?: boolean;
}) {
  const draw = useCallback(
    (width: number) =>
      plot({
        className: 'wd-plot',
        width,
        height: 40 + bars.length * 28,
        marginLeft: Math.min(220, Math.floor(width / 2.5)),
        x: { label: null, grid: true, nice: true, percent },
        y: { label: null },
        marks: [
          barX([...bars], {
            x: 'value',
            y: 'label',
            fill: (d: DeltaBar) => (d.value < 0 ? '#d55e00' : '#0072b2'),
            className: 'wd-network-delta-bar',
            sort: { y: '-x' },
          }),
          ruleX([0]),
        ],
      }),
    [bars, percent],
  );
  return <PlotFigure label={label} draw={draw} />;
}

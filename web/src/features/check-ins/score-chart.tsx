import { dot, lineY, plot } from '@observablehq/plot';
import { useCallback } from 'react';
import { PlotFigure } from '../../components/plot-figure.tsx';

/**
 * One score (1–5) over time as an Observable Plot line with dots: a separate chunk, loaded on
 * demand. Points are in time order; a point without a value (a suppressed period) leaves a gap in
 * the line. The chart is one image with a translated name; the numbers are in the table beside it.
 */
export interface ScorePoint {
  /** A stable key (ISO date or period code), in time order. */
  key: string;
  /** What the axis shows for it ("3 mrt.", "maart 2026"). */
  label: string;
  value: number | null;
}

const MAX_TICKS = 6;

export default function ScoreChart({
  points,
  label,
}: {
  points: readonly ScorePoint[];
  label: string;
}) {
  const draw = useCallback(
    (width: number) => {
      const data = points.map((p) => ({ ...p, value: p.value ?? Number.NaN }));
      const labels = new Map(points.map((p) => [p.key, p.label]));
      const step = Math.ceil(points.length / MAX_TICKS);
      const ticks = points.filter((_, i) => i % step === 0).map((p) => p.key);
      const shown = data.filter((p) => !Number.isNaN(p.value));
      return plot({
        className: 'wd-plot',
        width,
        height: 180,
        marginLeft: 32,
        marginRight: 24,
        marginBottom: 48,
        x: {
          type: 'point',
          label: null,
          domain: points.map((p) => p.key),
          ticks,
          tickFormat: (key: string) => labels.get(key) ?? key,
          tickRotate: -30,
          inset: 8,
        },
        y: { label: null, domain: [1, 5], ticks: [1, 2, 3, 4, 5], grid: true },
        marks: [
          lineY(data, { x: 'key', y: 'value', className: 'wd-chart-line', strokeWidth: 2 }),
          dot(shown, { x: 'key', y: 'value', className: 'wd-chart-dot', r: 3 }),
        ],
      });
    },
    [points],
  );
  return <PlotFigure label={label} draw={draw} />;
}

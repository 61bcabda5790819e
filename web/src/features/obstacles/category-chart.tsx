import { barX, plot, ruleX } from '@observablehq/plot';
import { useEffect, useRef, useState } from 'react';

/**
 * Obstacles per kind as an Observable Plot bar chart (a separate chunk, loaded on demand). The
 * chart is one image with a translated name; the numbers are in the table beside it. Suppressed
 * cells are left out of the chart.
 */
export interface CategoryBar {
  label: string;
  count: number;
}

function render(bars: readonly CategoryBar[], width: number) {
  const chart = plot({
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
  });
  // The CSP forbids inline styles; Plot's English mark names go (the chart is named as a whole).
  for (const style of chart.querySelectorAll('style')) style.remove();
  for (const el of [chart, ...chart.querySelectorAll('[aria-label], [aria-description]')]) {
    el.removeAttribute('aria-label');
    el.removeAttribute('aria-description');
  }
  return chart;
}

export default function CategoryChart({
  bars,
  label,
}: {
  bars: readonly CategoryBar[];
  label: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.floor(entry.contentRect.width));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  useEffect(() => {
    const el = ref.current;
    if (!el || width < 100 || bars.length === 0) return;
    const chart = render(bars, width);
    el.replaceChildren(chart);
    return () => chart.remove();
  }, [bars, width]);
  return <div ref={ref} className="wd-chart__plot" role="img" aria-label={label} />;
}

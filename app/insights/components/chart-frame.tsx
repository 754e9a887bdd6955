import { type ReactNode, useEffect, useRef, useState } from 'react';
import { BarChart } from 'recharts';

import { NothingToDraw } from './group-notes';

// Where the page cannot be measured (a hidden card, a test's document) the chart still draws.
const FALLBACK_WIDTH = 640;

/**
 * Draws a chart at the width it is given, after the page is in the browser. recharts measures
 * text and numbers its clip paths on the client only, so a chart drawn on the server would not
 * hydrate cleanly; the server sends the reserved space and the table carries the numbers.
 */
export function ChartFrame({
  height,
  children,
}: {
  height: number;
  children: (width: number) => ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState<number | null>(null);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const measured = Math.floor(element.clientWidth);
      setWidth(measured > 0 ? measured : FALLBACK_WIDTH);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  return (
    <div ref={ref} className="chart-frame" style={{ height }}>
      {width === null ? null : children(width)}
    </div>
  );
}

type Margin = { top: number; right: number; bottom: number; left: number };

/**
 * A bar chart of these rows in its frame, or a note that there is nothing to draw. The axes, the
 * tooltip and the bars are its children, as recharts reads them from BarChart's own children.
 */
export function BarsFrame({
  rows,
  height,
  layout,
  margin,
  children,
}: {
  rows: object[];
  height: number;
  layout?: 'vertical';
  margin: Margin;
  children: ReactNode;
}) {
  if (rows.length === 0) return <NothingToDraw />;
  return (
    <ChartFrame height={height}>
      {(width) => (
        <BarChart width={width} height={height} data={rows} layout={layout} margin={margin}>
          {children}
        </BarChart>
      )}
    </ChartFrame>
  );
}

import { useEffect, useRef } from 'react';
import uPlot, { type AlignedData, type Options } from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** A uPlot chart that follows its data; uPlot draws on canvas, so page text never becomes markup here. */
export function Chart({ options, data, label }: { options: Omit<Options, 'width'>; data: AlignedData; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return;
    const plot = new uPlot({ ...options, width: Math.max(280, box.current.clientWidth) } as Options, data, box.current);
    return () => plot.destroy();
  }, [options, data]);
  return <div ref={box} role="img" aria-label={label} className="chart" />;
}

/** Least-squares line through (x, y) points: the trend of a sampled figure, robust to one noisy sample. */
export function linearFit(points: { x: number; y: number }[]): { slope: number; at: (x: number) => number } {
  const n = points.length;
  if (n < 2) return { slope: 0, at: () => points[0]?.y ?? Number.NaN };
  const meanX = points.reduce((s, p) => s + p.x, 0) / n;
  const meanY = points.reduce((s, p) => s + p.y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.x - meanX) ** 2;
    sxy += (p.x - meanX) * (p.y - meanY);
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return { slope, at: (x) => meanY + slope * (x - meanX) };
}

/** Growth of a figure over the span of the points, from its fitted line, as a fraction of where it started. */
export function fittedGrowth(points: { x: number; y: number }[]): { slopePerMinute: number; growth: number } {
  if (points.length < 2) return { slopePerMinute: 0, growth: 0 };
  const fit = linearFit(points);
  const first = (points[0] as { x: number }).x;
  const last = (points[points.length - 1] as { x: number }).x;
  const start = fit.at(first);
  return { slopePerMinute: fit.slope * 60_000, growth: start > 0 ? (fit.at(last) - start) / start : 0 };
}

export const mb = (bytes: number) => bytes / (1024 * 1024);

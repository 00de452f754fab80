import { describe, expect, it } from 'vitest';
import { barLengths, variance } from './variance';

describe('variance', () => {
  it('states the actual as a share of the forecast and flags a shortfall over 10%', () => {
    expect(variance(1000, 990)).toEqual({ ratio: 0.99, label: '99% of forecast', short: false });
    expect(variance(1000, 800, 'prediction')).toEqual({ ratio: 0.8, label: '80% of prediction', short: true });
  });

  it('says when a figure is not known yet instead of calling it zero', () => {
    expect(variance(null, 5).label).toBe('not known yet');
    expect(variance(5, null).ratio).toBeNull();
    expect(variance(0, 3).label).toBe('no forecast');
  });
});

describe('barLengths', () => {
  it('scales bars to the largest value and leaves unknown values out', () => {
    expect(barLengths([50, 100, null])).toEqual([0.5, 1, null]);
    expect(barLengths([0, 0])).toEqual([0, 0]);
  });
});

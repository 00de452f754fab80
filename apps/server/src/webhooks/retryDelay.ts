/** How far a retry may move from its nominal time, either way. */
export const retryJitter = 0.25;

/**
 * The wait before retrying after attempt `attempts` (1, 2, …): `baseMs` × 5^(attempts−1), moved
 * by up to ±25 % at random, so endpoints that failed together (one outage, one publication to
 * many webhooks) are not all retried in the same instant.
 */
export function retryDelayMs(attempts: number, baseMs: number, random: () => number = Math.random): number {
  const nominal = baseMs * 5 ** (attempts - 1);
  return Math.round(nominal * (1 - retryJitter + 2 * retryJitter * random()));
}

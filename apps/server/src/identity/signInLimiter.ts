import { createCounter } from '../http/rateLimiter';

export interface SignInLimits {
  perAccount: number;
  perAddress: number;
  windowSeconds: number;
}

/**
 * Counts failed sign-ins per account (email) and per address, so nobody can guess passwords
 * at speed (in memory, or on Redis when processes share the counts: `sharedStore`). Only failures
 * count; a success clears the account's count. When either is spent, sign-in is refused until the window passes.
 */
export class SignInLimiter {
  private readonly byAccount;
  private readonly byAddress;

  constructor(limits: SignInLimits, shared: { sharedStore?: unknown; onRefused?: (name: string) => void } = {}) {
    this.byAccount = createCounter({ name: 'sign-in-account', points: limits.perAccount, windowSeconds: limits.windowSeconds, ...shared });
    this.byAddress = createCounter({ name: 'sign-in-address', points: limits.perAddress, windowSeconds: limits.windowSeconds, ...shared });
    this.onRefused = shared.onRefused;
  }

  private readonly onRefused: ((name: string) => void) | undefined;

  /** Seconds to wait before this account or address may try again, or 0 when it may try now. */
  async retryAfter(email: string, address: string): Promise<number> {
    const [account, from] = await Promise.all([this.byAccount.get(email.toLowerCase()), this.byAddress.get(address)]);
    const waits = [account, from]
      .filter((r) => r !== null && r.remainingPoints <= 0)
      .map((r) => Math.max(1, Math.ceil((r?.msBeforeNext ?? 0) / 1000)));
    if (waits.length === 0) return 0;
    this.onRefused?.('sign-in');
    return Math.max(...waits);
  }

  async failed(email: string, address: string): Promise<void> {
    // penalty() adds points without rejecting: the refusal is decided by retryAfter on the next try.
    await Promise.all([this.byAccount.penalty(email.toLowerCase()), this.byAddress.penalty(address)]);
  }

  async succeeded(email: string): Promise<void> {
    await this.byAccount.delete(email.toLowerCase());
  }
}

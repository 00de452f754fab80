import { RateLimiterMemory } from 'rate-limiter-flexible';

export interface SignInLimits {
  perAccount: number;
  perAddress: number;
  windowSeconds: number;
}

/**
 * Counts failed sign-ins per account (email) and per address, so nobody can guess passwords
 * at speed (rate-limiter-flexible, in memory: one process). Only failures count; a success
 * clears the account's count. When either is spent, sign-in is refused until the window passes.
 */
export class SignInLimiter {
  private readonly byAccount: RateLimiterMemory;
  private readonly byAddress: RateLimiterMemory;

  constructor(limits: SignInLimits) {
    this.byAccount = new RateLimiterMemory({ keyPrefix: 'sign-in-account', points: limits.perAccount, duration: limits.windowSeconds });
    this.byAddress = new RateLimiterMemory({ keyPrefix: 'sign-in-address', points: limits.perAddress, duration: limits.windowSeconds });
  }

  /** Seconds to wait before this account or address may try again, or 0 when it may try now. */
  async retryAfter(email: string, address: string): Promise<number> {
    const [account, from] = await Promise.all([this.byAccount.get(email.toLowerCase()), this.byAddress.get(address)]);
    const waits = [account, from]
      .filter((r) => r !== null && r.remainingPoints <= 0)
      .map((r) => Math.max(1, Math.ceil((r?.msBeforeNext ?? 0) / 1000)));
    return waits.length > 0 ? Math.max(...waits) : 0;
  }

  async failed(email: string, address: string): Promise<void> {
    // penalty() adds points without rejecting: the refusal is decided by retryAfter on the next try.
    await Promise.all([this.byAccount.penalty(email.toLowerCase()), this.byAddress.penalty(address)]);
  }

  async succeeded(email: string): Promise<void> {
    await this.byAccount.delete(email.toLowerCase());
  }
}

/**
 * Slows down password guessing: after `maxFailures` failed logins for one email from one address
 * within the window, further attempts get 429 until the window passes. Kept in memory per process
 * (a restart forgives; several processes each keep their own count).
 */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs = 15 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  private key(email: string, address: string): string {
    return `${email.toLowerCase()}|${address}`;
  }

  private recent(key: string): number[] {
    const cutoff = this.now() - this.windowMs;
    const list = (this.failures.get(key) ?? []).filter((t) => t > cutoff);
    if (list.length === 0) this.failures.delete(key);
    else this.failures.set(key, list);
    return list;
  }

  /** Seconds until another attempt is allowed, or 0 when allowed now. */
  retryAfter(email: string, address: string): number {
    const list = this.recent(this.key(email, address));
    if (list.length < this.maxFailures) return 0;
    const oldest = list[list.length - this.maxFailures] ?? this.now();
    return Math.max(1, Math.ceil((oldest + this.windowMs - this.now()) / 1000));
  }

  fail(email: string, address: string): void {
    const key = this.key(email, address);
    this.failures.set(key, [...this.recent(key), this.now()]);
  }

  succeed(email: string, address: string): void {
    this.failures.delete(this.key(email, address));
  }
}

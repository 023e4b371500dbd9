/**
 * Abuse limits for the earn actions. The interface is what callers use; the in-memory store suits one
 * instance, and `lib/stores/redis-rate-limiter.ts` implements the same interface for several (with
 * `REDIS_URL`; `lib/stores/shared-stores.ts` picks one).
 */
export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  /** Counts one attempt for `key` and says whether it is within the limit. */
  consume(key: string): Promise<RateLimitDecision>;
}

export type FixedWindowOptions = { limit: number; windowMs: number; now?: () => number };

/** A fixed-window counter per key, kept in this process's memory. Expired windows are swept as it goes. */
export function createInMemoryRateLimiter({
  limit,
  windowMs,
  now = Date.now,
}: FixedWindowOptions): RateLimiter {
  const windows = new Map<string, { startedAt: number; count: number }>();
  let lastSweep = now();

  const sweep = (at: number) => {
    if (at - lastSweep < windowMs) return;
    lastSweep = at;
    for (const [key, window] of windows) {
      if (at - window.startedAt >= windowMs) windows.delete(key);
    }
  };

  return {
    async consume(key) {
      const at = now();
      sweep(at);
      const current = windows.get(key);
      if (!current || at - current.startedAt >= windowMs) {
        windows.set(key, { startedAt: at, count: 1 });
        return { allowed: true };
      }
      if (current.count >= limit) {
        return {
          allowed: false,
          retryAfterSeconds: Math.max(1, Math.ceil((current.startedAt + windowMs - at) / 1000)),
        };
      }
      current.count += 1;
      return { allowed: true };
    },
  };
}

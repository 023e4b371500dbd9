import type { Redis } from 'ioredis';
import type { FixedWindowOptions, RateLimiter } from '@/lib/rate-limit/rate-limiter';

/** Count and start the window in one step: the first attempt of a window sets its expiry. */
const CONSUME = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {count, redis.call('PTTL', KEYS[1])}`;

/** The same fixed window as the in-memory limiter, counted in Redis so every instance shares the count. */
export function createRedisRateLimiter(
  redis: Redis,
  prefix: string,
  { limit, windowMs }: Omit<FixedWindowOptions, 'now'>,
): RateLimiter {
  return {
    async consume(key) {
      const [count, ttlMs] = (await redis.eval(CONSUME, 1, `${prefix}${key}`, windowMs)) as [number, number];
      if (count <= limit) return { allowed: true };
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(Math.max(ttlMs, 0) / 1000)) };
    },
  };
}

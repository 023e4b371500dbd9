import 'server-only';
import { getConfig } from '@/lib/config/env';
import { createInMemoryRateLimiter, type RateLimiter } from './rate-limiter';

const MINUTE_MS = 60_000;

let limiters: { perMember: RateLimiter; perIp: RateLimiter } | undefined;

/** The earn actions' limiters. Swap `createInMemoryRateLimiter` for a shared store to run several instances. */
export function earnRateLimiters() {
  if (!limiters) {
    const { perMember, perIp } = getConfig().earnRateLimits;
    limiters = {
      perMember: createInMemoryRateLimiter({ limit: perMember, windowMs: MINUTE_MS }),
      perIp: createInMemoryRateLimiter({ limit: perIp, windowMs: MINUTE_MS }),
    };
  }
  return limiters;
}

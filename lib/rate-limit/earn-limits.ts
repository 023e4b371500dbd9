import 'server-only';
import { getConfig } from '@/lib/config/env';
import { clientIpFromForwardedFor } from './client-ip';
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

/**
 * Counts an attempt against the client's address, when the deployment can vouch for one (see
 * `TRUSTED_PROXY_HOPS`). Without a trusted address the per-member limit is the only one that applies.
 */
export async function withinClientLimit(forwardedFor: string | null): Promise<boolean> {
  const ip = clientIpFromForwardedFor(forwardedFor, getConfig().trustedProxyHops);
  return ip === null || (await earnRateLimiters().perIp.consume(ip)).allowed;
}

/** Counts an attempt against the member's account. */
export async function withinMemberLimit(accountId: string): Promise<boolean> {
  return (await earnRateLimiters().perMember.consume(accountId)).allowed;
}

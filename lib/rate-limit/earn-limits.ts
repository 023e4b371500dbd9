import 'server-only';
import { getConfig } from '@/lib/config/env';
import { logger } from '@/lib/observability/logger';
import { recordRateLimitRefusal, type RateLimitName } from '@/lib/observability/metrics';
import { getSharedStores } from '@/lib/stores/shared-stores';
import { clientIpFromForwardedFor } from './client-ip';
import type { RateLimiter } from './rate-limiter';

const MINUTE_MS = 60_000;

let limiters: { perMember: RateLimiter; perIp: RateLimiter } | undefined;

/** The earn actions' limiters, in the shared stores: counted across every instance when Redis is set. */
export function earnRateLimiters() {
  if (!limiters) {
    const { perMember, perIp } = getConfig().earnRateLimits;
    const stores = getSharedStores();
    limiters = {
      perMember: stores.rateLimiter('earn-member', { limit: perMember, windowMs: MINUTE_MS }),
      perIp: stores.rateLimiter('earn-ip', { limit: perIp, windowMs: MINUTE_MS }),
    };
  }
  return limiters;
}

/**
 * An abuse limit that cannot be counted (the shared store is down) lets the attempt through: the awards
 * stay safe without it (idempotency keys, one award per activity), and refusing every claim would turn a
 * Redis outage into a shop-wide outage.
 */
async function allowed(limiter: RateLimiter, name: RateLimitName, key: string): Promise<boolean> {
  try {
    const { allowed } = await limiter.consume(key);
    if (!allowed) recordRateLimitRefusal(name);
    return allowed;
  } catch (error) {
    logger.error(
      { limit: name, cause: (error as Error).message },
      'rate limit not counted, store unavailable',
    );
    return true;
  }
}

/**
 * Counts an attempt against the client's address, when the deployment can vouch for one (see
 * `TRUSTED_PROXY_HOPS`). Without a trusted address the per-member limit is the only one that applies.
 */
export async function withinClientLimit(forwardedFor: string | null): Promise<boolean> {
  const ip = clientIpFromForwardedFor(forwardedFor, getConfig().trustedProxyHops);
  return ip === null || allowed(earnRateLimiters().perIp, 'ip', ip);
}

/** Counts an attempt against the member's account. */
export async function withinMemberLimit(accountId: string): Promise<boolean> {
  return allowed(earnRateLimiters().perMember, 'member', accountId);
}

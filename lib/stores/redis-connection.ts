import { Redis } from 'ioredis';
import { logger } from '@/lib/observability/logger';

/**
 * Connections to the shared Redis. Commands fail after a couple of retries instead of queueing for as long
 * as Redis is away: a webhook then answers 503 (Wix retries it) and a stream keeps its socket, rather than
 * both hanging. A subscriber connection can run nothing but (P)SUBSCRIBE, so pub/sub gets its own.
 */
export function connectRedis(url: string, role: 'commands' | 'subscriber'): Redis {
  const redis = new Redis(url, {
    connectionName: `loyalty-${role}`,
    maxRetriesPerRequest: role === 'commands' ? 2 : null,
    connectTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  // Without a listener ioredis reports every failed reconnect as an unhandled error event.
  redis.on('error', (error: Error) => logger.error({ role, cause: error.message }, 'redis connection error'));
  return redis;
}

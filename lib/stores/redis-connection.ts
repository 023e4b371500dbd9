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

/** ioredis states in which a connection is away: the next command would wait for a reconnect. */
const AWAY = new Set(['reconnecting', 'close', 'end']);

/**
 * Whether Redis serves this instance right now: no connection is away, and `commands` answers PING within
 * `timeoutMs`. A connection that is away answers at once, without a PING queued behind the reconnect, so a
 * readiness probe stays cheap while Redis is down.
 */
export async function redisAnswers(commands: Redis, others: Redis[], timeoutMs: number): Promise<boolean> {
  if ([commands, ...others].some((redis) => AWAY.has(redis.status))) return false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  try {
    return await Promise.race([commands.ping().then((reply) => reply === 'PONG'), timedOut]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

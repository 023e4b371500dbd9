import 'server-only';
import { Redis } from 'ioredis';
import { row, type CheckRow } from './report';

/**
 * One round trip to `REDIS_URL`, timed. Its own connection, which tries once and is closed after: the app's
 * connections retry for as long as Redis is away, which a check must not. The URL can hold a password, so
 * only its host and port are printed.
 */
export async function checkRedis(redisUrl: string | undefined): Promise<CheckRow> {
  if (!redisUrl) {
    return row(
      'Redis',
      'skipped',
      'REDIS_URL is not set: the shared stores are in memory, right for one instance',
    );
  }
  const { host } = new URL(redisUrl);
  const redis = new Redis(redisUrl, {
    lazyConnect: true,
    connectTimeout: 2_000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  // The socket's error says why (ECONNREFUSED); the rejected call only that the connection closed.
  let cause: string | undefined;
  redis.on('error', (error: NodeJS.ErrnoException) => {
    cause ??= error.code ?? error.name;
  });
  const started = performance.now();
  try {
    await redis.connect();
    await redis.ping();
    return row('Redis', 'ok', `${host} answered a PING in ${Math.round(performance.now() - started)} ms`);
  } catch (error) {
    const reason = cause ?? (error as NodeJS.ErrnoException).code ?? (error as Error).name;
    return row(
      'Redis',
      'FAILED',
      `no answer from ${host} (${reason}). Fix: start Redis, or correct REDIS_URL.`,
    );
  } finally {
    redis.disconnect();
  }
}

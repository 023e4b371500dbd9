import type { Redis } from 'ioredis';
import type { OneTimeStore } from './one-time-store';

/**
 * The shared one-time store: `SET key value NX PX ttl` to add (one atomic command, so a key is added once
 * across instances) and `GETDEL` to take (of concurrent takes on any instance, one gets the value).
 */
export function createRedisOneTimeStore<Value>(redis: Redis, prefix: string): OneTimeStore<Value> {
  return {
    async add(key, value, ttlMs) {
      return (await redis.set(`${prefix}${key}`, JSON.stringify(value), 'PX', ttlMs, 'NX')) === 'OK';
    },
    async take(key) {
      const stored = await redis.getdel(`${prefix}${key}`);
      return stored === null ? null : (JSON.parse(stored) as Value);
    },
  };
}

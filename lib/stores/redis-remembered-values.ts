import type { Redis } from 'ioredis';
import type { RememberedValues } from './remembered-values';

/** Remembered values on Redis: `SET key value PX ttl` and `GET`, shared by every instance. */
export function createRedisRememberedValues<Value>(redis: Redis, prefix: string): RememberedValues<Value> {
  return {
    async get(key) {
      const stored = await redis.get(`${prefix}${key}`);
      return stored === null ? null : (JSON.parse(stored) as Value);
    },
    async set(key, value, ttlMs) {
      await redis.set(`${prefix}${key}`, JSON.stringify(value), 'PX', ttlMs);
    },
  };
}

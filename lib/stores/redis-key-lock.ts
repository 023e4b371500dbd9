import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { KeyLock } from './key-lock';

/** Deletes the key only if it still holds our token, so a lease that expired cannot free someone else's. */
const RELEASE_IF_OWNER = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/** The shared lock: `SET key token NX PX ttl`, one atomic command, so two instances never both win. */
export function createRedisKeyLock(redis: Redis, prefix: string): KeyLock {
  return {
    async acquire(key, ttlMs) {
      const name = `${prefix}${key}`;
      const token = randomUUID();
      const taken = await redis.set(name, token, 'PX', ttlMs, 'NX');
      if (taken !== 'OK') return null;
      return {
        async release() {
          await redis.eval(RELEASE_IF_OWNER, 1, name, token);
        },
      };
    },
  };
}

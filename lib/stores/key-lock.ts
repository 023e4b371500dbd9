import { ExpiringMap } from './expiring-map';

/**
 * "Only one of us may do this, for a while": a key held with a time to live, across every instance when
 * the store is shared. Webhook deduplication, the redemption guard and one-time codes are built on it.
 */
export interface KeyLock {
  /** Takes `key` for `ttlMs` and returns its lease, or null while someone else holds it. */
  acquire(key: string, ttlMs: number): Promise<LockLease | null>;
}

export interface LockLease {
  /** Gives the key back early; a no-op once the lease has expired or was taken over. */
  release(): Promise<void>;
}

/** The one-instance lock, in this process's memory. */
export function createMemoryKeyLock(now: () => number = Date.now): KeyLock {
  const held = new ExpiringMap<symbol>(now);
  return {
    async acquire(key, ttlMs) {
      if (held.get(key) !== undefined) return null;
      const token = Symbol(key);
      held.set(key, token, ttlMs);
      return {
        async release() {
          if (held.get(key) === token) held.delete(key);
        },
      };
    },
  };
}

import { randomUUID } from 'node:crypto';

/**
 * "Only one of these at a time" across requests: a key held by one caller until it releases it or its time
 * runs out, so a holder that dies never blocks the key for good. The in-memory store suits one instance; a
 * shared store (Redis `SET key token NX PX ttl`, with a release that deletes only its own token) implements
 * the same interface when the app runs on several.
 */
export interface InFlightLock {
  /** Takes `key` for `ttlMs`; returns a lease to release it with, or null while someone else holds it. */
  acquire(key: string, ttlMs: number): Promise<string | null>;
  /** Lets `key` go, if `lease` still holds it (a lease that ran out may belong to someone else by now). */
  release(key: string, lease: string): Promise<void>;
}

export function createInMemoryInFlightLock({ now = Date.now }: { now?: () => number } = {}): InFlightLock {
  const held = new Map<string, { lease: string; expiresAt: number }>();
  return {
    async acquire(key, ttlMs) {
      const at = now();
      const current = held.get(key);
      if (current && current.expiresAt > at) return null;
      const lease = randomUUID();
      held.set(key, { lease, expiresAt: at + ttlMs });
      return lease;
    },
    async release(key, lease) {
      if (held.get(key)?.lease === lease) held.delete(key);
    },
  };
}

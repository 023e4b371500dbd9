import { ExpiringMap } from './expiring-map';

/**
 * Values an instance may keep to save a read, which any instance may overwrite: a miss or a stale value only
 * costs the read it would have saved, so callers always check what they use against Wix's answer. Values
 * must survive JSON, so a shared store can hold them as text.
 */
export interface RememberedValues<Value> {
  get(key: string): Promise<Value | null>;
  set(key: string, value: Value, ttlMs: number): Promise<void>;
}

export function createMemoryRememberedValues<Value>(now: () => number = Date.now): RememberedValues<Value> {
  const values = new ExpiringMap<Value>(now);
  return {
    async get(key) {
      return values.get(key) ?? null;
    },
    async set(key, value, ttlMs) {
      values.set(key, value, ttlMs);
    },
  };
}

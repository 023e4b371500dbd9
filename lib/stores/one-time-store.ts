/**
 * Short-lived values that may be used once: the popup sign-in's handoff codes and the `jti`s of member
 * tokens already seen. The interface is what callers use; the in-memory store suits one instance, and a
 * shared store implements the same two calls on Redis (`SET key value NX PX ttl` and `GETDEL key`) when the
 * app runs on several. Values must survive JSON, so a shared store can hold them as text.
 */
export interface OneTimeStore<Value> {
  /** Keeps `value` under `key` for `ttlMs`, unless the key is already there: false then, and nothing changes. */
  add(key: string, value: Value, ttlMs: number): Promise<boolean>;
  /** Removes and returns the value, if it is there and not expired. Of concurrent takes, one gets it. */
  take(key: string): Promise<Value | null>;
}

/** A map in this process's memory; expired entries are swept as it goes. */
export function createInMemoryOneTimeStore<Value>({
  now = Date.now,
}: { now?: () => number } = {}): OneTimeStore<Value> {
  const entries = new Map<string, { value: Value; expiresAt: number }>();
  let nextSweep = 0;

  const sweep = (at: number) => {
    if (at < nextSweep) return;
    nextSweep = at + 60_000;
    for (const [key, entry] of entries) if (entry.expiresAt <= at) entries.delete(key);
  };

  return {
    async add(key, value, ttlMs) {
      const at = now();
      sweep(at);
      const existing = entries.get(key);
      if (existing && existing.expiresAt > at) return false;
      entries.set(key, { value, expiresAt: at + ttlMs });
      return true;
    },
    async take(key) {
      const entry = entries.get(key);
      entries.delete(key);
      return entry && entry.expiresAt > now() ? entry.value : null;
    },
  };
}

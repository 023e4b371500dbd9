import { ExpiringMap } from './expiring-map';

/**
 * The newest revision seen per key. Webhooks "may be delayed" and arrive in any order; an account event
 * older than one already passed on must not put an old balance back on a card.
 */
export interface RevisionWatermark {
  /** Records `revision` for `key`; false when a newer one was already recorded (the caller drops it). */
  admit(key: string, revision: number, ttlMs: number): Promise<boolean>;
}

export function createMemoryRevisionWatermark(now: () => number = Date.now): RevisionWatermark {
  const newest = new ExpiringMap<number>(now);
  return {
    async admit(key, revision, ttlMs) {
      const seen = newest.get(key);
      if (seen !== undefined && seen > revision) return false;
      newest.set(key, revision, ttlMs);
      return true;
    },
  };
}

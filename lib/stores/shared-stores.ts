import 'server-only';
import { getConfig } from '@/lib/config/env';
import {
  createInMemoryRateLimiter,
  type FixedWindowOptions,
  type RateLimiter,
} from '@/lib/rate-limit/rate-limiter';
import { createMemoryKeyLock, type KeyLock } from './key-lock';
import { createMemoryLiveUpdates, type LiveUpdates } from './live-updates';
import { createInMemoryOneTimeStore, type OneTimeStore } from './one-time-store';
import { processSingleton } from './process-singleton';
import { connectRedis, redisAnswers } from './redis-connection';
import { createRedisKeyLock } from './redis-key-lock';
import { createRedisLiveUpdates } from './redis-live-updates';
import { createRedisOneTimeStore } from './redis-one-time-store';
import { createRedisRateLimiter } from './redis-rate-limiter';
import { createRedisRememberedValues } from './redis-remembered-values';
import { createRedisRevisionWatermark } from './redis-revision-watermark';
import { createMemoryRememberedValues, type RememberedValues } from './remembered-values';
import { createMemoryRevisionWatermark, type RevisionWatermark } from './revision-watermark';

/** Every Redis key and channel of the app starts with this, so it can share a Redis with others. */
const PREFIX = 'loyalty:';

/**
 * What must hold across instances: rate limits, the webhook ledger (deduplication and the newest revision
 * per account), locks, one-time values, and the live-update fan-out. In memory by default; on Redis with `REDIS_URL`.
 */
export type SharedStores = {
  kind: 'memory' | 'redis';
  keyLock: KeyLock;
  revisions: RevisionWatermark;
  liveUpdates: LiveUpdates;
  /** Values used once (the embed's sign-in codes, used token ids); `name` keeps different kinds apart. */
  oneTimeStore<Value>(name: string): OneTimeStore<Value>;
  /** Values kept to save a read (a member's referral code); `name` keeps different kinds apart. */
  rememberedValues<Value>(name: string): RememberedValues<Value>;
  /** A fixed-window limiter; `name` keeps the counts of different limits apart. */
  rateLimiter(name: string, options: Omit<FixedWindowOptions, 'now'>): RateLimiter;
  /** Whether the stores can serve now: always in memory; on Redis, a PING answered within `timeoutMs`. */
  reachable(timeoutMs: number): Promise<boolean>;
  /** Closes the Redis connections (tests and scripts; a server keeps them for its lifetime). */
  close(): Promise<void>;
};

export function createSharedStores(redisUrl: string | undefined): SharedStores {
  if (!redisUrl) {
    // One memory per name, so every caller that asks by the same name sees the same values.
    const remembered = new Map<string, RememberedValues<unknown>>();
    return {
      kind: 'memory',
      keyLock: createMemoryKeyLock(),
      revisions: createMemoryRevisionWatermark(),
      liveUpdates: createMemoryLiveUpdates(),
      oneTimeStore: () => createInMemoryOneTimeStore(),
      rememberedValues: <Value>(name: string) => {
        if (!remembered.has(name)) remembered.set(name, createMemoryRememberedValues());
        return remembered.get(name) as RememberedValues<Value>;
      },
      rateLimiter: (_name, options) => createInMemoryRateLimiter(options),
      reachable: async () => true,
      close: async () => undefined,
    };
  }
  const commands = connectRedis(redisUrl, 'commands');
  const subscriber = connectRedis(redisUrl, 'subscriber');
  return {
    kind: 'redis',
    keyLock: createRedisKeyLock(commands, `${PREFIX}lock:`),
    revisions: createRedisRevisionWatermark(commands, `${PREFIX}revision:`),
    liveUpdates: createRedisLiveUpdates(commands, subscriber, `${PREFIX}live`),
    oneTimeStore: (name) => createRedisOneTimeStore(commands, `${PREFIX}once:${name}:`),
    rememberedValues: (name) => createRedisRememberedValues(commands, `${PREFIX}kept:${name}:`),
    rateLimiter: (name, options) => createRedisRateLimiter(commands, `${PREFIX}rate:${name}:`, options),
    reachable: (timeoutMs) => redisAnswers(commands, [subscriber], timeoutMs),
    close: async () => {
      await Promise.all([commands.quit(), subscriber.quit()]);
    },
  };
}

/** This process's stores, chosen once from `REDIS_URL`. */
export function getSharedStores(): SharedStores {
  return processSingleton('shared-stores', () => createSharedStores(getConfig().redisUrl));
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSharedStores, type SharedStores } from '@/lib/stores/shared-stores';
import { startRedisServer, type TestRedis } from '@/testing/redis-server';
import { checkReadiness, REDIS_PING_TIMEOUT_MS } from './readiness';

/** A port of its own: other test files and e2e runs use others. */
const REDIS_PORT = 6397;

const inMemory = createSharedStores(undefined);

describe('readiness of one instance', () => {
  it('is ready once the Wix layer has booted, with the stores in memory', async () => {
    expect(await checkReadiness({ shuttingDown: false, boot: 'booted', stores: inMemory })).toEqual({
      ready: true,
    });
  });

  it('is not ready while the Wix layer boots, when it could not boot, or once shutting down', async () => {
    const reasons = await Promise.all([
      checkReadiness({ shuttingDown: false, boot: 'booting', stores: inMemory }),
      checkReadiness({ shuttingDown: false, boot: 'failed', stores: inMemory }),
      checkReadiness({ shuttingDown: true, boot: 'booted', stores: inMemory }),
    ]);
    expect(reasons).toEqual([
      { ready: false, reason: 'WIX_LAYER_BOOTING' },
      { ready: false, reason: 'WIX_LAYER_NOT_BOOTED' },
      { ready: false, reason: 'SHUTTING_DOWN' },
    ]);
  });
});

describe('readiness with the stores on a real Redis that stops mid-run', () => {
  let redis: TestRedis;
  let stores: SharedStores;
  const check = () => checkReadiness({ shuttingDown: false, boot: 'booted', stores });

  beforeAll(async () => {
    redis = await startRedisServer(REDIS_PORT);
    stores = createSharedStores(redis.url);
  });
  afterAll(async () => {
    redis.thaw();
    await stores.close();
    await redis.stop();
  });

  it('is ready while Redis answers, says Redis is unreachable at once when it stops, and is ready again when it is back', async () => {
    expect(await check()).toEqual({ ready: true });

    await redis.stop();
    const askedAt = Date.now();
    await expect.poll(check, { timeout: 2_000, interval: 20 }).toEqual({
      ready: false,
      reason: 'REDIS_UNREACHABLE',
    });
    // A probe never waits longer than the PING's timeout, however long Redis stays away.
    for (let i = 0; i < 5; i++) {
      const started = Date.now();
      expect(await check()).toEqual({ ready: false, reason: 'REDIS_UNREACHABLE' });
      expect(Date.now() - started).toBeLessThanOrEqual(REDIS_PING_TIMEOUT_MS + 100);
    }
    expect(Date.now() - askedAt).toBeLessThan(5_000);

    redis = await startRedisServer(REDIS_PORT);
    await expect.poll(check, { timeout: 5_000, interval: 100 }).toEqual({ ready: true });
  });

  it('says Redis is unreachable when it hangs with its connections open, within the PING timeout', async () => {
    await expect.poll(check, { timeout: 5_000, interval: 100 }).toEqual({ ready: true });
    redis.freeze();
    try {
      const started = Date.now();
      expect(await check()).toEqual({ ready: false, reason: 'REDIS_UNREACHABLE' });
      expect(Date.now() - started).toBeGreaterThanOrEqual(REDIS_PING_TIMEOUT_MS - 10);
      expect(Date.now() - started).toBeLessThan(REDIS_PING_TIMEOUT_MS + 200);
    } finally {
      redis.thaw();
    }
    await expect.poll(check, { timeout: 5_000, interval: 100 }).toEqual({ ready: true });
  });
});

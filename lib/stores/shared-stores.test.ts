import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedisServer, type TestRedis } from '@/testing/redis-server';
import { createSharedStores, type SharedStores } from './shared-stores';

/** Ports of its own (this one and the next; see `.ci/run`); other test files and e2e runs use others. */
const REDIS_PORT = 6391;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const unique = (what: string) => `${what}-${Math.random().toString(36).slice(2)}`;

/** A listener that records what it hears, and a wait for the first message. */
function recorder() {
  const heard: string[] = [];
  let wake: () => void = () => undefined;
  return {
    heard,
    listener: (message: string) => {
      heard.push(message);
      wake();
    },
    next: (timeoutMs = 1_000) =>
      new Promise<string | null>((resolve) => {
        const timer = setTimeout(() => resolve(null), timeoutMs);
        wake = () => {
          clearTimeout(timer);
          resolve(heard.at(-1) ?? null);
        };
      }),
  };
}

/** What every store must do, whichever backs it. */
function behavesAsAStore(label: string, open: () => SharedStores) {
  describe(`${label}: one instance`, () => {
    let stores: SharedStores;
    beforeAll(() => {
      stores = open();
    });
    afterAll(() => stores.close());

    it('lets one holder take a key, refuses a second until release, then lets it again', async () => {
      const key = unique('lock');
      const lease = await stores.keyLock.acquire(key, 10_000);
      expect(lease).not.toBeNull();
      expect(await stores.keyLock.acquire(key, 10_000)).toBeNull();
      await lease!.release();
      expect(await stores.keyLock.acquire(key, 10_000)).not.toBeNull();
    });

    it('frees a key when its time to live runs out, and a stale lease cannot free the new holder', async () => {
      const key = unique('lock');
      const stale = await stores.keyLock.acquire(key, 80);
      await sleep(150);
      const fresh = await stores.keyLock.acquire(key, 10_000);
      expect(fresh).not.toBeNull();
      await stale!.release();
      expect(await stores.keyLock.acquire(key, 10_000)).toBeNull();
    });

    it('admits revisions at or above the newest seen and drops older ones', async () => {
      const account = unique('account');
      expect(await stores.revisions.admit(account, 5, 60_000)).toBe(true);
      expect(await stores.revisions.admit(account, 5, 60_000)).toBe(true);
      expect(await stores.revisions.admit(account, 4, 60_000)).toBe(false);
      expect(await stores.revisions.admit(account, 7, 60_000)).toBe(true);
      expect(await stores.revisions.admit(account, 6, 60_000)).toBe(false);
      expect(await stores.revisions.admit(unique('other'), 1, 60_000)).toBe(true);
    });

    it('delivers a message to the subscribers of its channel only, until they unsubscribe', async () => {
      const [mine, other] = [unique('channel'), unique('channel')];
      const a = recorder();
      const b = recorder();
      const unsubscribe = await stores.liveUpdates.subscribe(mine, a.listener);
      await stores.liveUpdates.subscribe(other, b.listener);
      const heard = a.next();
      await stores.liveUpdates.publish(mine, 'hello');
      expect(await heard).toBe('hello');
      unsubscribe();
      await stores.liveUpdates.publish(mine, 'again');
      await sleep(100);
      expect(a.heard).toEqual(['hello']);
      expect(b.heard).toEqual([]);
    });

    it('adds a one-time value once, gives it to one taker, and forgets it when it expires', async () => {
      const store = stores.oneTimeStore<{ nonce: string }>(unique('codes'));
      const key = unique('code');
      expect(await store.add(key, { nonce: 'n1' }, 60_000)).toBe(true);
      expect(await store.add(key, { nonce: 'other' }, 60_000)).toBe(false);
      const takes = await Promise.all([store.take(key), store.take(key), store.take(key)]);
      expect(takes.filter(Boolean)).toEqual([{ nonce: 'n1' }]);
      const brief = unique('code');
      await store.add(brief, { nonce: 'n2' }, 50);
      await sleep(120);
      expect(await store.take(brief)).toBeNull();
    });

    it('remembers a value by name and key, gives it to every reader, and forgets it when it expires', async () => {
      const name = unique('kept');
      const key = unique('member');
      expect(await stores.rememberedValues<{ id: string }>(name).get(key)).toBeNull();
      await stores.rememberedValues<{ id: string }>(name).set(key, { id: 'c1' }, 60_000);
      expect(await stores.rememberedValues<{ id: string }>(name).get(key)).toEqual({ id: 'c1' });
      expect(await stores.rememberedValues<{ id: string }>(unique('kept')).get(key)).toBeNull();
      const brief = unique('member');
      await stores.rememberedValues<string>(name).set(brief, 'soon gone', 50);
      await sleep(120);
      expect(await stores.rememberedValues<string>(name).get(brief)).toBeNull();
    });

    it('counts attempts in a fixed window per key and says when to retry', async () => {
      const limiter = stores.rateLimiter(unique('limit'), { limit: 2, windowMs: 60_000 });
      expect(await limiter.consume('member')).toEqual({ allowed: true });
      expect(await limiter.consume('member')).toEqual({ allowed: true });
      const refused = await limiter.consume('member');
      expect(refused.allowed).toBe(false);
      expect(refused.allowed === false && refused.retryAfterSeconds).toBeGreaterThan(55);
      expect(await limiter.consume('someone-else')).toEqual({ allowed: true });
    });
  });
}

behavesAsAStore('memory', () => createSharedStores(undefined));

describe('redis', () => {
  let redis: TestRedis;
  let url = '';
  beforeAll(async () => {
    redis = await startRedisServer(REDIS_PORT);
    url = `${redis.url}/0`;
  }, 20_000);
  afterAll(() => redis?.stop());

  behavesAsAStore('redis', () => createSharedStores(url));

  it('says whether its Redis can be reached (the metrics’ loyalty_redis_up)', async () => {
    const own = await startRedisServer(REDIS_PORT + 1);
    const stores = createSharedStores(own.url);
    const until = async (wanted: boolean) => {
      for (let tries = 0; (await stores.reachable(500)) !== wanted && tries < 100; tries++) await sleep(50);
      return stores.reachable(500);
    };
    try {
      expect(await until(true)).toBe(true);
      await own.stop();
      expect(await until(false)).toBe(false);
    } finally {
      const again = await startRedisServer(REDIS_PORT + 1);
      await stores.close();
      await again.stop();
    }
  }, 20_000);

  describe('two instances sharing one Redis', () => {
    let a: SharedStores;
    let b: SharedStores;
    beforeAll(() => {
      [a, b] = [createSharedStores(url), createSharedStores(url)];
    });
    afterAll(async () => {
      await Promise.all([a.close(), b.close()]);
    });

    it('holds a lock taken on one instance against the other', async () => {
      const key = unique('guard');
      const lease = await a.keyLock.acquire(key, 10_000);
      expect(lease).not.toBeNull();
      expect(await b.keyLock.acquire(key, 10_000)).toBeNull();
      await lease!.release();
      expect(await b.keyLock.acquire(key, 10_000)).not.toBeNull();
    });

    it('delivers a message published on one instance to a subscriber on the other', async () => {
      const channel = unique('contact');
      const onB = recorder();
      await b.liveUpdates.subscribe(channel, onB.listener);
      const heard = onB.next();
      await a.liveUpdates.publish(channel, '{"balance":1300}');
      expect(await heard).toBe('{"balance":1300}');
    });

    it('counts rate-limited attempts across both', async () => {
      const name = unique('limit');
      const onA = a.rateLimiter(name, { limit: 3, windowMs: 60_000 });
      const onB = b.rateLimiter(name, { limit: 3, windowMs: 60_000 });
      expect((await onA.consume('m')).allowed).toBe(true);
      expect((await onB.consume('m')).allowed).toBe(true);
      expect((await onA.consume('m')).allowed).toBe(true);
      expect((await onB.consume('m')).allowed).toBe(false);
    });

    it('lets a one-time value added on one instance be taken once, on the other', async () => {
      const name = unique('codes');
      const key = unique('code');
      expect(await a.oneTimeStore<string>(name).add(key, 'tokens', 60_000)).toBe(true);
      expect(await b.oneTimeStore<string>(name).add(key, 'forged', 60_000)).toBe(false);
      expect(await b.oneTimeStore<string>(name).take(key)).toBe('tokens');
      expect(await a.oneTimeStore<string>(name).take(key)).toBeNull();
    });

    it('drops on one instance a revision older than one admitted on the other', async () => {
      const account = unique('account');
      expect(await a.revisions.admit(account, 9, 60_000)).toBe(true);
      expect(await b.revisions.admit(account, 8, 60_000)).toBe(false);
    });
  });
});

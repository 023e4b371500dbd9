import { describe, expect, it } from 'vitest';
import { createInMemoryOneTimeStore } from './one-time-store';

describe('in-memory one-time store', () => {
  it('hands a value out once', async () => {
    const store = createInMemoryOneTimeStore<{ nonce: string }>();
    expect(await store.add('code', { nonce: 'n' }, 60_000)).toBe(true);
    expect(await store.take('code')).toEqual({ nonce: 'n' });
    expect(await store.take('code')).toBeNull();
    expect(await store.take('never-added')).toBeNull();
  });

  it('gives one of two concurrent takes the value', async () => {
    const store = createInMemoryOneTimeStore<string>();
    await store.add('code', 'value', 60_000);
    const results = await Promise.all([store.take('code'), store.take('code')]);
    expect(results.filter((result) => result === 'value')).toHaveLength(1);
  });

  it('refuses to add a key that is still there, which is how a replayed id is caught', async () => {
    let clock = 0;
    const store = createInMemoryOneTimeStore<true>({ now: () => clock });
    expect(await store.add('jti-1', true, 1_000)).toBe(true);
    expect(await store.add('jti-1', true, 1_000)).toBe(false);
    clock = 1_000;
    expect(await store.add('jti-1', true, 1_000)).toBe(true);
  });

  it('forgets a value once its time is up', async () => {
    let clock = 0;
    const store = createInMemoryOneTimeStore<string>({ now: () => clock });
    await store.add('code', 'value', 60_000);
    clock = 60_000;
    expect(await store.take('code')).toBeNull();
  });
});

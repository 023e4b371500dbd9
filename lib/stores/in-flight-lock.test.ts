import { describe, expect, it } from 'vitest';
import { createInMemoryInFlightLock } from './in-flight-lock';

describe('in-memory in-flight lock', () => {
  it('lets one caller hold a key until it releases it; other keys are free', async () => {
    const lock = createInMemoryInFlightLock();
    const lease = await lock.acquire('redeem:a', 30_000);
    expect(lease).toEqual(expect.any(String));
    expect(await lock.acquire('redeem:a', 30_000)).toBeNull();
    expect(await lock.acquire('redeem:b', 30_000)).not.toBeNull();

    await lock.release('redeem:a', lease!);
    expect(await lock.acquire('redeem:a', 30_000)).not.toBeNull();
  });

  it('gives exactly one of many simultaneous callers the key', async () => {
    const lock = createInMemoryInFlightLock();
    const leases = await Promise.all(Array.from({ length: 10 }, () => lock.acquire('redeem:a', 30_000)));
    expect(leases.filter((lease) => lease !== null)).toHaveLength(1);
  });

  it('frees a key whose holder never released it once its time is up, and ignores that holder’s late release', async () => {
    let clock = 0;
    const lock = createInMemoryInFlightLock({ now: () => clock });
    const stale = await lock.acquire('redeem:a', 1_000);
    clock = 999;
    expect(await lock.acquire('redeem:a', 1_000)).toBeNull();
    clock = 1_000;
    const fresh = await lock.acquire('redeem:a', 1_000);
    expect(fresh).not.toBeNull();

    await lock.release('redeem:a', stale!);
    expect(await lock.acquire('redeem:a', 1_000)).toBeNull();
  });
});

import { describe, expect, it, vi } from 'vitest';
import { memoizeWithTtl } from './memoize-with-ttl';

describe('memoizeWithTtl', () => {
  it('shares one load between concurrent callers and reuses it until the ttl passes', async () => {
    let clock = 0;
    const load = vi.fn(async () => `value ${load.mock.calls.length}`);
    const cached = memoizeWithTtl(load, 1_000, () => clock);

    const [a, b] = await Promise.all([cached(), cached()]);
    expect(a).toBe('value 1');
    expect(b).toBe('value 1');
    clock = 999;
    expect(await cached()).toBe('value 1');
    clock = 1_001;
    expect(await cached()).toBe('value 2');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('forgets a failed load so the next caller tries again', async () => {
    const load = vi.fn().mockRejectedValueOnce(new Error('down')).mockResolvedValueOnce('up');
    const cached = memoizeWithTtl(load, 60_000);

    await expect(cached()).rejects.toThrow('down');
    expect(await cached()).toBe('up');
    expect(load).toHaveBeenCalledTimes(2);
  });
});

import { describe, expect, it } from 'vitest';
import { createInMemoryRateLimiter } from './rate-limiter';

describe('in-memory rate limiter', () => {
  it('allows up to the limit per window, then refuses with a retry time', async () => {
    let clock = 0;
    const limiter = createInMemoryRateLimiter({ limit: 2, windowMs: 60_000, now: () => clock });

    expect(await limiter.consume('member-1')).toEqual({ allowed: true });
    expect(await limiter.consume('member-1')).toEqual({ allowed: true });
    clock = 15_000;
    expect(await limiter.consume('member-1')).toEqual({ allowed: false, retryAfterSeconds: 45 });
    expect(await limiter.consume('member-2')).toEqual({ allowed: true });
  });

  it('starts a fresh window once the old one has passed', async () => {
    let clock = 0;
    const limiter = createInMemoryRateLimiter({ limit: 1, windowMs: 1_000, now: () => clock });

    await limiter.consume('ip');
    expect((await limiter.consume('ip')).allowed).toBe(false);
    clock = 1_000;
    expect((await limiter.consume('ip')).allowed).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { createInMemoryOneTimeStore } from '@/lib/stores/one-time-store';
import { createHandoff, redeemHandoff, type Handoff } from './handoff';

const tokens = {
  accessToken: { value: 'access', expiresAt: 2_000_000_000 },
  refreshToken: { value: 'refresh', role: 'member' as const },
};
const NONCE = 'widget-nonce-0123456789abcdef';

function setUp() {
  let clock = 1_000_000;
  const store = createInMemoryOneTimeStore<Handoff>({ now: () => clock });
  return { store, advance: (ms: number) => (clock += ms) };
}

describe('popup handoff codes', () => {
  it('give the widget that opened the popup its tokens', async () => {
    const { store } = setUp();
    const code = await createHandoff(store, tokens, NONCE);
    expect(await redeemHandoff(store, code, NONCE)).toEqual({ ok: true, tokens });
  });

  it('work once', async () => {
    const { store } = setUp();
    const code = await createHandoff(store, tokens, NONCE);
    await redeemHandoff(store, code, NONCE);
    expect(await redeemHandoff(store, code, NONCE)).toEqual({ ok: false, code: 'HANDOFF_INVALID' });
  });

  it('expire within a minute', async () => {
    const { store, advance } = setUp();
    const code = await createHandoff(store, tokens, NONCE);
    advance(59_000);
    const fresh = await createHandoff(store, tokens, NONCE);
    expect((await redeemHandoff(store, fresh, NONCE)).ok).toBe(true);
    advance(1_000);
    expect(await redeemHandoff(store, code, NONCE)).toEqual({ ok: false, code: 'HANDOFF_INVALID' });
  });

  it('refuse another nonce, and are spent by the attempt', async () => {
    const { store } = setUp();
    const code = await createHandoff(store, tokens, NONCE);
    expect(await redeemHandoff(store, code, 'someone-elses-nonce-0123456')).toEqual({
      ok: false,
      code: 'HANDOFF_NONCE_MISMATCH',
    });
    expect(await redeemHandoff(store, code, NONCE)).toEqual({ ok: false, code: 'HANDOFF_INVALID' });
  });

  it('refuse codes that were never issued, whatever their shape', async () => {
    const { store } = setUp();
    for (const code of ['', 'guess', 'a'.repeat(43), 'a'.repeat(10_000)]) {
      expect(await redeemHandoff(store, code, NONCE)).toEqual({ ok: false, code: 'HANDOFF_INVALID' });
    }
  });
});

import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createInMemoryOneTimeStore } from '@/lib/stores/one-time-store';
import { acceptMemberToken, type MemberTokenRules } from './member-token';

const SECRET = 'storefront-and-app-share-this-secret-0123456789';
const AUDIENCE = 'https://loyalty.example';
const MEMBER_ID = '7d368843-6f0c-4037-8d0e-b7e36a8a0c32';
const NOW_MS = Date.parse('2026-03-01T12:00:00Z');
const nowSeconds = NOW_MS / 1000;

type Mint = {
  secret?: string;
  audience?: string | null;
  exp?: number | null;
  jti?: string | null;
  sub?: string | null;
  alg?: string;
};

let counter = 0;
/** What a storefront's server writes, with a knob for each thing that can be wrong. */
async function mint({
  secret = SECRET,
  audience = AUDIENCE,
  exp = nowSeconds + 120,
  jti = `jti-${++counter}-0000`,
  sub = MEMBER_ID,
  alg = 'HS256',
}: Mint = {}): Promise<string> {
  const jwt = new SignJWT({}).setProtectedHeader({ alg }).setIssuedAt(nowSeconds);
  if (sub !== null) jwt.setSubject(sub);
  if (audience !== null) jwt.setAudience(audience);
  if (exp !== null) jwt.setExpirationTime(exp);
  if (jti !== null) jwt.setJti(jti);
  return jwt.sign(new TextEncoder().encode(secret));
}

function rules(overrides: Partial<MemberTokenRules> = {}): MemberTokenRules {
  return {
    secret: SECRET,
    audience: AUDIENCE,
    usedTokenIds: createInMemoryOneTimeStore<true>({ now: () => NOW_MS }),
    now: () => NOW_MS,
    ...overrides,
  };
}

describe('acceptMemberToken', () => {
  it('accepts a fresh token signed with the shared secret and names its member', async () => {
    expect(await acceptMemberToken(await mint(), rules())).toEqual({ ok: true, memberId: MEMBER_ID });
  });

  it('refuses the same token, or any token with the same jti, a second time', async () => {
    const shared = rules();
    const token = await mint({ jti: 'single-use-id' });
    expect((await acceptMemberToken(token, shared)).ok).toBe(true);
    expect(await acceptMemberToken(token, shared)).toEqual({ ok: false, code: 'MEMBER_TOKEN_REPLAYED' });
    const sameId = await mint({ jti: 'single-use-id', exp: nowSeconds + 200 });
    expect(await acceptMemberToken(sameId, shared)).toEqual({ ok: false, code: 'MEMBER_TOKEN_REPLAYED' });
  });

  it('refuses an expired token', async () => {
    const token = await mint({ exp: nowSeconds - 60 });
    expect(await acceptMemberToken(token, rules())).toEqual({ ok: false, code: 'MEMBER_TOKEN_EXPIRED' });
  });

  it('refuses a token signed with another secret, or edited after signing', async () => {
    const foreign = await mint({ secret: 'some-other-secret-that-is-long-enough-000' });
    expect(await acceptMemberToken(foreign, rules())).toEqual({ ok: false, code: 'MEMBER_TOKEN_INVALID' });

    const [header, , signature] = (await mint()).split('.');
    const otherMember = Buffer.from(
      JSON.stringify({
        sub: 'a517751b-a1ca-4423-8d91-aaf8f5b34215',
        aud: AUDIENCE,
        exp: nowSeconds + 60,
        jti: 'x'.repeat(10),
      }),
    ).toString('base64url');
    const tampered = `${header}.${otherMember}.${signature}`;
    expect(await acceptMemberToken(tampered, rules())).toEqual({ ok: false, code: 'MEMBER_TOKEN_INVALID' });
  });

  it('refuses a token meant for another app', async () => {
    const token = await mint({ audience: 'https://other-app.example' });
    expect(await acceptMemberToken(token, rules())).toEqual({
      ok: false,
      code: 'MEMBER_TOKEN_WRONG_AUDIENCE',
    });
  });

  it('refuses a token that lives longer than five minutes', async () => {
    const token = await mint({ exp: nowSeconds + 3_600 });
    expect(await acceptMemberToken(token, rules())).toEqual({ ok: false, code: 'MEMBER_TOKEN_INVALID' });
  });

  it.each([
    ['no expiry', { exp: null }],
    ['no jti', { jti: null }],
    ['no member', { sub: null }],
    ['no audience', { audience: null }],
    ['a member id that is not an id', { sub: '../../admin' }],
    ['another algorithm', { alg: 'HS512' }],
  ] as const)('refuses a token with %s', async (_label, overrides) => {
    expect(await acceptMemberToken(await mint(overrides), rules())).toEqual({
      ok: false,
      code: 'MEMBER_TOKEN_INVALID',
    });
  });

  it('refuses text that is not a token, of any length, without spending anything', async () => {
    const used = createInMemoryOneTimeStore<true>();
    for (const garbage of ['', 'not.a.token', 'x'.repeat(100_000), '{"alg":"none"}']) {
      expect(await acceptMemberToken(garbage, rules({ usedTokenIds: used }))).toEqual({
        ok: false,
        code: 'MEMBER_TOKEN_INVALID',
      });
    }
  });

  it('does not spend the jti of a token it refused', async () => {
    const shared = rules();
    const wrongAudience = await mint({ jti: 'kept-for-later', audience: 'https://other-app.example' });
    await acceptMemberToken(wrongAudience, shared);
    expect((await acceptMemberToken(await mint({ jti: 'kept-for-later' }), shared)).ok).toBe(true);
  });
});

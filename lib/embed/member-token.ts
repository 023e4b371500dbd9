import { errors, jwtVerify } from 'jose';
import { failure, type EmbedErrorCode, type Failure } from '@/lib/errors/codes';
import type { OneTimeStore } from '@/lib/stores/one-time-store';

/**
 * A storefront that has signed its shopper in vouches for them with `data-member-token`: a JWT its server
 * signs with `EMBED_SSO_SECRET` (HS256) naming the Wix member (`sub`), this app (`aud`), a near expiry
 * (`exp`, at most five minutes ahead) and an id used once (`jti`). A token that passes is as good as a login,
 * so everything about it is checked before anything else happens, and a seen `jti` is never accepted again.
 */

export const MEMBER_TOKEN_MAX_LIFETIME_SECONDS = 5 * 60;
/** Storefront and app clocks drift; half a minute either way is tolerated, no more. */
const CLOCK_TOLERANCE_SECONDS = 30;
/** A member token is a few hundred characters; anything far longer is not one. */
export const MEMBER_TOKEN_MAX_LENGTH = 4096;
const WIX_ID = /^[A-Za-z0-9-]{1,64}$/;

export type MemberTokenErrorCode = Extract<
  EmbedErrorCode,
  'MEMBER_TOKEN_INVALID' | 'MEMBER_TOKEN_EXPIRED' | 'MEMBER_TOKEN_REPLAYED' | 'MEMBER_TOKEN_WRONG_AUDIENCE'
>;

export type MemberTokenCheck = { ok: true; memberId: string } | Failure<MemberTokenErrorCode>;

export type MemberTokenRules = {
  secret: string;
  audience: string;
  /** Where used `jti`s are remembered until their token would have expired anyway. */
  usedTokenIds: OneTimeStore<true>;
  now?: () => number;
};

/** Verifies a member token and spends its `jti`; the member id it names, or why it was refused. */
export async function acceptMemberToken(
  token: string,
  { secret, audience, usedTokenIds, now = Date.now }: MemberTokenRules,
): Promise<MemberTokenCheck> {
  if (token.length > MEMBER_TOKEN_MAX_LENGTH) return failure('MEMBER_TOKEN_INVALID');
  const nowMs = now();
  let claims: { sub?: unknown; exp?: unknown; jti?: unknown };
  try {
    ({ payload: claims } = await jwtVerify(token, new TextEncoder().encode(secret), {
      algorithms: ['HS256'],
      audience,
      requiredClaims: ['sub', 'exp', 'jti'],
      currentDate: new Date(nowMs),
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
    }));
  } catch (error) {
    return failure(refusalCode(error));
  }

  const { sub, exp, jti } = claims;
  if (typeof sub !== 'string' || !WIX_ID.test(sub)) return failure('MEMBER_TOKEN_INVALID');
  if (typeof jti !== 'string' || jti.length < 8 || jti.length > 128) return failure('MEMBER_TOKEN_INVALID');
  const secondsLeft = (exp as number) - nowMs / 1000;
  // A long-lived token is a bearer credential lying around in pages and caches: refused outright.
  if (secondsLeft > MEMBER_TOKEN_MAX_LIFETIME_SECONDS + CLOCK_TOLERANCE_SECONDS) {
    return failure('MEMBER_TOKEN_INVALID');
  }
  const rememberMs = Math.ceil((secondsLeft + CLOCK_TOLERANCE_SECONDS) * 1000);
  if (!(await usedTokenIds.add(jti, true, rememberMs))) return failure('MEMBER_TOKEN_REPLAYED');
  return { ok: true, memberId: sub };
}

function refusalCode(error: unknown): MemberTokenErrorCode {
  if (error instanceof errors.JWTExpired) return 'MEMBER_TOKEN_EXPIRED';
  if (
    error instanceof errors.JWTClaimValidationFailed &&
    error.claim === 'aud' &&
    error.reason !== 'missing'
  ) {
    return 'MEMBER_TOKEN_WRONG_AUDIENCE';
  }
  return 'MEMBER_TOKEN_INVALID';
}

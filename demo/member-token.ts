import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';

export type MemberTokenClaims = {
  /** `EMBED_SSO_SECRET`, shared by the storefront's server and the loyalty app. */
  secret: string;
  /** The Wix member id of the shopper the storefront has signed in. */
  memberId: string;
  /** The loyalty app's public origin (or `EMBED_SSO_AUDIENCE`). */
  audience: string;
  /** At most 300; the app refuses longer-lived tokens. */
  expiresInSeconds?: number;
  jti?: string;
};

/**
 * What a storefront's server writes to sign its shopper into the widget: a short-lived HS256 JWT, minted
 * per page view and put in `data-member-token`. The README shows the same lines.
 */
export async function mintMemberToken({
  secret,
  memberId,
  audience,
  expiresInSeconds = 300,
  jti = randomUUID(),
}: MemberTokenClaims): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(memberId)
    .setAudience(audience)
    .setJti(jti)
    .setIssuedAt(now)
    .setExpirationTime(now + expiresInSeconds)
    .sign(new TextEncoder().encode(secret));
}

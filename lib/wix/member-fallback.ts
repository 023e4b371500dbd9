import 'server-only';
import { logger } from '@/lib/observability/logger';
import { classifyWixFailure } from './errors';
import type { MemberFallbackMethod } from './wix-calls';

/**
 * Wix documents only the "Manage Loyalty" permission for the checkout exchange's methods, not which identities
 * may call them, so a site may refuse a member's token for them (403 `PERMISSION_DENIED`). The app then makes
 * the same call with the API key, and only for a checkout it has already proven to be the member's own. A site
 * that refused once will refuse again, so the refusal is remembered for a while and later requests go to the
 * key at once, without a refused round trip first. Per instance, like the site catalog's cache.
 */
const REMEMBER_REFUSAL_MS = 5 * 60 * 1000;

const refusedUntil = new Map<MemberFallbackMethod, number>();

/** True while Wix is known to refuse the member's token for this method. */
export function memberRefused(method: MemberFallbackMethod, now = Date.now()): boolean {
  return (refusedUntil.get(method) ?? 0) > now;
}

function noteRefusal(method: MemberFallbackMethod): void {
  if (!memberRefused(method)) {
    logger.warn(
      { method, identity: 'member', code: 'PERMISSION_DENIED' },
      'Wix refused the member token for this method; calling it with the API key',
    );
  }
  refusedUntil.set(method, Date.now() + REMEMBER_REFUSAL_MS);
}

/** Is this failure Wix refusing the member's token for the method, rather than anything else? */
export function refusedToMember(method: MemberFallbackMethod, error: unknown): boolean {
  if (classifyWixFailure(error) !== 'forbidden') return false;
  noteRefusal(method);
  return true;
}

/**
 * The call with the member's token, or with the API key when Wix refuses the token (now, or recently). Only
 * for a resource already proven to be the member's: the key can act on anyone's.
 */
export async function asMemberOrApp<T>(
  method: MemberFallbackMethod,
  asMember: () => Promise<T>,
  asApp: () => Promise<T>,
): Promise<T> {
  if (memberRefused(method)) return asApp();
  try {
    return await asMember();
  } catch (error) {
    if (!refusedToMember(method, error)) throw error;
    return asApp();
  }
}

/** Forgets every refusal, for tests that change the site's permissions between cases. */
export function forgetMemberRefusals(): void {
  refusedUntil.clear();
}

import 'server-only';
import { getConfig } from '@/lib/config/env';
import {
  previewWanted,
  toEarnPreview,
  type EarnPreviewView,
  type PreviewShopper,
} from '@/lib/loyalty/earn-preview';
import { findOrderRule } from '@/lib/loyalty/order-earning';
import type { SessionState } from '@/lib/session/cookies';
import { loadMemberContext, type MemberContext } from './member-context';
import { logFailure } from './observe-calls';
import { loadEarningRules, loadProgramSnapshot } from './site-catalog';

export type EarnPreviewResult = { ok: true; view: EarnPreviewView } | { ok: false };

export type LoadedEarnPreview = {
  preview: EarnPreviewResult;
  /** Whether a member is signed in, for the frame script; the session's say when nothing was read. */
  signedIn: boolean;
  /** Wix refused the session's tokens: the caller clears the embedded cookie. */
  sessionRejected: boolean;
};

/** A cached catalogue read that failed: logged once here, and the preview says it could not be worked out. */
function orNull<T>(promise: Promise<T>, what: string): Promise<T | null> {
  return promise.catch((error: unknown) => {
    logFailure(error, `earn preview: ${what}`);
    return null;
  });
}

function shopperOf(context: MemberContext): PreviewShopper | null {
  switch (context.status) {
    case 'member':
      return { status: 'member', tierId: context.tierId, tier: context.account.tier };
    case 'no-account':
      return { status: 'no-account' };
    case 'signed-out':
      return { status: 'visitor' };
    case 'unavailable':
      return null;
  }
}

/**
 * What an order of `amount` in `currency` earns the session's shopper. The program, its tiers and the earning
 * rules are cached for every shopper, so a member costs one round trip (their own account, read with the
 * member context) and a visitor none. An amount that cannot have a figure reads nothing at all.
 */
export async function loadEarnPreview(
  session: SessionState,
  amount: number | null,
  currency: string | null,
): Promise<LoadedEarnPreview> {
  const signedIn = session.status === 'member';
  const inStoreCurrency = currency !== null && currency === getConfig().storeCurrency;
  if (!previewWanted(amount, inStoreCurrency)) {
    return { preview: { ok: true, view: { status: 'empty' } }, signedIn, sessionRejected: false };
  }
  // The snapshot is the same cached promise the member context awaits: asking for it beside costs nothing.
  const [context, snapshot, rules] = await Promise.all([
    loadMemberContext(session),
    orNull(loadProgramSnapshot(), 'program'),
    orNull(loadEarningRules(), 'earning rules'),
  ]);
  const sessionRejected = context.status === 'signed-out' && context.reason === 'rejected';
  const shopper = shopperOf(context);
  const shown = { signedIn: shopper !== null ? shopper.status !== 'visitor' : signedIn, sessionRejected };
  if (!shopper || !snapshot || !rules) return { preview: { ok: false }, ...shown };
  const view = toEarnPreview({
    amount,
    inStoreCurrency,
    program: snapshot.program,
    rule: findOrderRule(rules),
    shopper,
  });
  return { preview: { ok: true, view }, ...shown };
}

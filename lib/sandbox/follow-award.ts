import { currentTier } from './account-json';
import { activeSocialRule, fixedPointsFor } from './earning-rules';
import { earnPoints } from './points';
import type { AccountRecord, FollowedChannelRecord, SandboxState } from './state';

/**
 * "After following a social media channel, the customer's loyalty account receives some loyalty
 * points" (Wix's Social Media API): Wix awards them by itself, from the channel's ACTIVE social-media
 * earning rule, at the rule's points for the account's tier. It is one EARN transaction that names
 * the channel, keyed by the follow's id so that a follow awards once. A program that is not ACTIVE
 * awards nothing, as Earn Points would refuse; the follow is still recorded.
 */
export function awardFollow(
  state: SandboxState,
  account: AccountRecord,
  follow: FollowedChannelRecord,
): void {
  if (state.program.status !== 'ACTIVE') return;
  const rule = activeSocialRule(state, follow.channel);
  const amount = rule && fixedPointsFor(rule, currentTier(state, account)?.id);
  if (!rule || !amount) return;
  earnPoints(
    state,
    account.id,
    {
      amount,
      appId: rule.sourceAppId,
      idempotencyKey: follow.id,
      description: rule.title,
      activityType: rule.triggerActivityType,
      followedSocialMedia: { channel: follow.channel },
    },
    follow.createdDate,
  );
}

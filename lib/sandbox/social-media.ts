import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { requireAppOrMember } from './auth';
import { activeSocialRule } from './earning-rules';
import { applicationError, parseOrThrow, SandboxErrorCode, validationError } from './errors';
import { awardFollow } from './follow-award';
import { requireGuid } from './guid';
import { requireAccount } from './points';
import type { RequestContext, Router } from './router';
import { accountByMemberId, SOCIAL_CHANNELS, type AccountRecord, type FollowedChannelRecord } from './state';

const PATH = '/loyalty-social-media/v1/followed-channels';

const createSchema = z.object({
  followedChannel: z.object({ channel: z.enum(SOCIAL_CHANNELS), accountId: z.string().optional() }),
});

const restFollowedChannel = (record: FollowedChannelRecord) => ({
  id: record.id,
  accountId: record.accountId,
  channel: record.channel,
  createdDate: record.createdDate.toISOString(),
});

type Caller = ReturnType<typeof requireAppOrMember>;

/**
 * Whose follows: a member's own account, or with an API key the account the caller names. The SDK's
 * `createFollowedChannel` sends whatever `FollowedChannel` it is given, so `accountId` reaches the
 * body; its `listFollowedChannels` sends nothing, so an API-key list needs `?accountId=` over REST.
 * `undefined` is a member without an account.
 */
function accountOf(
  ctx: RequestContext,
  caller: Caller,
  accountId: string | undefined,
  field: string,
): AccountRecord | undefined {
  const { state } = ctx.sandbox;
  if (caller.kind === 'member') return accountByMemberId(state, caller.memberId);
  if (!accountId) {
    throw validationError([
      { field, description: 'an API key call must name the loyalty account', violatedRule: 'REQUIRED_FIELD' },
    ]);
  }
  return requireAccount(state, requireGuid(accountId, field));
}

function createFollowedChannel(ctx: RequestContext) {
  const caller = requireAppOrMember(ctx);
  const { followedChannel } = parseOrThrow(createSchema, ctx.body());
  const account = accountOf(ctx, caller, followedChannel.accountId, 'followedChannel.accountId');
  if (!account) {
    throw applicationError(404, SandboxErrorCode.AccountNotFound, 'The member has no loyalty account');
  }
  const { state } = ctx.sandbox;
  const { channel } = followedChannel;
  if (!activeSocialRule(state, channel)) {
    const reason = `${channel} is not enabled for this site`;
    throw applicationError(428, SandboxErrorCode.ChannelNotEnabled, reason, { channel });
  }
  if (state.followedChannels.some((f) => f.accountId === account.id && f.channel === channel)) {
    const reason = `${channel} is already followed`;
    throw applicationError(409, SandboxErrorCode.ChannelAlreadyFollowed, reason, { channel });
  }
  const record = { id: randomUUID(), accountId: account.id, channel, createdDate: new Date() };
  state.followedChannels.push(record);
  if (ctx.sandbox.behaviour.followAwards) awardFollow(state, account, record);
  return { json: { followedChannel: restFollowedChannel(record) } };
}

function listFollowedChannels(ctx: RequestContext) {
  const caller = requireAppOrMember(ctx);
  const account = accountOf(ctx, caller, ctx.url.searchParams.get('accountId') ?? undefined, 'accountId');
  const followed = ctx.sandbox.state.followedChannels
    .filter((f) => f.accountId === account?.id)
    .sort((a, b) => a.createdDate.getTime() - b.createdDate.getTime());
  return { json: { followedChannels: followed.map(restFollowedChannel) } };
}

export function registerSocialMediaRoutes(router: Router): void {
  router.add('POST', PATH, createFollowedChannel).add('GET', PATH, listFollowedChannels);
}

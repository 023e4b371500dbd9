import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { requireMember } from './auth';
import { isChannelEnabled } from './earning-rules';
import { applicationError, parseOrThrow, SandboxErrorCode } from './errors';
import type { Router } from './router';
import { accountByMemberId, SOCIAL_CHANNELS, type FollowedChannelRecord } from './state';

const PATH = '/loyalty-social-media/v1/followed-channels';

const createSchema = z.object({
  followedChannel: z.object({ channel: z.enum(SOCIAL_CHANNELS) }),
});

const restFollowedChannel = (record: FollowedChannelRecord) => ({
  id: record.id,
  accountId: record.accountId,
  channel: record.channel,
  createdDate: record.createdDate.toISOString(),
});

/**
 * Only records the follow. On Wix a follow can feed an automation that awards points; the sandbox
 * runs no automations, so points for a follow come only from an explicit Earn Points call.
 */
export function registerSocialMediaRoutes(router: Router): void {
  router
    .add('POST', PATH, (ctx) => {
      const memberId = requireMember(ctx);
      const { followedChannel } = parseOrThrow(createSchema, ctx.body());
      const { state } = ctx.sandbox;
      const account = accountByMemberId(state, memberId);
      if (!account) {
        throw applicationError(
          404,
          SandboxErrorCode.AccountNotFound,
          `Member ${memberId} has no loyalty account`,
        );
      }
      const { channel } = followedChannel;
      if (!isChannelEnabled(state, channel)) {
        throw applicationError(
          428,
          SandboxErrorCode.ChannelNotEnabled,
          `${channel} is not enabled for this site`,
          {
            channel,
          },
        );
      }
      if (state.followedChannels.some((f) => f.accountId === account.id && f.channel === channel)) {
        throw applicationError(
          409,
          SandboxErrorCode.ChannelAlreadyFollowed,
          `${channel} is already followed`,
          {
            channel,
          },
        );
      }
      const record = { id: randomUUID(), accountId: account.id, channel, createdDate: new Date() };
      state.followedChannels.push(record);
      return { json: { followedChannel: restFollowedChannel(record) } };
    })
    .add('GET', PATH, (ctx) => {
      const memberId = requireMember(ctx);
      const { state } = ctx.sandbox;
      const account = accountByMemberId(state, memberId);
      const followed = state.followedChannels
        .filter((f) => account && f.accountId === account.id)
        .sort((a, b) => a.createdDate.getTime() - b.createdDate.getTime());
      return { json: { followedChannels: followed.map(restFollowedChannel) } };
    });
}

import { randomUUID } from 'node:crypto';
import type { AccountChange } from './account-changes';

/** The four account events of the Loyalty Accounts reference, by their `eventType`. */
export const ACCOUNT_EVENT_TYPES = {
  created: 'wix.loyalty.v1.account_created',
  pointsUpdated: 'wix.loyalty.v1.account_points_updated',
  rewardAvailabilityUpdated: 'wix.loyalty.v1.account_reward_availability_updated',
  updated: 'wix.loyalty.v1.account_updated',
} as const;

export type AccountEventType = (typeof ACCOUNT_EVENT_TYPES)[keyof typeof ACCOUNT_EVENT_TYPES];

/** One event as Wix puts it in a webhook's `data`: a domain event with its id, entity and body. */
export type WebhookEvent = {
  eventType: AccountEventType;
  accountId: string;
  body: Record<string, unknown>;
};

function domainEvent(change: AccountChange, slug: string, payload: Record<string, unknown>) {
  return {
    id: randomUUID(),
    entityFqdn: 'wix.loyalty.v1.account',
    slug,
    entityId: change.account.id,
    ...payload,
    eventTime: change.at.toISOString(),
    triggeredByAnonymizeRequest: false,
    // "A sequence number that indicates the order of updates to an entity": the account's revision here.
    entityEventSequence: change.account.revision,
  };
}

/**
 * The events Wix sends for one change, each with its own id, in the order of the reference page: a new
 * account is Account Created; a points change is Points Updated, Reward Availability Updated when the
 * flag flipped, then Account Updated. Bodies are in the shape `@wix/sdk` unwraps (`createdEvent.entity`,
 * `actionEvent.body`, `updatedEvent.currentEntity`).
 */
export function eventsFor(change: AccountChange): WebhookEvent[] {
  const { account } = change;
  const event = (eventType: AccountEventType, body: Record<string, unknown>) => ({
    eventType,
    accountId: account.id,
    body,
  });
  if (change.kind === 'created') {
    return [
      event(
        ACCOUNT_EVENT_TYPES.created,
        domainEvent(change, 'created', { createdEvent: { entity: account } }),
      ),
    ];
  }
  return [
    event(
      ACCOUNT_EVENT_TYPES.pointsUpdated,
      domainEvent(change, 'points_updated', { actionEvent: { body: { account } } }),
    ),
    ...(change.rewardAvailabilityChanged
      ? [
          event(
            ACCOUNT_EVENT_TYPES.rewardAvailabilityUpdated,
            domainEvent(change, 'reward_availability_updated', {
              actionEvent: {
                body: { rewardAvailable: account.rewardAvailable, updateTrigger: 'BALANCE_UPDATED' },
              },
            }),
          ),
        ]
      : []),
    event(
      ACCOUNT_EVENT_TYPES.updated,
      domainEvent(change, 'updated', { updatedEvent: { currentEntity: account } }),
    ),
  ];
}

import { isRewardAvailable } from './reward-rules';
import { addMonths, contactDetails, type AccountRecord, type SandboxState, type TierRecord } from './state';

/**
 * Wix counts the points earned and adjusted inside the tiers program's rolling window (12 months
 * here). Every sandbox transaction falls inside that window, so the window total is simply
 * `earned + adjusted`; redemptions never lower a tier.
 */
export function tierPoints(account: AccountRecord): number {
  return Math.max(0, account.points.earned + account.points.adjusted);
}

/** The highest tier whose threshold the account meets; `undefined` is the base tier, which has no id. */
export function currentTier(state: SandboxState, account: AccountRecord): TierRecord | undefined {
  if (state.program.tiersProgram.status !== 'ACTIVE') return undefined;
  const points = tierPoints(account);
  return [...state.tiers]
    .sort((a, b) => b.requiredPoints - a.requiredPoints)
    .find((tier) => tier.requiredPoints <= points);
}

/** Inactivity-based expiry: after `monthsOfInactivity` without activity, that share of the balance expires. */
export function pointsExpiration(state: SandboxState, account: AccountRecord) {
  const settings = state.program.pointsExpiration;
  if (settings.status !== 'ENABLED' || account.points.balance <= 0) return undefined;
  return {
    expirationDate: addMonths(account.lastActivityDate, settings.monthsOfInactivity).toISOString(),
    expiringPointsAmount: Math.floor((account.points.balance * settings.expiringPointsPercentage) / 100),
  };
}

/** The REST shape of a loyalty account: `id`, ISO date strings and `revision` as a string. */
export function toRestAccount(state: SandboxState, account: AccountRecord) {
  const tier = currentTier(state, account);
  const contact = contactDetails(state, account.contactId);
  const expiration = pointsExpiration(state, account);
  return {
    id: account.id,
    contactId: account.contactId,
    ...(account.memberId && { memberId: account.memberId }),
    points: { ...account.points },
    rewardAvailable: isRewardAvailable(state, account.points.balance, tier?.id),
    createdDate: account.createdDate.toISOString(),
    updatedDate: account.updatedDate.toISOString(),
    lastActivityDate: account.lastActivityDate.toISOString(),
    revision: String(account.revision),
    tier: {
      ...(tier && { id: tier.id }),
      updatedDate: account.tierUpdatedDate.toISOString(),
      points: tierPoints(account),
    },
    ...(contact && {
      contact: {
        id: contact.id,
        name: contact.name,
        // The reference's examples send `null` for a contact without a picture, not an absent field.
        picture: contact.picture ?? null,
        email: contact.email,
        displayName: contact.name,
      },
    }),
    ...(expiration && { pointsExpiration: expiration }),
  };
}

export type RestAccount = ReturnType<typeof toRestAccount>;

export const allRestAccounts = (state: SandboxState): RestAccount[] =>
  state.accounts.map((account) => toRestAccount(state, account));

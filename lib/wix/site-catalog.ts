import 'server-only';
import { memoizeWithTtl } from '@/lib/cache/memoize-with-ttl';
import { toProgramView, type ProgramView } from '@/lib/loyalty/view-model';
import { getAdminClient } from './clients';
import type { ReferralProgram } from './referral-types';
import { getReferralProgram } from './referrals';
import type { WixEarningRule, WixReward, WixTiersProgram } from './types';

/**
 * What the site offers, the same for every shopper: the program, its tiers, its earning rules and rewards. They change
 * a few times a year, so five minutes of staleness costs nothing, and every card and award needs them.
 */
const CATALOG_TTL_MS = 5 * 60 * 1000;

export type ProgramSnapshot = { program: ProgramView; tiersProgram: WixTiersProgram };

/** Program and tiers, cached. */
export const loadProgramSnapshot = memoizeWithTtl(async (): Promise<ProgramSnapshot> => {
  const admin = getAdminClient();
  const [programResponse, tiersProgram] = await Promise.all([
    admin.programs.getLoyaltyProgram(),
    admin.tiers.getTiersProgram(),
  ]);
  return { program: toProgramView(programResponse.loyaltyProgram ?? {}), tiersProgram };
}, CATALOG_TTL_MS);

/** The site's earning rules, cached. */
export const loadEarningRules = memoizeWithTtl(async (): Promise<WixEarningRule[]> => {
  const response = await getAdminClient().earningRules.listEarningRules();
  return response.earningRules ?? [];
}, CATALOG_TTL_MS);

const REWARDS_PAGE_SIZE = 100;
/** Far more rewards than any site offers; past it we stop reading rather than stall the request. */
const MAX_REWARD_PAGES = 5;

/**
 * The site's active rewards (List Rewards returns only those), cached. A reward withdrawn within the cache's
 * lifetime is still refused by Wix when someone tries to redeem it.
 */
export const loadRewards = memoizeWithTtl(async (): Promise<WixReward[]> => {
  const admin = getAdminClient();
  const rewards: WixReward[] = [];
  let cursor: string | null | undefined;
  for (let page = 0; page < MAX_REWARD_PAGES; page++) {
    const response = await admin.rewards.listRewards({
      cursorPaging: { limit: REWARDS_PAGE_SIZE, ...(cursor ? { cursor } : {}) },
    });
    rewards.push(...(response.rewards ?? []));
    cursor = response.pagingMetadata?.cursors?.next;
    if (!cursor) break;
  }
  return rewards;
}, CATALOG_TTL_MS);

/** The referral program (its status and both sides' rewards), cached like the rest of what the site offers. */
export const loadReferralProgram = memoizeWithTtl(
  (): Promise<ReferralProgram> => getReferralProgram(),
  CATALOG_TTL_MS,
);

/** Forgets all of it, for tests that change the site between cases. */
export function clearSiteCatalog(): void {
  loadProgramSnapshot.clear();
  loadReferralProgram.clear();
  loadEarningRules.clear();
  loadRewards.clear();
}

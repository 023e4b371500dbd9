import 'server-only';
import { memoizeWithTtl } from '@/lib/cache/memoize-with-ttl';
import { toProgramView, type ProgramView } from '@/lib/loyalty/view-model';
import { getAdminClient } from './clients';
import type { WixEarningRule, WixTiersProgram } from './types';

/**
 * What the site offers, the same for every shopper: the program, its tiers and its earning rules. They change
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

/** Forgets both, for tests that change the site between cases. */
export function clearSiteCatalog(): void {
  loadProgramSnapshot.clear();
  loadEarningRules.clear();
}

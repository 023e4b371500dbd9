import 'server-only';
import type { EarnOffer } from '@/lib/loyalty/earn-offers';
import { getAdminClient } from './clients';
import { idempotencyKeyFor } from './idempotency';

const PAGE_SIZE = 100;
/** Enough history for any real member; past it we stop reading rather than stall the request. */
const MAX_PAGES = 20;

/** The account's EARN transactions, newest first: the first page, which `paidOffers` reads on from. */
export function firstEarnPage(accountId: string) {
  return getAdminClient()
    .transactions.queryLoyaltyTransactions()
    .eq('accountId', accountId)
    .eq('transactionType', 'EARN')
    .descending('_createdDate')
    .limit(PAGE_SIZE)
    .find();
}

export type EarnPage = Awaited<ReturnType<typeof firstEarnPage>>;

/**
 * Which of these offers the account has already been paid for, whoever paid, as offer id → transaction id:
 * this app (its key on the transaction), Wix itself (the award a follow triggers names the channel) or
 * anyone else (the dashboard, an automation: recognised by the activity type). Wix cannot filter
 * transactions by activity or channel, so the account's EARN transactions are read, newest first, and
 * matched here.
 * `firstPage`, when given, is that account's first page already asked for (read ahead by a caller that knew
 * the account before Wix confirmed it).
 */
export async function paidOffers(
  accountId: string,
  offers: EarnOffer[],
  firstPage?: Promise<EarnPage>,
): Promise<Map<string, string>> {
  const awarded = new Map<string, string>();
  if (offers.length === 0) return awarded;
  const byKey = new Map(offers.map((offer) => [idempotencyKeyFor(accountId, offer.id), offer.id]));

  let page = await (firstPage ?? firstEarnPage(accountId));
  for (let read = 1; ; read++) {
    for (const transaction of page.items) {
      const id = transaction._id ?? '';
      const keyed = transaction.idempotencyKey ? byKey.get(transaction.idempotencyKey) : undefined;
      if (keyed && !awarded.has(keyed)) awarded.set(keyed, id);
      const channel = transaction.earnInfo?.followedSocialMedia?.channel;
      const activityType = transaction.earnInfo?.activityType;
      for (const offer of offers) {
        const paid = offer.channel ? offer.channel === channel : offer.activityType === activityType;
        if (paid && !awarded.has(offer.id)) awarded.set(offer.id, id);
      }
    }
    if (awarded.size === offers.length || !page.hasNext() || read >= MAX_PAGES) return awarded;
    page = await page.next();
  }
}

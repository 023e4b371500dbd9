import 'server-only';
import { getLocale } from 'next-intl/server';
import { loadLoyaltyCard } from '@/lib/wix/loyalty-card';
import { getMemberContext } from '@/lib/wix/member-context';
import { LoyaltyCard, type InitialLoyaltyCard } from './loyalty-card';

/** Server half of the card: loads the view for this request so the first HTML already shows the numbers. */
export async function LoyaltyCardSection({ returnTo }: { returnTo: string }) {
  const [context, locale] = await Promise.all([getMemberContext(), getLocale()]);
  const result = await loadLoyaltyCard(context);
  const initial: InitialLoyaltyCard = result.ok ? { view: result.view } : { error: result.code };
  // A server component renders once per request, so reading the clock here is the request's time, which is
  // exactly what the client needs to hydrate "in N days" to the same text.
  // eslint-disable-next-line react-hooks/purity
  const serverNow = Date.now();
  return <LoyaltyCard initial={initial} locale={locale} serverNow={serverNow} returnTo={returnTo} />;
}

import { NextResponse, type NextRequest } from 'next/server';
import { launcherBadge } from '@/components/embed/launcher-badge';
import { getConfig } from '@/lib/config/env';
import { credentialedCors } from '@/lib/http/cors';
import { LOCALE_COOKIE, chooseLocale } from '@/lib/i18n/locales';
import { translatorFor } from '@/lib/i18n/translator';
import { clearSession } from '@/lib/session/cookie-writer';
import { readSession } from '@/lib/session/request-session';
import { loadLoyaltyCard } from '@/lib/wix/loyalty-card';
import { loadMemberContext } from '@/lib/wix/member-context';
import { statusFor } from '../../widget-response';

export const dynamic = 'force-dynamic';

/**
 * The launcher button's words, asked for by `embed-launcher.js` from the host page itself, before any widget
 * is loaded: one credentialed CORS GET, which carries the partitioned `embedded` session (the host page is
 * the top-level site it is keyed to) and no token. Only the allowed embed origins may read it; anyone else
 * is refused before any Wix call. It costs the member context, one upstream round trip (the program is
 * cached); a visitor costs none. The locale is the host's `data-locale`, then the shopper's, as for `/embed`.
 */
export async function GET(request: NextRequest) {
  const cors = credentialedCors(request.headers.get('origin'), getConfig().embed.allowedOrigins);
  const headers = { ...cors.headers, 'Cache-Control': 'private, no-store' };
  if (!cors.allowed) {
    return NextResponse.json(
      { ok: false, code: 'FORBIDDEN_ORIGIN' },
      { status: statusFor('FORBIDDEN_ORIGIN'), headers },
    );
  }
  const locale = chooseLocale({
    requested: request.nextUrl.searchParams.get('locale'),
    cookie: request.cookies.get(LOCALE_COOKIE)?.value,
    acceptLanguage: request.headers.get('accept-language'),
  });
  const context = await loadMemberContext(await readSession('embedded'));
  const [card, t] = await Promise.all([loadLoyaltyCard(context), translatorFor(locale)]);
  const response = card.ok
    ? NextResponse.json({ ok: true, lang: locale, ...launcherBadge(card.view, t) }, { headers })
    : NextResponse.json({ ok: false, code: card.code }, { status: statusFor(card.code), headers });
  if (context.status === 'signed-out' && context.reason === 'rejected')
    clearSession(response.cookies, 'embedded');
  return response;
}

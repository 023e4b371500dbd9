import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { messagesFor } from '@/lib/i18n/catalogues';
import { LOCALE_COOKIE, chooseLocale } from '@/lib/i18n/locales';

/**
 * next-intl's per-request configuration: no locale in the URL, so the language comes from the shopper's
 * switcher cookie (or a page's explicit request, like the embed's `data-locale`), then their Accept-Language, else English. Times are formatted in UTC on the server and
 * in the viewer's own zone after hydration (`useViewerTimeZone`), so both renders agree.
 */
export default getRequestConfig(async ({ locale: asked }) => {
  const [cookieStore, headerStore] = await Promise.all([cookies(), headers()]);
  // `asked` is a locale code passed to getTranslations({ locale }): the embed's `data-locale`, say.
  const locale = chooseLocale({
    requested: asked,
    cookie: cookieStore.get(LOCALE_COOKIE)?.value,
    acceptLanguage: headerStore.get('accept-language'),
  });
  return {
    locale,
    messages: messagesFor(locale),
    timeZone: 'UTC',
    // Only reachable for a key English lacks too: show the key rather than failing the render.
    getMessageFallback: ({ namespace, key }) => [namespace, key].filter(Boolean).join('.'),
  };
});

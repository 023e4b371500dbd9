'use server';

import { cookies } from 'next/headers';
import { failure, type Failure, type LocaleErrorCode } from '@/lib/errors/codes';
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE_SECONDS, isLocale } from '@/lib/i18n/locales';

/**
 * Remembers the shopper's language. Setting a cookie in an action makes Next render the page again, so
 * the new language (and `<html lang dir>`) shows at once; anything but a supported locale changes nothing.
 */
export async function chooseLocaleAction(
  formData: FormData,
): Promise<{ ok: true } | Failure<LocaleErrorCode>> {
  const locale = formData.get('locale');
  if (!isLocale(locale)) return failure('UNSUPPORTED_LOCALE');
  (await cookies()).set(LOCALE_COOKIE, locale, {
    path: '/',
    maxAge: LOCALE_COOKIE_MAX_AGE_SECONDS,
    sameSite: 'lax',
    httpOnly: true,
  });
  return { ok: true };
}

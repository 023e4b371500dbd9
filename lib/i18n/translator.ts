import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { FullTranslator } from '@/components/earn/earn-messages';
import type { Locale } from './locales';

/** Every namespace's messages in one language: for HTML the server writes as strings (the embed). */
export function translatorFor(locale: Locale): Promise<FullTranslator> {
  return getTranslations({ locale });
}

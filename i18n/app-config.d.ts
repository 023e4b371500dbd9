import type en from '@/messages/en.json';
import type { Locale } from '@/lib/i18n/locales';

/** Typed keys and arguments: a `t('…')` that English lacks fails to compile. */
declare module 'next-intl' {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof en;
  }
}

/** The languages the widget speaks, and how it picks one for a request. Pure, so it is easy to test. */

export const LOCALES = ['en', 'de', 'fr', 'es', 'he'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** The shopper's explicit choice, set by the language switcher. Not the session: nothing private in it. */
export const LOCALE_COOKIE = 'locale';
export const LOCALE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

/** Each language's own name, for the switcher: a shopper looks for the name they can read. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  de: 'Deutsch',
  fr: 'Français',
  es: 'Español',
  he: 'עברית',
};

const RIGHT_TO_LEFT: ReadonlySet<Locale> = new Set(['he']);

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function directionOf(locale: Locale): 'ltr' | 'rtl' {
  return RIGHT_TO_LEFT.has(locale) ? 'rtl' : 'ltr';
}

/** "de-CH" → "de": the supported language of a tag, if any. */
function supportedLanguageOf(tag: string): Locale | null {
  const language = tag.trim().split('-')[0]?.toLowerCase();
  return isLocale(language) ? language : null;
}

/** The supported language the header prefers most (by q-value, then order), if any. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | null {
  const ranked = (header ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter(({ tag, weight }) => tag !== '' && tag !== '*' && weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of ranked) {
    const locale = supportedLanguageOf(tag);
    if (locale) return locale;
  }
  return null;
}

/**
 * The request's language, in order: a locale the page itself asks for (the embed's `data-locale`), the
 * shopper's choice from the switcher, their browser's Accept-Language, else English.
 */
export function chooseLocale(sources: {
  requested?: string | null;
  cookie?: string | null;
  acceptLanguage?: string | null;
}): Locale {
  const requested = sources.requested ? supportedLanguageOf(sources.requested) : null;
  if (requested) return requested;
  if (isLocale(sources.cookie)) return sources.cookie;
  return localeFromAcceptLanguage(sources.acceptLanguage) ?? DEFAULT_LOCALE;
}

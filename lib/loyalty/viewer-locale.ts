/** The first language of an Accept-Language header that Intl knows, else English. */
export function localeFromAcceptLanguage(header: string | null): string {
  const candidates = (header ?? '')
    .split(',')
    .map((part) => part.split(';')[0]?.trim())
    .filter((tag): tag is string => Boolean(tag) && tag !== '*');
  for (const tag of candidates) {
    try {
      const [supported] = Intl.NumberFormat.supportedLocalesOf(tag);
      if (supported) return supported;
    } catch {
      // A malformed tag is skipped; the next one may be fine.
    }
  }
  return 'en';
}

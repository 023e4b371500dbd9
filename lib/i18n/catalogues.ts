import de from '@/messages/de.json';
import en from '@/messages/en.json';
import es from '@/messages/es.json';
import fr from '@/messages/fr.json';
import he from '@/messages/he.json';
import type { Locale } from './locales';

/** English is the source catalogue: its shape is every key there is. */
export type Messages = typeof en;
type Catalogue = { [key: string]: string | Catalogue };

export const CATALOGUES: Record<Locale, Catalogue> = { en, de, fr, es, he };

/** `base` with every key `over` has replaced: a missing translation falls back to the English text. */
export function withFallback(base: Catalogue, over: Catalogue): Catalogue {
  const merged: Catalogue = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const fallback = base[key];
    merged[key] =
      typeof value === 'object' && typeof fallback === 'object' ? withFallback(fallback, value) : value;
  }
  return merged;
}

export function messagesFor(locale: Locale): Messages {
  return withFallback(CATALOGUES.en, CATALOGUES[locale]) as Messages;
}

/** The dotted paths of every message in a catalogue ("Card.signIn"). */
export function messageKeys(catalogue: Catalogue, prefix = ''): string[] {
  return Object.entries(catalogue).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : messageKeys(value, `${prefix}${key}.`),
  );
}

/** What client components need; page titles and server-only pages stay on the server. */
export const CLIENT_NAMESPACES = ['Card', 'Earn', 'Rewards', 'Activity', 'MemberPages', 'Refer'] as const;

export function clientMessages(messages: Messages): Pick<Messages, (typeof CLIENT_NAMESPACES)[number]> {
  return Object.fromEntries(CLIENT_NAMESPACES.map((name) => [name, messages[name]])) as Pick<
    Messages,
    (typeof CLIENT_NAMESPACES)[number]
  >;
}

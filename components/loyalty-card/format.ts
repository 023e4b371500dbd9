/** Formatting for the card, in the viewer's locale. Pure functions so they are easy to test. */

export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** "+50", "−200": a change to the balance, always with its sign. */
export function formatSignedNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { signDisplay: 'exceptZero' }).format(value);
}

export function formatDate(iso: string, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone }).format(new Date(iso));
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** "in 10 days", "tomorrow", "today": the nearest whole number of days from now, never negative. */
export function formatDaysUntil(iso: string, nowMs: number, locale: string): string {
  const days = Math.max(0, Math.round((new Date(iso).getTime() - nowMs) / DAY_MS));
  return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(days, 'day');
}

/** Money in the viewer's locale, cents only when there are some: "$1", "$2.50", "1 €" in German. */
export function formatMoneyAmount(amount: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    ...(Number.isInteger(amount) && { minimumFractionDigits: 0 }),
  }).format(amount);
}

/** The sandbox site's money: one currency, amounts kept in whole cents so sums never drift. */

export const SITE_CURRENCY = 'USD';

const formatter = new Intl.NumberFormat('en-US', { style: 'currency', currency: SITE_CURRENCY });

/** A decimal amount as eCommerce sends it (`"12.5"`, `"3"`) or a number, in cents. */
export function toCents(amount: string | number): number {
  return Math.round(Number(amount) * 100);
}

/** Cents as the decimal string eCommerce answers with: no trailing zeros, as in `"12.5"`. */
export function centsToDecimal(cents: number): string {
  return String(cents / 100);
}

/** A `MultiCurrencyPrice`: the site has one currency, so the converted amount is the amount. */
export function restPrice(cents: number) {
  const amount = centsToDecimal(cents);
  const formatted = formatter.format(cents / 100);
  return { amount, convertedAmount: amount, formattedAmount: formatted, formattedConvertedAmount: formatted };
}

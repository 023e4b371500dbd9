import type { CartSummary } from './cart-checkout';
import { escape } from './storefront-page';

/** The demo host's cart: a checkout's lines and total, and the widget's checkout view beside them. */

/** Money as the storefront shows it. */
export function formatTotal(amount: string, currency: string): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(Number(amount));
}

const STYLE = `
  body { margin: 0; font: 16px/1.5 Georgia, serif; color: #2b2118; background: #fbf7f0; }
  header { padding: 16px 32px; background: #2b2118; color: #fbf7f0; }
  header a { color: inherit; text-decoration: none; font-size: 22px; letter-spacing: .04em; }
  .layout { display: grid; grid-template-columns: minmax(0, 1fr) 380px; gap: 32px; max-width: 1080px; margin: 32px auto; padding: 0 24px; }
  table { width: 100%; border-collapse: collapse; background: #fff; border: 1px solid #eadfce; }
  td, th { padding: 10px 12px; border-bottom: 1px solid #eadfce; text-align: left; }
  .total { font-size: 22px; margin-top: 16px; }
  @media (max-width: 800px) { .layout { grid-template-columns: 1fr; } }
`;

/**
 * When the widget says a discount went on the checkout or came off it, the page asks its own server for the
 * checkout's total again: the storefront's server reads it from Wix, so the figure shown is the one the order
 * will pay.
 */
const SCRIPT = `
  const total = document.getElementById('total');
  const readTotal = async (event) => {
    const response = await fetch('/cart/total?checkout=' + encodeURIComponent(event.detail.checkoutId));
    if (response.ok) total.textContent = await response.text();
  };
  document.addEventListener('loyalty:discount-applied', readTotal);
  document.addEventListener('loyalty:discount-removed', readTotal);
`;

export type CartPageOptions = { appOrigin: string; cart: CartSummary; memberToken: string };

export function cartPage({ appOrigin, cart, memberToken }: CartPageOptions): string {
  const rows = cart.lines
    .map(
      (line) =>
        `<tr><td>${escape(line.name)}</td><td>${line.quantity}</td><td>${escape(formatTotal(line.price, cart.currency))}</td></tr>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Your cart — Maple &amp; Co.</title>
<style>${STYLE}</style>
</head>
<body>
<header><a href="/">Maple &amp; Co.</a></header>
<div class="layout">
  <main>
    <h1>Your cart</h1>
    <table><thead><tr><th>Item</th><th>Qty</th><th>Price</th></tr></thead><tbody>${rows}</tbody></table>
    <p class="total">Total: <strong id="total" data-testid="cart-total">${escape(formatTotal(cart.total, cart.currency))}</strong></p>
  </main>
  <aside>
    <div data-loyalty-widget data-view="checkout" data-checkout-id="${escape(cart.checkoutId)}" data-member-token="${escape(memberToken)}" style="min-height:480px"></div>
  </aside>
</div>
<script async src="${escape(appOrigin)}/embed.js"></script>
<script>${SCRIPT}</script>
</body>
</html>`;
}

/** `/cart` without a member: which shopper's cart to open (a storefront would know its signed-in shopper). */
export function chooseShopperPage(): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Your cart — Maple &amp; Co.</title><style>${STYLE}</style></head>
<body>
<header><a href="/">Maple &amp; Co.</a></header>
<div class="layout"><main>
  <h1>Your cart</h1>
  <form action="/cart"><label>Wix member id <input name="member" size="40" required></label> <button>Open cart</button></form>
  <p>The sandbox lists its demo members at <code>/_sandbox/members</code>.</p>
</main></div>
</body>
</html>`;
}

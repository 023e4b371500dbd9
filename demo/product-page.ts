/** The demo host's product page: the earn preview under the price, following the quantity. */
import { escape, HEADER, STYLE } from './storefront-page';

const PRODUCT = { name: 'Wool beanie', colour: '#b5651d', price: 32 };

/**
 * The earn preview's height, reserved on its element as the README's snippet does, so the line arriving with
 * the async script moves nothing below it.
 */
export const PREVIEW_RESERVED_STYLE = 'min-height:40px';

/** The README's snippet: the preview element with `attributes` (amount, currency…) and its height reserved. */
export function previewSnippet(attributes: string): string {
  return `<div data-loyalty-widget data-view="preview" ${attributes} style="${PREVIEW_RESERVED_STYLE}"></div>`;
}

const PAGE_STYLE = `
  .product-page { display: grid; grid-template-columns: 320px minmax(0, 1fr); gap: 32px; max-width: 1080px; margin: 32px auto; padding: 0 24px; }
  .product-page .swatch { height: 320px; border-radius: 12px; }
  .price { font-size: 24px; margin: 4px 0 12px; }
  .buy { display: flex; gap: 12px; align-items: end; margin: 16px 0; font-family: system-ui, sans-serif; font-size: 14px; }
  .buy input { width: 64px; font: inherit; padding: 6px 8px; }
  .buy button { font: 600 15px system-ui, sans-serif; padding: 8px 18px; border: 0; border-radius: 8px; background: #2b2118; color: #fbf7f0; }
  @media (max-width: 800px) { .product-page { grid-template-columns: 1fr; } }
`;

/**
 * The host's own script: the quantity sets the preview's `data-amount` (unit price × quantity, two decimals).
 * A quantity that is not a whole number from 1 up leaves no amount, and the preview says nothing.
 */
const QUANTITY_SCRIPT = `
  const quantity = document.getElementById('quantity');
  const preview = document.querySelector('[data-view="preview"]');
  quantity.addEventListener('input', () => {
    const count = Number(quantity.value);
    const valid = Number.isInteger(count) && count >= 1;
    preview.setAttribute('data-amount', valid ? (${PRODUCT.price} * count).toFixed(2) : '');
  });
`;

export type ProductPageOptions = {
  appOrigin: string;
  /** A signed member token, as a storefront that already knows its shopper would print it. */
  memberToken?: string;
  /** Extra attributes for the preview (`data-locale`, say). */
  previewAttributes?: string;
};

export function productPage({ appOrigin, memberToken, previewAttributes = '' }: ProductPageOptions): string {
  const token = memberToken ? ` data-member-token="${escape(memberToken)}"` : '';
  const price = PRODUCT.price.toFixed(2);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${PRODUCT.name} — Maple &amp; Co.</title>
<style>${STYLE}${PAGE_STYLE}</style>
</head>
<body>
${HEADER}
<div class="product-page">
  <div class="swatch" style="background:${PRODUCT.colour}" role="img" aria-label="${PRODUCT.name}"></div>
  <main>
    <h1>${PRODUCT.name}</h1>
    <p class="price">$${price}</p>
    ${previewSnippet(`data-amount="${price}" data-currency="USD"${token}${previewAttributes}`)}
    <div class="buy">
      <label>Quantity<br><input id="quantity" type="number" min="1" step="1" value="1"></label>
      <button type="button">Add to cart</button>
    </div>
    <p>Soft merino, knitted in the valley. One size; folds into a pocket.</p>
    <p><a href="/">Back to the shop</a></p>
  </main>
</div>
<footer><p>Free shipping over $50. Every order earns stars.</p></footer>
<script async src="${escape(appOrigin)}/embed.js"></script>
<script>${QUANTITY_SCRIPT}</script>
</body>
</html>`;
}

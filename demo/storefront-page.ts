/** The demo host's pages: a sample storefront that embeds the widget the way the README tells sites to. */

export const escape = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export const STYLE = `
  body { margin: 0; font: 16px/1.5 Georgia, serif; color: #2b2118; background: #fbf7f0; }
  header { display: flex; justify-content: space-between; align-items: center; padding: 16px 32px; background: #2b2118; color: #fbf7f0; }
  header strong { font-size: 22px; letter-spacing: .04em; }
  nav a { color: inherit; margin-left: 20px; text-decoration: none; font-family: system-ui, sans-serif; font-size: 14px; }
  .layout { display: grid; grid-template-columns: minmax(0, 1fr) 360px; gap: 32px; max-width: 1080px; margin: 32px auto; padding: 0 24px; }
  .products { display: grid; grid-template-columns: repeat(auto-fill, minmax(180px, 1fr)); gap: 16px; align-content: start; }
  .product { background: #fff; border: 1px solid #eadfce; border-radius: 12px; padding: 16px; }
  .product .swatch { height: 110px; border-radius: 8px; margin-bottom: 12px; }
  .product p { margin: 4px 0 0; font-family: system-ui, sans-serif; font-size: 14px; color: #6b5a48; }
  h1 { margin: 0 0 4px; } h2 { margin: 32px 0 12px; }
  .lede { margin: 0 0 16px; color: #6b5a48; }
  aside h2 { margin-top: 0; font-size: 18px; }
  .events { font: 13px/1.5 ui-monospace, monospace; background: #fff; border: 1px dashed #d6c7b0; border-radius: 8px; padding: 8px 12px; min-height: 64px; margin: 12px 0 0; }
  footer { max-width: 1080px; margin: 0 auto 48px; padding: 0 24px; color: #6b5a48; }
  @media (max-width: 800px) { .layout { grid-template-columns: 1fr; } }
`;

/** Name, colour, price, and the product's own page where the demo has one. */
const PRODUCTS: [string, string, string, string?][] = [
  ['Trail flask', '#7d9a6b', '$24'],
  ['Wool beanie', '#b5651d', '$32', '/product'],
  ['Camp mug', '#3e6a8a', '$18'],
  ['Canvas tote', '#c9a66b', '$28'],
  ['Field notebook', '#6b4e71', '$12'],
  ['Merino socks', '#8a3e3e', '$19'],
];

/** The host's own script: it listens to the widget's events and lists them, as a site could. */
const EVENT_LOG = `
  const log = document.getElementById('events');
  for (const type of ['loyalty:ready', 'loyalty:signed-in', 'loyalty:signed-out', 'loyalty:points-changed']) {
    document.addEventListener(type, (event) => {
      const item = document.createElement('li');
      const view = event.target.getAttribute('data-view') || 'card';
      item.textContent = type + ' (' + view + ')' + ('balance' in event.detail ? ': ' + event.detail.balance : '');
      log.append(item);
    });
  }
  document.getElementById('refresh').addEventListener('click', () => window.LoyaltyWidget.refresh());
`;

export type StorefrontOptions = {
  appOrigin: string;
  /** A signed member token, as a storefront that already knows its shopper would print it. */
  memberToken?: string;
  /** Extra attributes for the card widget, to show theming. */
  cardAttributes?: string;
};

/**
 * The widget's height, reserved on the element as the README recommends: the iframe arrives with the async
 * script, after the page may already have painted, and would otherwise push the content below it down.
 */
const RESERVED_HEIGHT = ' style="min-height:480px"';

/** The shop's header; its "Rewards" link leads to the page with the floating launcher. */
export const HEADER = `<header><strong>Maple &amp; Co.</strong><nav><a href="/">Shop</a><a href="/">Journal</a><a href="/launcher">Rewards</a><a href="/cart">Cart</a></nav></header>`;

export function productCards(): string {
  return PRODUCTS.map(
    ([name, colour, price, page]) =>
      `<article class="product"><div class="swatch" style="background:${colour}"></div><strong>${page ? `<a href="${page}" style="color:inherit">${name}</a>` : name}</strong><p>${price}</p></article>`,
  ).join('');
}

export function storefrontPage({ appOrigin, memberToken, cardAttributes = '' }: StorefrontOptions): string {
  const token = memberToken ? ` data-member-token="${escape(memberToken)}"` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Maple &amp; Co. — a storefront on another site</title>
<style>${STYLE}</style>
</head>
<body>
${HEADER}
<div class="layout">
  <main>
    <h1>Autumn goods</h1>
    <p class="lede">Every order earns stars. Follow us to earn a few more.</p>
    <section class="products">${productCards()}</section>
    <h2>Ways to earn</h2>
    <div data-loyalty-widget data-view="earn"${token}${RESERVED_HEIGHT}></div>
  </main>
  <aside>
    <h2>Your rewards</h2>
    <div data-loyalty-widget data-view="card"${token}${cardAttributes}${RESERVED_HEIGHT}></div>
    <button id="refresh" type="button">Refresh widgets</button>
    <ol class="events" id="events" aria-label="Widget events"></ol>
  </aside>
</div>
<footer><p>Free shipping over $50. Content below the widgets, so a shifting widget would be easy to see.</p></footer>
<script async src="${escape(appOrigin)}/embed.js"></script>
<script>${EVENT_LOG}</script>
</body>
</html>`;
}

/** A bare page with the given widget markup, for checking one widget at a time. */
export function widgetPage(appOrigin: string, markup: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Widget test page</title></head>
<body style="font-family: system-ui; margin: 24px; max-width: 420px">
${markup}
<p id="below">Content below the widget.</p>
<script async src="${escape(appOrigin)}/embed.js"></script>
</body>
</html>`;
}

/** The demo host's launcher page: the widget as a floating button that opens it in a panel. */
import { escape, HEADER, productCards, STYLE } from './storefront-page';

/**
 * A journal, long enough to fill the screen below the products: the closed launcher must not move any of
 * it, and the open panel floats over it.
 */
const JOURNAL = Array.from(
  { length: 12 },
  (_, index) =>
    `<p>Journal, entry ${index + 1}: where the wool comes from, how the mugs are fired, and which trails the flasks have seen.</p>`,
).join('');

export type LauncherPageOptions = {
  appOrigin: string;
  /** Attributes for the launcher element beyond `data-loyalty-widget data-view="launcher"`. */
  attributes?: string;
};

export function launcherPage({ appOrigin, attributes = '' }: LauncherPageOptions): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Maple &amp; Co. — rewards in a launcher</title>
<style>${STYLE} .column { max-width: 1080px; margin: 32px auto; padding: 0 24px; }</style>
</head>
<body>
<div data-loyalty-widget data-view="launcher"${attributes}></div>
${HEADER}
<main class="column">
  <h1>Autumn goods</h1>
  <p class="lede">Every order earns stars: the rewards button in the corner shows yours.</p>
  <section class="products">${productCards()}</section>
  <h2>From the journal</h2>
  ${JOURNAL}
  <p><a href="/">Back to the shop with the card beside the products</a></p>
</main>
<footer><p>Free shipping over $50.</p></footer>
<script async src="${escape(appOrigin)}/embed.js"></script>
</body>
</html>`;
}

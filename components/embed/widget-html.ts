import type { WidgetContent } from '@/lib/embed/widget-data';
import type { WidgetOptions } from '@/lib/embed/widget-options';
import { directionOf } from '@/lib/i18n/locales';
import { cardHtml, loadingHtml } from './card-html';
import { checkoutHtml } from './checkout-html';
import { earnHtml } from './earn-html';
import { widgetStyles } from './embed-styles';
import { html, styleElement, type SafeHtml } from './html';
import type { RenderContext } from './widget-parts';

/** The part of the widget the frame script swaps after a sign-in, a claim or a refresh. */
export function widgetBodyHtml(content: WidgetContent | 'loading', context: RenderContext): SafeHtml {
  if (content === 'loading') return loadingHtml(context.t);
  if (content.view === 'checkout') return checkoutHtml(content, context);
  return content.view === 'card' ? cardHtml(content.card, context) : earnHtml(content, context);
}

const TITLES = {
  card: 'Embed.titleCard',
  earn: 'Embed.titleEarn',
  checkout: 'Checkout.documentTitle',
} as const;

/**
 * The whole iframe document: inline styles, one deferred script of ours, and the widget already rendered,
 * so the first paint shows the numbers. `data-host-origin` is the only page the script will post to.
 */
export function widgetDocumentHtml(
  options: WidgetOptions,
  { locale, t }: Pick<RenderContext, 'locale' | 't'>,
  body: SafeHtml,
): string {
  return `<!doctype html>${
    html`<html lang="${locale}" dir="${directionOf(locale)}" data-host-origin="${options.hostOrigin ?? ''}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>${t(TITLES[options.view])}</title>
        ${styleElement(widgetStyles(options))}
        <script src="/embed-frame.js" defer></script>
      </head>
      <body>
        <main id="widget">${body}</main>
        <p class="warn" role="alert" data-offline hidden>${t('Embed.offline')}</p>
      </body>
    </html>`.markup
  }`;
}

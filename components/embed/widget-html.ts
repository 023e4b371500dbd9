import type { WidgetContent } from '@/lib/embed/widget-data';
import type { WidgetOptions } from '@/lib/embed/widget-options';
import { directionOf } from '@/lib/i18n/locales';
import { activityHtml } from './activity-html';
import { cardHtml, loadingHtml } from './card-html';
import { checkoutHtml } from './checkout-html';
import { earnHtml } from './earn-html';
import { widgetStyles } from './embed-styles';
import { html, styleElement, type SafeHtml } from './html';
import { previewHtml, previewLoadingHtml } from './preview-html';
import { referHtml } from './refer-html';
import { rewardsHtml } from './rewards-html';
import { tiersHtml } from './tiers-html';
import { welcomeHtml } from './welcome-html';
import { withNavigation, type WidgetNavigation } from './widget-nav-html';
import type { RenderContext } from './widget-parts';

function viewHtml(content: WidgetContent, context: RenderContext): SafeHtml {
  switch (content.view) {
    case 'card':
      return cardHtml(content.card, context);
    case 'earn':
      return earnHtml(content, context);
    case 'rewards':
      return rewardsHtml(content, context);
    case 'activity':
      return activityHtml(content, context);
    case 'checkout':
      return checkoutHtml(content, context);
    case 'tiers':
      return tiersHtml(content, context);
    case 'preview':
      return previewHtml(content, context);
    case 'refer':
      return referHtml(content, context);
    case 'welcome':
      return welcomeHtml(content, context);
  }
}

/** The part of the widget the frame script swaps after a sign-in, a claim, a refresh or a change of view. */
export function widgetBodyHtml(
  content: WidgetContent | 'loading' | 'loading-preview',
  context: RenderContext,
  navigation: WidgetNavigation = 'none',
): SafeHtml {
  if (content === 'loading') return loadingHtml(context.t);
  if (content === 'loading-preview') return previewLoadingHtml(context.t);
  const shown = content.view === 'welcome' ? content.over : content.view;
  return withNavigation(viewHtml(content, context), shown, navigation, context.t);
}

const TITLES = {
  card: 'Embed.titleCard',
  earn: 'Embed.titleEarn',
  rewards: 'Embed.titleRewards',
  activity: 'Embed.titleActivity',
  checkout: 'Checkout.documentTitle',
  tiers: 'Embed.titleTiers',
  preview: 'Preview.documentTitle',
  refer: 'Refer.title',
} as const;

/**
 * The whole iframe document: inline styles, one deferred script of ours, and the widget already rendered,
 * so the first paint shows the numbers. `data-host-origin` is the only page the script will post to. The
 * frame's `main` is named, since a screen reader (and axe) meets it beside the host page's own `main`.
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
        <main id="widget" aria-label="${t('Embed.tabsLabel')}">${body}</main>
        <p class="warn" role="alert" data-offline hidden>${t('Embed.offline')}</p>
      </body>
    </html>`.markup
  }`;
}

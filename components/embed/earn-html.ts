import { offerTitle, type FullTranslator } from '@/components/earn/earn-messages';
import type { EarnOfferView } from '@/lib/loyalty/earn-page-view';
import type { EarnOffersResult } from '@/lib/wix/earn-page';
import { html, type SafeHtml } from './html';
import {
  loadFailedHtml,
  popupBlockedHtml,
  signInHtml,
  signOutHtml,
  viewSectionHtml,
  type RenderContext,
} from './widget-parts';

type EarnWidget = { offers: EarnOffersResult; pointsName: string; signedIn: boolean };

/**
 * The ways to earn, claimable in place: the earn page's offers and words in one compact list. Claims go
 * through the frame script to `/embed/api/claim`, which reads only the offer id.
 */
export function earnHtml({ offers, pointsName, signedIn }: EarnWidget, context: RenderContext): SafeHtml {
  const { t } = context;
  const unit = pointsName.toLowerCase();
  const body = !offers.ok
    ? loadFailedHtml(t('Embed.earnLoadFailed'), t)
    : html`${
          offers.offers.some((offer) => offer.mode === 'join-first') &&
          html`<p>
            <button type="button" class="btn" data-action="join">${t('Earn.joinToEarn')}</button>
          </p>`
        }
        ${
          offers.offers.length === 0
            ? html`<p class="muted">${t('Earn.nothing')}</p>`
            : html`<ul class="offers">
                ${offers.offers.map((offer) => offerHtml(offer, unit, t))}
              </ul>`
        }
        ${!signedIn && popupBlockedHtml(t)}
        ${
          signedIn
            ? html`<div class="foot">${signOutHtml(t)}</div>`
            : offers.offers.length === 0 && html`<div class="foot">${signInHtml(t('Card.signIn'))}</div>`
        } <template data-offer-done>${doneHtml(t)}</template>`;

  return viewSectionHtml(
    { id: 'earn-heading', testId: 'earn-offers', title: t('Earn.heading'), signedIn },
    context,
    html`<p role="status" aria-live="polite" class="status small" data-testid="earn-status"></p>
      ${body}`,
  );
}

function offerHtml(offer: EarnOfferView, unit: string, t: FullTranslator): SafeHtml {
  // A member without an account joins first, with the button above the list.
  const action = offer.claimed
    ? doneHtml(t)
    : offer.mode === 'sign-in'
      ? signInHtml(t('Earn.signInToEarn', { count: offer.points, unit }))
      : offer.mode === 'claim' &&
        html`<button
          type="button"
          class="btn"
          data-action="claim"
          data-offer-id="${offer.id}"
          data-busy-label="${t('Earn.claiming')}"
        >
          ${t('Earn.claim', { count: offer.points, unit })}
        </button>`;
  return html`<li class="offer" data-testid="offer-${offer.id}" data-offer="${offer.id}">
    <div>
      <span>${offerTitle(offer, t)}</span>
      <span class="small">
        <span class="good">${t('Earn.bonus', { count: offer.points, unit })}</span>
        ${
          offer.profileUrl &&
          html` ·
            <a href="${offer.profileUrl}" target="_blank" rel="noopener noreferrer"
              >${t('Earn.openProfile', { channel: offer.channelLabel ?? '' })}<span class="sr"
                >${t('Earn.opensInNewTab')}</span
              ></a
            >`
        }
      </span>
    </div>
    ${action}
  </li>`;
}

function doneHtml(t: FullTranslator): SafeHtml {
  return html`<p class="good" data-testid="offer-done">
    <span aria-hidden="true">✓</span> ${t('Earn.done')}
  </p>`;
}

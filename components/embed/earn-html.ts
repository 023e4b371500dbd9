import { offerTitle } from '@/components/earn/earn-messages';
import type { EarnOfferView } from '@/lib/loyalty/earn-page-view';
import type { EarnOffersResult } from '@/lib/wix/earn-page';
import { html, type SafeHtml } from './html';
import { noticeHtml, popupBlockedHtml, signInHtml, signOutHtml, type RenderContext } from './widget-parts';

type EarnWidget = { offers: EarnOffersResult; pointsName: string; signedIn: boolean };

/**
 * The ways to earn, claimable in place: the earn page's offers and words in one compact list. Claims go
 * through the frame script to `/embed/api/claim`, which reads only the offer id.
 */
export function earnHtml({ offers, pointsName, signedIn }: EarnWidget, context: RenderContext): SafeHtml {
  const unit = pointsName.toLowerCase();
  const body = !offers.ok
    ? html`<p class="warn" role="alert">
          We could not load the ways to earn points just now. Please try again in a moment.
        </p>
        <div class="foot"><button type="button" class="btn" data-action="retry">Try again</button></div>`
    : html`${
          offers.offers.some((offer) => offer.mode === 'join-first') &&
          html`<p><button type="button" class="btn" data-action="join">Join the program to earn</button></p>`
        }
        ${
          offers.offers.length === 0
            ? html`<p class="muted">There is nothing to earn here right now.</p>`
            : html`<ul class="offers">
                ${offers.offers.map((offer) => offerHtml(offer, unit))}
              </ul>`
        }
        ${!signedIn && popupBlockedHtml()}
        ${
          signedIn
            ? html`<div class="foot">${signOutHtml()}</div>`
            : offers.offers.length === 0 && html`<div class="foot">${signInHtml('Sign in')}</div>`
        } <template data-offer-done>${doneHtml()}</template>`;

  return html`<section
    class="card"
    aria-labelledby="earn-heading"
    data-testid="earn-offers"
    data-signed-in="${String(signedIn)}"
  >
    <h2 id="earn-heading" class="title">Ways to earn</h2>
    ${noticeHtml(context.notice)}
    <p role="status" aria-live="polite" class="status small" data-testid="earn-status"></p>
    ${body}
  </section>`;
}

function offerHtml(offer: EarnOfferView, unit: string): SafeHtml {
  // A member without an account joins first, with the button above the list.
  const action = offer.claimed
    ? doneHtml()
    : offer.mode === 'sign-in'
      ? signInHtml(`Sign in to earn ${offer.points}`)
      : offer.mode === 'claim' &&
        html`<button
          type="button"
          class="btn"
          data-action="claim"
          data-offer-id="${offer.id}"
          data-busy-label="Claiming…"
        >
          Claim ${offer.points} ${unit}
        </button>`;
  return html`<li class="offer" data-testid="offer-${offer.id}" data-offer="${offer.id}">
    <div>
      <span>${offerTitle(offer)}</span>
      <span class="small">
        <span class="good">+${offer.points} ${unit}</span>
        ${
          offer.profileUrl &&
          html` ·
            <a href="${offer.profileUrl}" target="_blank" rel="noopener noreferrer"
              >Open our ${offer.channelLabel} profile<span class="sr"> (opens in a new tab)</span></a
            >`
        }
      </span>
    </div>
    ${action}
  </li>`;
}

function doneHtml(): SafeHtml {
  return html`<p class="good" data-testid="offer-done"><span aria-hidden="true">✓</span> Done</p>`;
}

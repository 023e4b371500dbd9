import 'server-only';
import type { AppConfig } from '@/lib/config/env';
import { row, type CheckRow } from './report';

/**
 * Who may frame the widget, and the storefront sign-in's secret. Its length is already held to 32 characters
 * by the configuration; the secret itself is never printed.
 */
/** HS256 with a shorter key is guessable; the configuration refuses one too. */
const MIN_SSO_SECRET_LENGTH = 32;

export function checkEmbed(config: AppConfig): CheckRow[] {
  const { allowedOrigins, ssoSecret } = config.embed;
  const origins =
    allowedOrigins.length > 0
      ? row('embed origins', 'ok', `/embed may be framed by ${allowedOrigins.join(', ')} and the app itself`)
      : row(
          'embed origins',
          'warn',
          'EMBED_ALLOWED_ORIGINS is empty: only the app itself may frame /embed. Fix: list the storefronts that embed the widget, comma-separated.',
        );
  const name = 'embed SSO secret';
  const secret = !ssoSecret
    ? row(
        name,
        'skipped',
        'EMBED_SSO_SECRET is not set: storefronts cannot sign shoppers in with data-member-token',
      )
    : ssoSecret.length >= MIN_SSO_SECRET_LENGTH
      ? row(name, 'ok', `set, and long enough (${MIN_SSO_SECRET_LENGTH} characters or more)`)
      : row(
          name,
          'FAILED',
          `too short. Fix: make EMBED_SSO_SECRET ${MIN_SSO_SECRET_LENGTH} random characters or more.`,
        );
  return [origins, secret];
}

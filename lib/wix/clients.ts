import 'server-only';
import { ApiKeyStrategy, OAuthStrategy, createClient, type Tokens } from '@wix/sdk';
import { checkout } from '@wix/ecom';
import {
  accounts,
  checkoutExchange,
  coupons,
  earningRules,
  programs,
  rewards,
  socialMedia,
  tiers,
  transactions,
} from '@wix/loyalty';
import { members } from '@wix/members';
import { getConfig } from '@/lib/config/env';

/** The OAuth strategy for this site's client id, optionally seeded with a session's tokens. */
export function createOAuth(tokens?: Tokens) {
  return OAuthStrategy({ clientId: getConfig().wix.clientId, ...(tokens ? { tokens } : {}) });
}

/** A client acting as the signed-in member (or visitor): built per request from the session cookie. */
export function createMemberClient(tokens: Tokens) {
  return createClient({
    modules: { accounts, checkoutExchange, coupons, members, socialMedia },
    auth: createOAuth(tokens),
  });
}

function buildAdminClient() {
  const { apiKey, siteId } = getConfig().wix;
  return createClient({
    modules: { accounts, checkout, checkoutExchange, earningRules, programs, rewards, tiers, transactions },
    auth: ApiKeyStrategy({ apiKey, siteId }),
  });
}

let adminClient: ReturnType<typeof buildAdminClient> | undefined;

/**
 * The API-key client. It can act on any account of the site, so only server code decides what it is
 * asked to do; `server-only` above keeps it out of every client bundle.
 */
export function getAdminClient() {
  adminClient ??= buildAdminClient();
  return adminClient;
}

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
import { observeModules, observeOAuth } from './observe-calls';

/**
 * The clients below are observed (`observe-calls.ts`): every call they make to Wix is timed, counted,
 * traced, and logged once when it fails.
 */

/** The OAuth strategy for this site's client id, optionally seeded with a session's tokens. */
export function createOAuth(tokens?: Tokens) {
  return observeOAuth(OAuthStrategy({ clientId: getConfig().wix.clientId, ...(tokens ? { tokens } : {}) }));
}

const MEMBER_MODULES = { accounts, checkout, checkoutExchange, coupons, members, socialMedia };

/** A client acting as the signed-in member (or visitor): built per request from the session cookie. */
export function createMemberClient(tokens: Tokens) {
  const client = createClient({ modules: MEMBER_MODULES, auth: createOAuth(tokens) });
  return observeModules(client, Object.keys(MEMBER_MODULES));
}

const ADMIN_MODULES = {
  accounts,
  checkout,
  checkoutExchange,
  earningRules,
  programs,
  rewards,
  tiers,
  transactions,
};

function buildAdminClient() {
  const { apiKey, siteId } = getConfig().wix;
  const client = createClient({ modules: ADMIN_MODULES, auth: ApiKeyStrategy({ apiKey, siteId }) });
  return observeModules(client, Object.keys(ADMIN_MODULES));
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

import { DEFAULT_CHECKOUT_TIMEOUT_MS, type CheckoutExchangeSettings } from './checkout-timeouts';
import type { FaultRule } from './faults';
import type { PermissionDenial } from './permissions';
import { RedirectSessionStore } from './redirect-session-store';
import { SANDBOX_CLIENT_ID, SANDBOX_SITE_ID } from './identity';
import { createSeedState, reseed } from './seed';
import type { SandboxState } from './state';
import { TokenStore } from './tokens';
import { WebhookSender } from './webhook-sender';

export interface SandboxConfig {
  apiKey: string;
  siteId: string;
  clientId: string;
  /** Where the sandbox is reachable, used for the hosted login page's URL. */
  origin: string;
  tokenTtlSeconds: number;
  initialLatencyMs: number;
}

/** Switches for things Wix does by itself but does not document for every case. */
export interface SandboxBehaviour {
  /** A follow earns the points of the channel's social-media rule, as Wix's Social Media API says. */
  followAwards: boolean;
}

const defaultBehaviour = (): SandboxBehaviour => ({ followAwards: true });

/** Everything one sandbox instance owns; two instances never share any of it. */
export interface SandboxContext {
  config: SandboxConfig;
  state: SandboxState;
  tokens: TokenStore;
  sessions: RedirectSessionStore;
  faults: FaultRule[];
  /** Methods refused to an identity with Wix's 403, as a site missing a permission would (`/_sandbox/permissions`). */
  permissions: PermissionDenial[];
  latencyMs: number;
  behaviour: SandboxBehaviour;
  /** Signs and posts the account webhooks; its key pair and target survive resets. */
  webhooks: WebhookSender;
  /** How long an applied loyalty discount waits for its order, and the timer that refunds it. */
  checkoutExchange: CheckoutExchangeSettings;
}

export function createSandboxContext(config: Omit<SandboxConfig, 'siteId' | 'clientId'>): SandboxContext {
  return {
    config: { ...config, siteId: SANDBOX_SITE_ID, clientId: SANDBOX_CLIENT_ID },
    state: createSeedState(),
    tokens: new TokenStore(config.tokenTtlSeconds),
    sessions: new RedirectSessionStore(),
    faults: [],
    permissions: [],
    latencyMs: config.initialLatencyMs,
    behaviour: defaultBehaviour(),
    webhooks: new WebhookSender(),
    checkoutExchange: { timeoutMs: DEFAULT_CHECKOUT_TIMEOUT_MS },
  };
}

/**
 * Back to the seed (with account revisions still rising, see `reseed`) with faults, denied permissions and
 * latency cleared and the default behaviour. Tokens and login
 * sessions survive: the demo members never change, so a browser that is signed in stays signed in
 * across test resets. So do the webhook key and target; pending deliveries and their log do not.
 */
export function resetSandbox(sandbox: SandboxContext): void {
  sandbox.state = reseed(sandbox.state);
  sandbox.faults.length = 0;
  sandbox.permissions = [];
  sandbox.latencyMs = sandbox.config.initialLatencyMs;
  sandbox.behaviour = defaultBehaviour();
  sandbox.webhooks.reset();
  sandbox.checkoutExchange.timeoutMs = DEFAULT_CHECKOUT_TIMEOUT_MS;
}

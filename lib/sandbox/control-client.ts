import type { PermissionDenial } from './permissions';
import type { DeliveryOptions, DeliveryRecord } from './webhook-sender';

/**
 * The one typed client for the sandbox's control endpoints, shared by unit tests, end-to-end tests and the
 * benchmark. It speaks plain HTTP to `/_sandbox/*`, so it works against any running sandbox; it holds no
 * test framework and changes nothing but what its caller asks for.
 */

export type ControlAccount = {
  id: string;
  contactId?: string;
  points: { balance: number; earned: number; adjusted: number; redeemed: number; expired: number };
  rewardAvailable: boolean;
  tier?: { id?: string | null; points?: number };
  pointsExpiration?: { expirationDate?: string; expiringPointsAmount?: number } | null;
  lastActivityDate?: string;
};

export type ControlMember = {
  id: string;
  contactId: string;
  name: string;
  loginEmail: string;
  account: ControlAccount | null;
};

export type ControlTransaction = {
  id: string;
  accountId: string;
  type: string;
  amount: number;
  idempotencyKey?: string;
  description?: string;
  activityType?: string;
  /** The social channel an EARN was for: set by Earn Points' `followedSocialMedia` and by follow awards. */
  channel?: string;
  appId?: string;
  /** The reward a REDEEM spent the points on. */
  rewardId?: string;
  /** The REDEEM a REFUND gives back. */
  refundedTransactionId?: string;
  /** The order an EARN paid for. */
  orderId?: string;
  createdDate?: string;
};

/** A loyalty coupon in its REST shape. */
export type ControlCoupon = {
  id: string;
  accountId: string;
  transactionId: string;
  couponReference: { code: string; specification: { type: string } };
  status: string;
  rewardName: string;
  createdDate: string;
};

type ControlMoney = { amount: string; formattedAmount: string };

/** A checkout in its REST shape (the parts tests read). */
export type ControlCheckout = {
  id: string;
  buyerInfo: { memberId?: string; contactId?: string; email?: string };
  lineItems: { id: string; quantity: number; productName: { original: string }; price: ControlMoney }[];
  priceSummary: { subtotal: ControlMoney; discount: ControlMoney; total: ControlMoney };
  appliedDiscounts: { coupon?: { id: string; code: string; name: string; amount: ControlMoney } }[];
  completed: boolean;
};

/** The order a placed checkout became: its id (the EARN transaction names it) and the number a shopper sees. */
export type ControlOrder = { id: string; number: string };

/** A loyalty checkout discount in its REST shape. */
export type ControlCheckoutDiscount = {
  id: string;
  checkoutId: string;
  status: string;
  discountType: string;
  rewardId?: string;
  loyaltyCouponId?: string;
  referralRewardId?: string;
};

/** One line of a demo basket; the price is in the site's currency. */
export type ControlBasketLine = { name: string; price: number | string; quantity?: number };

/** Switches for what Wix does by itself; `reset()` restores the defaults (all on). */
export type SandboxBehaviour = {
  /** Whether following a channel awards its social-media rule's points, as Wix does. */
  followAwards: boolean;
};

export type ControlFault = { pathPrefix: string; status: number; times: number; method?: string };

/** A method refused to an identity: `{ method: 'accounts.getAccount', identity: 'app' }`. */
export type ControlDenial = PermissionDenial;

/** How the sandbox delivers its next webhooks (`PUT /_sandbox/webhooks/delivery`); omitted fields: defaults. */
export type WebhookDeliveryOptions = {
  /** Post each event twice, with the same event id. */
  duplicate?: boolean;
  /** Hold each event this long before its first attempt. */
  delayMs?: number;
  /** Lifetime of the signed tokens (default one hour). */
  tokenTtlSeconds?: number;
  /** Apply to this many account changes only, then return to the defaults. */
  changes?: number;
};

/** One delivery as `GET /_sandbox/webhooks` lists it (types only: the client holds no sandbox code). */
export type ControlWebhookDelivery = DeliveryRecord;

export type ControlWebhooks = {
  target: string | null;
  options: DeliveryOptions;
  deliveries: ControlWebhookDelivery[];
};

export type ControlResponse<T> = { status: number; json: T };

export type SandboxControl = ReturnType<typeof sandboxControl>;

export function sandboxControl(origin: string) {
  /** Any control call, answered with its status and body whatever the status: for tests of the endpoints. */
  async function request<T = unknown>(method: string, path: string, body?: unknown) {
    const response = await fetch(`${origin}${path}`, {
      method,
      ...(body !== undefined && {
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    });
    return { status: response.status, json: (await response.json()) as T } satisfies ControlResponse<T>;
  }

  /** A control call that must succeed. */
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const { status, json } = await request<T>(method, path, body);
    if (status >= 400) throw new Error(`sandbox ${method} ${path}: ${status}`);
    return json;
  }

  const webhooks = () => call<ControlWebhooks>('GET', '/_sandbox/webhooks');

  const members = async () => (await call<{ members: ControlMember[] }>('GET', '/_sandbox/members')).members;

  return {
    origin,
    request,
    call,
    /** Back to the seed; faults, denied permissions and latency cleared, behaviour back to its defaults. */
    reset: () => call('POST', '/_sandbox/reset'),
    members,
    member: async (name: string) => {
      const found = (await members()).find((member) => member.name === name);
      if (!found) throw new Error(`no demo member named ${name}`);
      return found;
    },
    transactions: async () =>
      (await call<{ transactions: ControlTransaction[] }>('GET', '/_sandbox/transactions')).transactions,
    coupons: async () => (await call<{ coupons: ControlCoupon[] }>('GET', '/_sandbox/coupons')).coupons,
    /** Everything the sandbox holds, for "nothing changed" assertions. */
    state: () => call<unknown>('GET', '/_sandbox/state'),
    /** Delay added to every Wix-path response; `reset()` restores it. */
    setLatency: (ms: number) => call('PUT', '/_sandbox/latency', { ms }),
    /** The referral program's status, as the site owner sets it in the dashboard. */
    setReferralProgramStatus: (status: 'DRAFT' | 'ACTIVE' | 'PAUSED') =>
      call('PUT', '/_sandbox/referrals/program', { status }),
    injectFault: (fault: ControlFault) => call('POST', '/_sandbox/faults', fault),
    clearFaults: () => call('DELETE', '/_sandbox/faults'),
    /**
     * Simulates a site missing a permission: each listed method answers the listed identity with Wix's 403
     * `PERMISSION_DENIED`. Replaces the previous list; `[]` or `reset()` clears it.
     */
    denyPermissions: (deny: ControlDenial[]) =>
      call<{ deny: ControlDenial[] }>('PUT', '/_sandbox/permissions', { deny }),
    behaviour: () => call<SandboxBehaviour>('GET', '/_sandbox/behaviour'),
    setBehaviour: (behaviour: Partial<SandboxBehaviour>) =>
      call<SandboxBehaviour>('PUT', '/_sandbox/behaviour', behaviour),
    /** The PEM the sandbox's webhooks verify with. */
    webhookPublicKey: async () =>
      (await call<{ publicKey: string }>('GET', '/_sandbox/webhooks/public-key')).publicKey,
    /** Where the sandbox posts its webhooks; null stops them. Survives `reset()`. */
    setWebhookTarget: (url: string | null) => call('PUT', '/_sandbox/webhooks/target', { url }),
    /** Twice, late or short-lived deliveries; `reset()` restores the defaults. */
    setWebhookDelivery: (options: WebhookDeliveryOptions) =>
      call('PUT', '/_sandbox/webhooks/delivery', options),
    webhooks,
    /** A checkout for a member, as an app would create it (one $50 line unless `lineItems` are given). */
    createCheckout: async (memberId: string, lineItems?: ControlBasketLine[]) =>
      (await call<{ checkout: ControlCheckout }>('POST', '/_sandbox/checkouts', { memberId, lineItems }))
        .checkout,
    /** Every checkout and every loyalty checkout discount. */
    checkouts: () =>
      call<{ checkouts: ControlCheckout[]; discounts: ControlCheckoutDiscount[] }>(
        'GET',
        '/_sandbox/checkouts',
      ),
    /**
     * The shopper pays: the checkout becomes an order, its loyalty discount is COMPLETED and the order rule's
     * points are paid to the buyer. Placing it again answers with the same order and pays nothing.
     */
    placeOrder: (checkoutId: string) =>
      call<{ checkout: ControlCheckout; order: ControlOrder }>(
        'POST',
        `/_sandbox/checkouts/${encodeURIComponent(checkoutId)}/place-order`,
      ),
    /** How long an applied loyalty discount waits for its order before it is refunded; `reset()` restores it. */
    setCheckoutTimeout: (timeoutMs: number) =>
      call<{ timeoutMs: number }>('PUT', '/_sandbox/checkout-exchange', { timeoutMs }),
    /** Waits until no delivery is pending any more (retries included) and returns them all. */
    settledWebhookDeliveries: async (timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const { deliveries } = await webhooks();
        if (deliveries.every((delivery) => delivery.outcome !== 'pending')) return deliveries;
        if (Date.now() > deadline) throw new Error('sandbox webhooks still pending');
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
  };
}

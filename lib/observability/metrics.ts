import 'server-only';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { getConfig } from '@/lib/config/env';
import type {
  CheckoutErrorCode,
  CheckoutRemoveErrorCode,
  EarnErrorCode,
  RedeemErrorCode,
} from '@/lib/errors/codes';
import { REDIS_PING_TIMEOUT_MS } from '@/lib/lifecycle/readiness';
import { instanceStreams } from '@/lib/live/open-streams';
import { processSingleton } from '@/lib/stores/process-singleton';
import { getSharedStores } from '@/lib/stores/shared-stores';
import { methodLabel, outcomeLabel, routeLabel, statusLabel } from './metric-labels';

/** Seconds: from a few milliseconds (a cached page) to the SDK's patience with a slow Wix. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export type WebhookMetricOutcome = 'processed' | 'duplicate' | 'ignored' | 'rejected' | 'failed';
export type RateLimitName = 'member' | 'ip';

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const counter = <Label extends string>(name: string, help: string, labelNames: Label[]) =>
    new Counter({ name, help, labelNames, registers });

  new Gauge({
    name: 'loyalty_open_event_streams',
    help: 'Live-update streams (Server-Sent Events) open on this instance.',
    registers,
    collect() {
      this.set(instanceStreams().total());
    },
  });
  if (getConfig().redisUrl) {
    new Gauge({
      name: 'loyalty_redis_up',
      help: '1 when the shared Redis answers a PING (as /api/ready asks it), 0 otherwise.',
      registers,
      async collect() {
        this.set((await getSharedStores().reachable(REDIS_PING_TIMEOUT_MS)) ? 1 : 0);
      },
    });
  }
  return {
    registry,
    httpDuration: new Histogram({
      name: 'loyalty_http_request_duration_seconds',
      help: 'Time to serve a request (to its response head, for a stream), by route pattern and status.',
      labelNames: ['method', 'route', 'status'],
      buckets: DURATION_BUCKETS,
      registers,
    }),
    wixCalls: counter('loyalty_wix_calls_total', 'Wix SDK calls by method and outcome.', [
      'method',
      'outcome',
    ]),
    wixDuration: new Histogram({
      name: 'loyalty_wix_call_duration_seconds',
      help: 'Wix SDK call durations by method and outcome.',
      labelNames: ['method', 'outcome'],
      buckets: DURATION_BUCKETS,
      registers,
    }),
    webhooks: counter('loyalty_webhooks_total', 'Wix webhooks received, by outcome.', ['outcome']),
    claims: counter('loyalty_claims_total', 'Claims of an earn offer, by outcome code.', ['outcome']),
    redemptions: counter('loyalty_redemptions_total', 'Rewards redeemed for a coupon, by outcome code.', [
      'outcome',
    ]),
    checkoutApplies: counter(
      'loyalty_checkout_applies_total',
      'Points applied at checkout, by outcome code.',
      ['outcome'],
    ),
    checkoutRemovals: counter(
      'loyalty_checkout_removals_total',
      'Loyalty discounts taken off a checkout, by outcome code.',
      ['outcome'],
    ),
    rateLimitRefusals: counter(
      'loyalty_rate_limit_refusals_total',
      'Attempts refused by a rate limit, by limit.',
      ['limit'],
    ),
  };
}

/** One registry per process: Next loads this module once per bundle, and every copy must count in the same place. */
function metrics() {
  return processSingleton('metrics', createMetrics);
}

export function recordHttpRequest(method: unknown, route: unknown, status: unknown, seconds: number) {
  metrics().httpDuration.labels(methodLabel(method), routeLabel(route), statusLabel(status)).observe(seconds);
}

/** `method` is `<module>.<function>` of our own clients; `outcome` is `ok` or a Wix failure kind. */
export function recordWixCall(method: string, outcome: string, seconds: number) {
  const { wixCalls, wixDuration } = metrics();
  wixCalls.labels(method, outcome).inc();
  wixDuration.labels(method, outcome).observe(seconds);
}

export function recordWebhook(outcome: WebhookMetricOutcome) {
  metrics().webhooks.labels(outcome).inc();
}

type Outcome<Code extends EarnErrorCode | RedeemErrorCode | CheckoutErrorCode | CheckoutRemoveErrorCode> =
  { ok: true } | { ok: false; code: Code };

export function recordClaim(result: Outcome<EarnErrorCode>) {
  metrics().claims.labels(outcomeLabel(result)).inc();
}

export function recordRedemption(result: Outcome<RedeemErrorCode>) {
  metrics().redemptions.labels(outcomeLabel(result)).inc();
}

export function recordCheckoutApply(result: Outcome<CheckoutErrorCode>) {
  metrics().checkoutApplies.labels(outcomeLabel(result)).inc();
}

export function recordCheckoutRemoval(result: Outcome<CheckoutRemoveErrorCode>) {
  metrics().checkoutRemovals.labels(outcomeLabel(result)).inc();
}

export function recordRateLimitRefusal(limit: RateLimitName) {
  metrics().rateLimitRefusals.labels(limit).inc();
}

/** The Prometheus text exposition of every metric of this process. */
export async function metricsExposition(): Promise<{ contentType: string; body: string }> {
  const { registry } = metrics();
  return { contentType: registry.contentType, body: await registry.metrics() };
}

import 'server-only';
import { randomUUID } from 'node:crypto';
import type { createMemberClient } from '@/lib/wix/clients';
import { getAdminClient } from '@/lib/wix/clients';
import { callKey, WIX_CALLS, type WixCallEntry, type WixCallKey } from '@/lib/wix/wix-calls';
import { probe, type ProbeOutcome } from './probe';
import { row, type CheckRow } from './report';
import { WIX_PROBES, type ProbeTargets } from './wix-probes';

/** The member's client, or why there is none (no `--member`, or Wix did not sign the member in). */
export type Member = { client: ReturnType<typeof createMemberClient> | null; missing: string };
type Outcome = ProbeOutcome | { kind: 'skipped'; detail: string };

const WHO = { app: 'the API key', member: 'the member’s token' } as const;
const PERMISSION_AREA: Record<string, string> = { checkout: 'Wix eCommerce', members: 'Wix Members' };

const isPermitted = (outcome: Outcome | undefined) =>
  outcome?.kind === 'answered' || outcome?.kind === 'permitted';

const nameOf = (call: WixCallEntry) => `${call.method} (${call.identity})`;

/** Runs one listed call's probe with its identity's client; skipped when there is no such client. */
async function outcomeOf(call: WixCallEntry, member: Member, targets: ProbeTargets): Promise<Outcome> {
  const key = callKey(call);
  if (call.identity === 'member' && !member.client) return { kind: 'skipped', detail: member.missing };
  const pending =
    call.identity === 'app'
      ? WIX_PROBES[key as Extract<WixCallKey, `${string}@app`>].run(getAdminClient(), targets)
      : WIX_PROBES[key as Extract<WixCallKey, `${string}@member`>].run(member.client!, targets);
  if (!pending) return { kind: 'skipped', detail: `not called: ${WIX_PROBES[key].notCalled}` };
  return probe(() => pending);
}

/** What went wrong (`problem`, with the call's status and code), and the fix. */
type Failure = { problem: string; fix: string };

/** What went wrong with a call, and the fix in plain words. */
function failureOf(call: WixCallEntry, outcome: Exclude<ProbeOutcome, { kind: 'answered' }>): Failure {
  if (outcome.kind === 'permitted') {
    return {
      problem: `Wix answered ${outcome.detail}`,
      fix: 'check that Wix Loyalty is installed on the site and its program set up.',
    };
  }
  if (outcome.kind === 'unavailable') {
    return {
      problem: `Wix did not answer (${outcome.detail})`,
      fix: 'run the doctor again; if it persists, check that this machine reaches www.wixapis.com.',
    };
  }
  const verb = outcome.kind === 'forbidden' ? 'refused' : 'did not accept';
  const problem = `Wix ${verb} ${WHO[call.identity]} (${outcome.detail})`;
  if (call.identity === 'app') {
    const area = PERMISSION_AREA[call.method.split('.')[0]!] ?? 'Wix Loyalty';
    const fix =
      outcome.kind === 'forbidden'
        ? `give the API key the ${area} permissions for this site (Wix account settings, API Keys).`
        : 'check WIX_API_KEY, and that WIX_SITE_ID is a site of the key’s account.';
    return { problem, fix };
  }
  const fix =
    outcome.kind === 'forbidden'
      ? 'the site must let members call it (its roles and permissions); the app has no other way to make this call.'
      : 'check the member id given to --member.';
  return { problem, fix };
}

function judge(call: WixCallEntry, outcome: Outcome, outcomes: Map<WixCallKey, Outcome>): CheckRow {
  const name = nameOf(call);
  if (outcome.kind === 'skipped') return row(name, 'skipped', outcome.detail);
  if (outcome.kind === 'answered') return row(name, 'ok', `answered: ${call.purpose}`);
  const probeOf = WIX_PROBES[callKey(call)];
  if (outcome.kind === 'permitted' && probeOf.expects !== 'answer') {
    return row(name, 'ok', `permitted: Wix answered ${outcome.detail} for ${probeOf.target}`);
  }
  const { problem, fix } = failureOf(call, outcome);
  // The checkout exchange: the member's token first, the API key when Wix refuses it (`member-fallback.ts`).
  const other = outcomes.get(`${call.method}@${call.identity === 'app' ? 'member' : 'app'}` as WixCallKey);
  if (call.identity === 'member' && outcome.kind === 'forbidden' && isPermitted(other)) {
    return row(
      name,
      'warn',
      `${problem}: the app makes this call with the API key instead, for ${call.purpose}.`,
    );
  }
  if ('fallback' in call && other?.kind !== 'forbidden') {
    const when = other?.kind === 'skipped' ? 'run with --member to see whether it does' : 'it does not';
    return row(
      name,
      'warn',
      `${problem}. Needed only when Wix refuses members’ tokens for it (${when}). Fix: ${fix}`,
    );
  }
  return row(name, 'FAILED', `${problem}, so ${call.purpose} fails. Fix: ${fix}`);
}

const EXCHANGE = [
  'checkoutExchange.applyDiscountToCheckout',
  'checkoutExchange.queryLoyaltyCheckoutDiscounts',
];

/** Which identities Wix accepts for the checkout exchange, and so which one the app spends points with. */
function exchangeRow(outcomes: Map<WixCallKey, Outcome>): CheckRow {
  const of = (identity: 'app' | 'member') =>
    EXCHANGE.map((method) => outcomes.get(`${method}@${identity}` as WixCallKey));
  const member = of('member');
  const app = of('app');
  const appAccepted = app.every(isPermitted);
  if (member.some((outcome) => outcome?.kind === 'skipped')) {
    return row(
      'checkout exchange',
      'skipped',
      `a member’s token was not tried (no member tokens); the API key: ${appAccepted ? 'accepted' : 'refused'}`,
    );
  }
  if (member.every(isPermitted)) {
    const key = appAccepted ? 'and the API key (its fallback)' : 'but not the API key (no fallback)';
    return row(
      'checkout exchange',
      'ok',
      `accepts the member’s token (the app spends points with it) ${key}`,
    );
  }
  const refusedToMember = member.every((outcome, i) => isPermitted(outcome) || isPermitted(app[i]));
  return refusedToMember
    ? row(
        'checkout exchange',
        'ok',
        'accepts only the API key: the app spends points with it, on checkouts it has proven the member’s own',
      )
    : row(
        'checkout exchange',
        'FAILED',
        'refuses both the member’s token and the API key: points at checkout cannot work. Fix: give the API key the Wix Loyalty permissions.',
      );
}

/**
 * Every call of `WIX_CALLS` made read-only with the identity the app makes it with, one row each, then which
 * identity the checkout exchange accepts. The member's calls need a member client (`--member`).
 */
export async function checkWixMethods(member: Member): Promise<CheckRow[]> {
  const targets: ProbeTargets = {
    missingId: randomUUID(),
    otherMissingId: randomUUID(),
    followedChannel: null,
  };
  const outcomes = new Map<WixCallKey, Outcome>();
  // The follows come first: re-following one of them is how `createFollowedChannel` is called safely.
  const follows = WIX_CALLS.find((call) => call.method === 'socialMedia.listFollowedChannels')!;
  const listed = await outcomeOf(follows, member, targets);
  outcomes.set(callKey(follows), listed);
  if (listed.kind === 'answered') {
    const { followedChannels } = listed.value as { followedChannels?: { channel?: string }[] };
    targets.followedChannel = followedChannels?.find((f) => f.channel)?.channel ?? null;
  }
  const rest = WIX_CALLS.filter((call) => call !== follows);
  const settled = await Promise.all(rest.map((call) => outcomeOf(call, member, targets)));
  rest.forEach((call, i) => outcomes.set(callKey(call), settled[i]!));
  const made = WIX_CALLS.filter((call) => call.identity === 'app' || member.client);
  const unmade = WIX_CALLS.length - made.length;
  return [
    ...made.map((call) => judge(call, outcomes.get(callKey(call))!, outcomes)),
    ...(unmade ? [row(`${unmade} member calls`, 'skipped', member.missing)] : []),
    exchangeRow(outcomes),
  ];
}

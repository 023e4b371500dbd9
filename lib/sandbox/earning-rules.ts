import { requireApp } from './auth';
import { applicationError, SandboxErrorCode } from './errors';
import type { Router } from './router';
import { socialMediaActivityType } from './seed-catalog';
import type { EarningRuleRecord, SandboxState, SocialChannel } from './state';

const BASE = '/_api/loyalty-earning-rules/v1';

function restRule(rule: EarningRuleRecord) {
  const configs = rule.configs.map(({ tierId, points, moneyAmount }) => ({
    ...(tierId && { tierId }),
    ...(rule.kind === 'conversionRate' && { moneyAmount }),
    points,
  }));
  return {
    id: rule.id,
    ...(rule.kind === 'fixedAmount' ? { fixedAmount: { configs } } : { conversionRate: { configs } }),
    sourceAppId: rule.sourceAppId,
    triggerAppId: rule.triggerAppId,
    triggerActivityType: rule.triggerActivityType,
    title: rule.title,
    status: rule.status,
    revision: String(rule.revision),
    createdDate: rule.createdDate.toISOString(),
    updatedDate: rule.updatedDate.toISOString(),
    metadata: { canBeDeleted: rule.canBeDeleted },
  };
}

/** Wix lets members follow only the channels a site owner enabled: here, those with an ACTIVE rule. */
export function activeSocialRule(state: SandboxState, channel: SocialChannel): EarningRuleRecord | undefined {
  const activityType = socialMediaActivityType(channel);
  return state.earningRules.find(
    (rule) => rule.triggerActivityType === activityType && rule.status === 'ACTIVE',
  );
}

/** A fixed-amount rule's points for a tier: that tier's config, else the base one, which has no tier id. */
export function fixedPointsFor(rule: EarningRuleRecord, tierId: string | undefined): number | undefined {
  if (rule.kind !== 'fixedAmount') return undefined;
  const config =
    rule.configs.find((c) => tierId !== undefined && c.tierId === tierId) ??
    rule.configs.find((c) => c.tierId === undefined);
  return config?.points;
}

export function registerEarningRuleRoutes(router: Router): void {
  router
    .add('GET', `${BASE}/earning-rules/rules`, (ctx) => {
      requireApp(ctx);
      const params = ctx.url.searchParams;
      const triggerAppId = params.get('triggerAppId');
      const activityType = params.get('triggerActivityType');
      const rules = ctx.sandbox.state.earningRules.filter(
        (rule) =>
          (!triggerAppId || rule.triggerAppId === triggerAppId) &&
          (!activityType || rule.triggerActivityType === activityType),
      );
      return { json: { earningRules: rules.map(restRule) } };
    })
    .add('GET', `${BASE}/earning-rules/:id`, (ctx) => {
      requireApp(ctx);
      const rule = ctx.sandbox.state.earningRules.find((r) => r.id === ctx.params.id);
      if (!rule) {
        throw applicationError(
          404,
          SandboxErrorCode.EarningRuleNotFound,
          `Earning rule ${ctx.params.id} not found`,
        );
      }
      return { json: { earningRule: restRule(rule) } };
    });
}

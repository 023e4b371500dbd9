import { requireApp } from './auth';
import { applicationError, SandboxErrorCode } from './errors';
import type { Router } from './router';
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

/** Wix only lets members follow channels a site owner enabled; here, an ACTIVE social-media rule. */
export function isChannelEnabled(state: SandboxState, channel: SocialChannel): boolean {
  return state.earningRules.some((rule) => rule.socialChannel === channel && rule.status === 'ACTIVE');
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

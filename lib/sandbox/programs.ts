import { requireApp } from './auth';
import { applicationError, SandboxErrorCode } from './errors';
import type { RequestContext, Router } from './router';
import type { ProgramStatus, SandboxState, TierRecord } from './state';

/**
 * Icons are Wix `Image` objects in REST. Without an `id` the SDK hands back `url` as the icon
 * string, so sandbox icons are self-contained `data:` URLs that render offline.
 */
const image = (url: string) => ({ url, width: 64, height: 64 });

const STAR_ICON = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path fill="#f5b301" d="M12 2l3 7h7l-5.5 4.5L18.5 21 12 16.8 5.5 21l2-7.5L2 9h7z"/></svg>',
)}`;

function restProgram(state: SandboxState) {
  const { program } = state;
  return {
    name: program.name,
    pointDefinition: { customName: program.pointsName, icon: image(STAR_ICON) },
    status: program.status,
    createdDate: program.createdDate.toISOString(),
    updatedDate: program.updatedDate.toISOString(),
    pointsExpiration: { ...program.pointsExpiration },
    premiumFeatures: { loyaltyProgram: true, tiers: true, pointsExpiration: true },
  };
}

function restTier(tier: TierRecord) {
  return {
    id: tier.id,
    tierDefinition: { icon: image(tier.iconUrl), name: tier.name, description: tier.description },
    requiredPoints: tier.requiredPoints,
    revision: String(tier.revision),
    createdDate: tier.createdDate.toISOString(),
    updatedDate: tier.updatedDate.toISOString(),
  };
}

/** The base tier is not a Tier: Wix describes it in the tiers program settings and gives it no id. */
function restTiersSettings(state: SandboxState) {
  const settings = state.program.tiersProgram;
  return {
    rollingWindow: { durationInMonths: settings.rollingWindowMonths },
    status: settings.status,
    revision: String(settings.revision),
    createdDate: settings.createdDate.toISOString(),
    updatedDate: settings.updatedDate.toISOString(),
    baseTierDefinition: {
      icon: image(settings.baseTier.iconUrl),
      name: settings.baseTier.name,
      description: settings.baseTier.description,
    },
  };
}

const sortedTiers = (state: SandboxState) =>
  [...state.tiers].sort((a, b) => a.requiredPoints - b.requiredPoints).map(restTier);

function setProgramStatus(status: ProgramStatus) {
  return (ctx: RequestContext) => {
    requireApp(ctx);
    const { program } = ctx.sandbox.state;
    program.status = status;
    program.updatedDate = new Date();
    return { json: { loyaltyProgram: restProgram(ctx.sandbox.state) } };
  };
}

export function registerProgramRoutes(router: Router): void {
  router
    .add('GET', '/loyalty-programs/v1/program', (ctx) => {
      requireApp(ctx);
      return { json: { loyaltyProgram: restProgram(ctx.sandbox.state) } };
    })
    .add('POST', '/loyalty-programs/v1/program/activate', setProgramStatus('ACTIVE'))
    .add('POST', '/loyalty-programs/v1/program/pause', setProgramStatus('PAUSED'))
    .add('GET', '/loyalty-programs/v1/program/premium-features', (ctx) => {
      requireApp(ctx);
      return { json: { loyaltyProgram: true, tiers: true, pointsExpiration: true } };
    })
    .add('GET', '/loyalty-tiers/v1/tiers', (ctx) => {
      requireApp(ctx);
      return { json: { tiers: sortedTiers(ctx.sandbox.state) } };
    })
    .add('GET', '/loyalty-tiers/v1/tiers/program-settings', (ctx) => {
      requireApp(ctx);
      return { json: { programSettings: restTiersSettings(ctx.sandbox.state) } };
    })
    .add('GET', '/loyalty-tiers/v1/tiers/program', (ctx) => {
      requireApp(ctx);
      const { state } = ctx.sandbox;
      return { json: { tiers: sortedTiers(state), programSettings: restTiersSettings(state) } };
    })
    .add('GET', '/loyalty-tiers/v1/tiers/:tierId', (ctx) => {
      requireApp(ctx);
      const tier = ctx.sandbox.state.tiers.find((t) => t.id === ctx.params.tierId);
      if (!tier) {
        throw applicationError(404, SandboxErrorCode.TierNotFound, `Tier ${ctx.params.tierId} not found`);
      }
      return { json: { tier: restTier(tier) } };
    });
}

import { permissionDenied, unauthenticated } from './errors';
import type { RequestContext } from './router';
import type { Principal } from './tokens';

export type Identity = { kind: 'app' } | (Principal & { refreshToken: string });

/**
 * Wix sends the raw token or API key in `Authorization` (no `Bearer`). API-key calls also name
 * the site in `wix-site-id`, which is how `ApiKeyStrategy({ apiKey, siteId })` calls look.
 */
export function authenticate(ctx: RequestContext): Identity {
  const header = ctx.req.headers.authorization;
  if (!header) throw unauthenticated('Missing Authorization header');
  const { apiKey, siteId } = ctx.sandbox.config;
  if (header === apiKey) {
    const requestedSite = ctx.req.headers['wix-site-id'];
    if (requestedSite !== siteId) {
      throw unauthenticated('API key calls must send the sandbox site id in the wix-site-id header');
    }
    return { kind: 'app' };
  }
  const resolved = ctx.sandbox.tokens.resolveAccessToken(header);
  if (!resolved) throw unauthenticated('Invalid or expired access token');
  return { ...resolved.principal, refreshToken: resolved.refreshToken };
}

/** Methods whose typings say `@applicableIdentity APP` only: the admin API key is required. */
export function requireApp(ctx: RequestContext): void {
  const identity = authenticate(ctx);
  if (identity.kind !== 'app') {
    throw permissionDenied(`This method needs an API key; a ${identity.kind} token is not allowed`);
  }
}

/** "Current member" methods need a member token; the sandbox has no way to impersonate from a key. */
export function requireMember(ctx: RequestContext): string {
  const identity = authenticate(ctx);
  if (identity.kind !== 'member') {
    throw permissionDenied(`This method needs a logged-in member; the caller is ${describe(identity)}`);
  }
  return identity.memberId;
}

/** Methods whose typings list both `APP` and `MEMBER`: an API key or a member token, never a visitor's. */
export function requireAppOrMember(
  ctx: RequestContext,
): { kind: 'app' } | { kind: 'member'; memberId: string } {
  const identity = authenticate(ctx);
  if (identity.kind === 'visitor') {
    throw permissionDenied('This method needs an API key or a logged-in member; the caller is a visitor');
  }
  return identity.kind === 'app' ? identity : { kind: 'member', memberId: identity.memberId };
}

function describe(identity: Identity): string {
  return identity.kind === 'app' ? 'an API key with no member context' : `a ${identity.kind}`;
}

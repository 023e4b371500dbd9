import { z } from 'zod';
import { authenticate } from './auth';
import { parseControlBody } from './control';
import { permissionDenied } from './errors';
import type { RequestContext, RouteKey, Router } from './router';
import { SDK_METHOD_NAMES, sdkMethodFor, type SdkMethodName } from './sdk-methods';

/**
 * The permission switch: a site that does not let an identity call a method, simulated. Wix decides per site
 * which identities may call what (its typings list the identities a method may serve, its reference pages
 * the permission), and a real site can refuse where the sandbox, following the typings, would answer.
 */

/** `app`: the API key. `member`: a member's OAuth token. Visitors are refused by the methods themselves. */
export type DeniedIdentity = 'app' | 'member';

export type PermissionDenial = { method: SdkMethodName; identity: DeniedIdentity };

const permissionsSchema = z
  .object({
    deny: z
      .array(
        z
          .object({
            method: z.enum(SDK_METHOD_NAMES as [SdkMethodName, ...SdkMethodName[]]),
            identity: z.enum(['app', 'member']),
          })
          .strict(),
      )
      .max(200),
  })
  .strict();

function callerIdentity(ctx: RequestContext): DeniedIdentity | null {
  try {
    const identity = authenticate(ctx);
    return identity.kind === 'visitor' ? null : identity.kind;
  } catch {
    // An unknown key or token: the method answers its own 401.
    return null;
  }
}

/**
 * Refuses the call with Wix's 403 `PERMISSION_DENIED` body ("the system authenticated you, but you don't have
 * permissions to call this API", https://dev.wix.com/docs/rest/articles/getting-started/errors) when the
 * switch denies this route's method to the caller's identity. Nothing of the method runs, as on Wix, where
 * the permission is checked before the service sees the request.
 */
export function enforcePermissions(ctx: RequestContext, route: RouteKey): void {
  const denied = ctx.sandbox.permissions;
  if (denied.length === 0) return;
  const method = sdkMethodFor(route);
  const identity = method && callerIdentity(ctx);
  if (!identity || !denied.some((d) => d.method === method && d.identity === identity)) return;
  const who = identity === 'app' ? 'The API key' : "The member's token";
  throw permissionDenied(`${who} does not have the permission this method needs on this site`);
}

export function registerPermissionRoutes(router: Router): void {
  router
    .add('GET', '/_sandbox/permissions', (ctx) => ({ json: { deny: ctx.sandbox.permissions } }))
    .add('PUT', '/_sandbox/permissions', (ctx) => {
      ctx.sandbox.permissions = parseControlBody(ctx, permissionsSchema).deny;
      return { json: { deny: ctx.sandbox.permissions } };
    });
}

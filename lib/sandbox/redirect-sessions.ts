import { z } from 'zod';
import { authenticate } from './auth';
import { parseOrThrow, validationError } from './errors';
import { renderLoginPage, renderMessagePage } from './login-page';
import type { AuthSession } from './redirect-session-store';
import type { RequestContext, Router } from './router';
import { accountByMemberId, fullName } from './state';

const absoluteUrl = z.string().refine((value) => URL.canParse(value), 'must be an absolute URL');

const createSessionSchema = z.object({
  auth: z
    .object({
      authRequest: z.object({
        clientId: z.string().min(1),
        redirectUri: absoluteUrl,
        responseType: z.literal('code'),
        codeChallenge: z.string().min(43).max(128),
        codeChallengeMethod: z.literal('S256'),
        responseMode: z.enum(['query', 'fragment']).nullish(),
        state: z.string().min(1).optional(),
        scope: z.string().nullish(),
      }),
      prompt: z.string().optional(),
    })
    .optional(),
  logout: z.object({ clientId: z.string().min(1) }).optional(),
  callbacks: z.object({ postFlowUrl: absoluteUrl.nullish() }).optional(),
});

function sessionUrls(origin: string, page: 'login' | 'logout', sessionId: string) {
  const endpoint = `${origin}/_sandbox/${page}`;
  const fullUrl = `${endpoint}?session=${encodeURIComponent(sessionId)}`;
  return { fullUrl, shortUrl: fullUrl, urlDetails: { endpoint, searchParams: { session: sessionId } } };
}

/**
 * Only the `auth` and `logout` intents exist here; Wix's checkout intents are out of scope.
 * `web_message` is refused because it needs Wix's iframe login, which the sandbox does not host.
 */
function createRedirectSession(ctx: RequestContext) {
  const identity = authenticate(ctx);
  const body = parseOrThrow(createSessionSchema, ctx.body());
  const { config, sessions } = ctx.sandbox;
  const clientId = body.auth?.authRequest.clientId ?? body.logout?.clientId;
  if (clientId !== undefined && clientId !== config.clientId) {
    const field = body.auth ? 'auth.authRequest.clientId' : 'logout.clientId';
    throw validationError([
      { field, description: `unknown OAuth client ${clientId}`, violatedRule: 'OTHER' },
    ]);
  }
  if (body.auth) {
    const request = body.auth.authRequest;
    const session = sessions.create({
      kind: 'auth',
      clientId: request.clientId,
      redirectUri: request.redirectUri,
      state: request.state,
      codeChallenge: request.codeChallenge,
      responseMode: request.responseMode ?? 'query',
    });
    return {
      json: { redirectSession: { id: session.id, ...sessionUrls(config.origin, 'login', session.id) } },
    };
  }
  if (body.logout) {
    const session = sessions.create({
      kind: 'logout',
      postFlowUrl: body.callbacks?.postFlowUrl ?? undefined,
      refreshToken: identity.kind === 'app' ? undefined : identity.refreshToken,
    });
    return {
      json: { redirectSession: { id: session.id, ...sessionUrls(config.origin, 'logout', session.id) } },
    };
  }
  throw validationError([
    {
      field: 'auth',
      description: 'the sandbox supports only auth and logout sessions',
      violatedRule: 'ONE_OF_ALIGNMENT',
    },
  ]);
}

const invalidLink = () => ({
  status: 400,
  html: renderMessagePage('Link expired', 'This sign-in link is invalid, was already used, or has expired.'),
});

function authSession(ctx: RequestContext): AuthSession | undefined {
  const session = ctx.sandbox.sessions.get(ctx.url.searchParams.get('session') ?? '');
  return session?.kind === 'auth' ? session : undefined;
}

/** Where the browser goes back to, with the result in the query or fragment as the app asked. */
function callbackUrl(session: AuthSession, result: Record<string, string>): string {
  const url = new URL(session.redirectUri);
  const params = { ...result, ...(session.state !== undefined && { state: session.state }) };
  if (session.responseMode === 'fragment') {
    url.hash = new URLSearchParams(params).toString();
  } else {
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  }
  return url.toString();
}

function showLogin(ctx: RequestContext) {
  const session = authSession(ctx);
  if (!session) return invalidLink();
  const { state } = ctx.sandbox;
  const choices = state.members.map((member) => {
    const account = accountByMemberId(state, member.id);
    return {
      memberId: member.id,
      name: fullName(member),
      email: member.loginEmail,
      note: account ? `${account.points.balance} ${state.program.pointsName}` : 'No loyalty account yet',
    };
  });
  return { html: renderLoginPage(session.id, choices) };
}

function submitLogin(ctx: RequestContext) {
  const session = authSession(ctx);
  if (!session) return invalidLink();
  const form = new URLSearchParams(ctx.rawBody);
  if (form.get('action') === 'cancel') {
    ctx.sandbox.sessions.consume(session.id);
    return {
      redirect: callbackUrl(session, {
        error: 'access_denied',
        error_description: 'The member cancelled the sign-in',
      }),
    };
  }
  const memberId = form.get('memberId') ?? '';
  if (!ctx.sandbox.state.members.some((member) => member.id === memberId)) {
    return {
      status: 400,
      html: renderMessagePage('Unknown member', 'Choose one of the demo members listed.'),
    };
  }
  ctx.sandbox.sessions.consume(session.id);
  const code = ctx.sandbox.tokens.createCode({
    memberId,
    clientId: session.clientId,
    redirectUri: session.redirectUri,
    codeChallenge: session.codeChallenge,
  });
  return { redirect: callbackUrl(session, { code }) };
}

/** Logging out revokes the token family that asked for the logout URL, the only one the sandbox can tie to it. */
function logout(ctx: RequestContext) {
  const session = ctx.sandbox.sessions.get(ctx.url.searchParams.get('session') ?? '');
  if (session?.kind !== 'logout') return invalidLink();
  ctx.sandbox.sessions.consume(session.id);
  if (session.refreshToken) ctx.sandbox.tokens.revoke(session.refreshToken);
  if (session.postFlowUrl) return { redirect: session.postFlowUrl };
  return { html: renderMessagePage('Signed out', 'You are signed out of the Wix sandbox.', 'status') };
}

export function registerRedirectSessionRoutes(router: Router): void {
  router.add('POST', '/_api/redirects-api/v1/redirect-session', createRedirectSession);
}

export function registerLoginPageRoutes(router: Router): void {
  router
    .add('GET', '/_sandbox/login', showLogin)
    .add('POST', '/_sandbox/login', submitLogin)
    .add('GET', '/_sandbox/logout', logout);
}

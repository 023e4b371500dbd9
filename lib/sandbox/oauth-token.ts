import { createHash } from 'node:crypto';
import { z } from 'zod';
import { WixApiError } from './errors';
import type { RequestContext, Router } from './router';
import { memberById } from './state';

/**
 * `@wix/sdk` posts camelCase JSON here (`grantType`, `clientId`, ...), while its external-login
 * helpers send snake_case, so both spellings are read.
 */
const tokenRequestSchema = z.looseObject({
  grantType: z.string().optional(),
  grant_type: z.string().optional(),
  clientId: z.string().optional(),
  client_id: z.string().optional(),
  code: z.string().optional(),
  codeVerifier: z.string().optional(),
  code_verifier: z.string().optional(),
  redirectUri: z.string().optional(),
  redirect_uri: z.string().optional(),
  refreshToken: z.string().optional(),
  refresh_token: z.string().optional(),
  member_id: z.string().optional(),
  memberId: z.string().optional(),
  session_token: z.string().optional(),
});

type TokenRequest = z.infer<typeof tokenRequestSchema>;

type OAuthErrorCode = 'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unsupported_grant_type';

/** RFC 6749 error fields, plus Wix's `message`/`details` so SDK-style error handling also works. */
function oauthError(status: number, error: OAuthErrorCode, description: string): WixApiError {
  return new WixApiError(status, {
    error,
    error_description: description,
    message: description,
    details: { applicationError: { code: error.toUpperCase(), description, data: {} } },
  });
}

export function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

function token(ctx: RequestContext) {
  const parsed = tokenRequestSchema.safeParse(ctx.body());
  if (!parsed.success) throw oauthError(400, 'invalid_request', 'Token request fields must be strings');
  const body = parsed.data;
  const grantType = body.grantType ?? body.grant_type;
  const clientId = body.clientId ?? body.client_id;
  const { tokens, config } = ctx.sandbox;

  if (!grantType) throw oauthError(400, 'invalid_request', 'grantType is required');
  if (grantType === 'authorized_client') return { json: externalLogin(ctx, body) };
  if (!['anonymous', 'authorization_code', 'refresh_token'].includes(grantType)) {
    throw oauthError(
      400,
      'unsupported_grant_type',
      `Grant type ${grantType} is not supported by the sandbox`,
    );
  }
  if (!clientId) throw oauthError(400, 'invalid_request', 'clientId is required');
  if (clientId !== config.clientId)
    throw oauthError(401, 'invalid_client', `Unknown OAuth client ${clientId}`);

  if (grantType === 'anonymous') return { json: tokens.issueVisitorTokens() };

  if (grantType === 'refresh_token') {
    const refreshToken = body.refreshToken ?? body.refresh_token;
    if (!refreshToken) throw oauthError(400, 'invalid_request', 'refreshToken is required');
    const renewed = tokens.refresh(refreshToken);
    if (!renewed) throw oauthError(400, 'invalid_grant', 'Refresh token is unknown or revoked');
    return { json: renewed };
  }

  const code = body.code;
  const verifier = body.codeVerifier ?? body.code_verifier;
  const redirectUri = body.redirectUri ?? body.redirect_uri;
  if (!code) throw oauthError(400, 'invalid_request', 'code is required');
  if (!verifier) throw oauthError(400, 'invalid_request', 'codeVerifier is required');
  const grant = tokens.takeCode(code);
  if (!grant)
    throw oauthError(400, 'invalid_grant', 'Authorization code is unknown, expired or already used');
  if (grant.clientId !== clientId)
    throw oauthError(400, 'invalid_grant', 'Code was issued to another client');
  if (redirectUri !== grant.redirectUri) {
    throw oauthError(400, 'invalid_grant', 'redirectUri does not match the one used to get the code');
  }
  if (s256(verifier) !== grant.codeChallenge) {
    throw oauthError(
      400,
      'invalid_grant',
      'PKCE verification failed: codeVerifier does not match codeChallenge',
    );
  }
  return { json: tokens.issueMemberTokens(grant.memberId) };
}

/**
 * `getMemberTokensForExternalLogin(memberId, apiKey)`: a confidential server that has signed the member in
 * by other means asks for that member's tokens. The SDK sends no client id; it authorizes with the caller's
 * current access token (which names the site's OAuth client) and the admin API key, comma-separated, in
 * `Authorization`, and the member in `member_id`.
 */
function externalLogin(ctx: RequestContext, body: TokenRequest) {
  const { tokens, config, state } = ctx.sandbox;
  const [accessToken = '', apiKey = ''] = (ctx.req.headers.authorization ?? '').split(',');
  if (apiKey !== config.apiKey) {
    throw oauthError(401, 'invalid_client', 'authorized_client needs the API key after the access token');
  }
  if (!tokens.resolveAccessToken(accessToken)) {
    throw oauthError(401, 'invalid_client', 'authorized_client needs a live visitor or member access token');
  }
  if (body.session_token !== undefined) {
    throw oauthError(400, 'invalid_request', 'The sandbox does not implement sign-on session tokens');
  }
  const memberId = body.member_id ?? body.memberId;
  if (!memberId) throw oauthError(400, 'invalid_request', 'member_id is required');
  if (!memberById(state, memberId)) throw oauthError(400, 'invalid_grant', `No member with id ${memberId}`);
  return tokens.issueMemberTokens(memberId);
}

export function registerOAuthTokenRoutes(router: Router): void {
  router.add('POST', '/oauth2/token', token);
}
